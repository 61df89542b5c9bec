import type { Route } from './+types/healthz';
import { checkHealth } from '../server/health.server';

export async function loader({ context }: Route.LoaderArgs) {
  const health = await checkHealth(context);
  return Response.json(
    { status: health.ok ? 'ok' : 'degraded', database: health.database, temporal: health.temporal },
    { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
