import { pingDatabase } from '../../db/wait-for-database';
import { pingTemporal } from '../../infra/temporal-connection';
import type { PilothouseContext } from './load-context';

export interface ComponentHealth {
  ok: boolean;
  detail: string;
  latencyMs: number;
}

async function measure(probe: () => Promise<string>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    const detail = await probe();
    return { ok: true, detail, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { ok: false, detail, latencyMs: Math.round(performance.now() - started) };
  }
}

/** Checks each service the app depends on, independently, so one failure does not hide another. */
export async function checkHealth(context: PilothouseContext) {
  const [database, temporal] = await Promise.all([
    measure(async () => {
      await pingDatabase(context.db);
      return 'PostgreSQL answered';
    }),
    measure(async () => {
      await pingTemporal(context.temporal);
      return `namespace ${context.temporal.options.namespace} answered`;
    }),
  ]);
  return { ok: database.ok && temporal.ok, database, temporal };
}
