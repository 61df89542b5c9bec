import type { Route } from './+types/healthz';
import { checkHealth } from '../server/health.server';

export async function loader({ context }: Route.LoaderArgs) {
  const health = await checkHealth(context);
  return Response.json(
    // Up or down only: the probe is public, and error text would describe the installation to anyone.
    {
      status: health.ok ? 'ok' : 'degraded',
      database: { ok: health.database.ok },
      temporal: { ok: health.temporal.ok },
    },
    { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
