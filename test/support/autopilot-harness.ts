import { sql } from 'kysely';
import type { Worker } from '@temporalio/worker';
import type { Db } from '../../db/database';
import { HarvestClient } from '../../greenhouse/client';
import { startSandbox, type StartSandboxOptions } from '../../sandbox';
import { createPilothouseWorker } from '../../worker/create-worker';
import { testDb, testTemporal, uniqueTaskQueue } from './services';

/**
 * The real pieces an autopilot scenario needs: the run's PostgreSQL (emptied of earlier scenarios'
 * jobs and people), the run's Temporal server, a worker on a fresh task queue, and a Harvest sandbox.
 */
export async function startAutopilotHarness(sandboxOptions: StartSandboxOptions = {}) {
  const db: Db = testDb();
  await sql`truncate job, person, approval_request, export_ledger, webhook_event, sync_watermark, audit_event, decision_trace cascade`.execute(
    db,
  );
  const temporal = await testTemporal();
  const sandbox = await startSandbox({ candidates: 40, log: () => {}, ...sandboxOptions });
  const harvest = new HarvestClient({
    clientId: sandbox.demoCredentials.clientId,
    clientSecret: sandbox.demoCredentials.clientSecret,
    tokenUrl: sandbox.tokenUrl,
    baseUrl: sandbox.baseUrl,
  });
  const taskQueue = uniqueTaskQueue('autopilot');
  const worker: Worker = await createPilothouseWorker({
    connection: temporal.nativeConnection,
    namespace: temporal.namespace,
    taskQueue,
    deps: { db, harvest: async () => harvest, temporal: temporal.client, taskQueue },
  });
  const running = worker.run();
  return {
    db,
    temporal,
    client: temporal.client,
    sandbox,
    harvest,
    taskQueue,
    worker,
    async close() {
      worker.shutdown();
      await running;
      await sandbox.close();
      await temporal.close();
      await db.destroy();
    },
  };
}

export type AutopilotHarness = Awaited<ReturnType<typeof startAutopilotHarness>>;

/** Polls until `probe` returns a value (not undefined); fails with `what` after the deadline. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 60_000, explain }: { timeoutMs?: number; explain?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = explain ? ` — last seen: ${JSON.stringify(await explain())}` : '';
      throw new Error(`Timed out waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
