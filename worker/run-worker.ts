import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Env } from '../config/env';
import { createDb } from '../db/database';
import { waitForDatabase } from '../db/wait-for-database';
import { connectTemporalClient, temporalTargetFromEnv } from '../infra/temporal-connection';
import { harvestFromConnection } from '../activities/harvest-factory';
import { connectTemporalWorker } from './connect-worker';
import { createPilothouseWorker } from './create-worker';
import { ensureJobSyncSchedule } from './sync-schedule';

/**
 * The worker process: one database pool, one Temporal connection, the workflows and activities.
 * The Temporal runtime shuts the worker down on SIGINT/SIGTERM, letting in-flight activities finish.
 */
export async function runWorker(env: Env): Promise<void> {
  // The SDK's INFO lines (bundler output, state changes) drown the product's own; show them on debug.
  const sdkLevel: LogLevel =
    env.LOG_LEVEL === 'debug' ? 'DEBUG' : env.LOG_LEVEL === 'info' ? 'WARN' : 'ERROR';
  Runtime.install({ logger: new DefaultLogger(sdkLevel) });
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL: the worker needs a database (npm start sets it for you)');
  const db = createDb(env.DATABASE_URL);
  await waitForDatabase(db, env.DATABASE_URL);
  const target = temporalTargetFromEnv(env);
  const connection = await connectTemporalWorker(target);
  const client = await connectTemporalClient(target);
  const worker = await createPilothouseWorker({
    connection,
    namespace: target.namespace,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    deps: { db, harvest: harvestFromConnection(db, env), temporal: client, taskQueue: env.TEMPORAL_TASK_QUEUE },
  });
  await ensureJobSyncSchedule(client, {
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    intervalMinutes: env.JOB_SYNC_INTERVAL_MINUTES,
    // In demo mode the sandbox's open jobs run their autopilot without anyone switching it on.
    enableNewOpenJobs: Boolean(env.PILOTHOUSE_DEMO_SANDBOX_URL),
    triggerNow: true,
  });
  console.log(`worker polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${target.address}`);
  try {
    await worker.run();
  } finally {
    await client.connection.close();
    await connection.close();
    await db.destroy();
  }
}
