import { Runtime, type Worker } from '@temporalio/worker';
import type { Env } from '../config/env';
import { createDb } from '../db/database';
import { waitForDatabase } from '../db/wait-for-database';
import { connectTemporalClient, temporalTargetFromEnv } from '../infra/temporal-connection';
import { workflowClient } from '../temporal/client';
import { harvestFromConnection } from '../activities/harvest-factory';
import { closeResumeReaders } from '../activities/autopilot/resume-reader';
import { loggerFromEnv } from '../observability/logger';
import { collectProcessMetrics } from '../observability/metrics';
import { serveProbes, type ProbeServer } from '../observability/metrics-server';
import { temporalLogger } from '../observability/temporal-logger';
import { workerMatcher } from './activity-deps';
import { connectTemporalWorker } from './connect-worker';
import { createHarvestWorker, createPilothouseWorker } from './create-worker';
import { harvestTaskQueue } from '../temporal/task-queues';
import { harvestQueueActivitiesPerSecond, workerTuningFromEnv } from './tuning';
import { resolveWorkflowBundlePath } from './workflow-bundle';

/**
 * The worker process: one database pool, one Temporal connection, and up to two Temporal workers on
 * it — the main task queue (workflows and general activities) and the Harvest queue (rate-limited
 * across all workers). WORKER_ROLE picks which of them this process runs, so workflow and activity
 * capacity scale apart.
 *
 * Shutdown: the Temporal runtime catches SIGINT/SIGTERM and shuts every worker down — polling stops,
 * in-flight workflow tasks finish, in-flight activities get WORKER_SHUTDOWN_GRACE_SECONDS and are
 * then cancelled, their tasks going back to the server for another worker. Only then are the
 * connections and the database pool closed.
 */
export async function runWorker(env: Env): Promise<void> {
  const role = env.WORKER_ROLE;
  const logger = loggerFromEnv(env, { service: 'worker', role });
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: {
      // The SDK's native (Rust) lines go through the same logger instead of straight to stderr.
      logging: { filter: { core: env.LOG_LEVEL === 'debug' ? 'INFO' : 'WARN', other: 'ERROR' }, forward: {} },
      ...(env.TEMPORAL_METRICS_BIND_ADDRESS
        ? { metrics: { prometheus: { bindAddress: env.TEMPORAL_METRICS_BIND_ADDRESS } } }
        : {}),
    },
  });
  collectProcessMetrics('worker');
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL: the worker needs a database (npm start sets it for you)');
  const tuning = workerTuningFromEnv(env);
  const workflowBundlePath = role === 'activities' ? undefined : resolveWorkflowBundlePath(env);

  const db = createDb(env.DATABASE_URL, { max: env.WORKER_DATABASE_POOL_SIZE });
  const closers: Array<() => Promise<void>> = [() => db.destroy(), () => closeResumeReaders()];
  const workers: Worker[] = [];
  let probes: ProbeServer | undefined;
  try {
    await waitForDatabase(db, env.DATABASE_URL);
    const target = temporalTargetFromEnv(env);
    const connection = await connectTemporalWorker(target);
    closers.push(() => connection.close());
    const client = await connectTemporalClient(target);
    closers.push(() => client.connection.close());
    const deps = {
      db,
      harvest: harvestFromConnection(db, env),
      temporal: client,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      matcher: workerMatcher(env, db),
      webhookPayloadRetentionDays: env.WEBHOOK_PAYLOAD_RETENTION_DAYS,
      notifications: {
        webhookSecret: env.NOTIFY_WEBHOOK_SECRET,
        approvalWebhookUrl: env.APPROVAL_WEBHOOK_URL,
      },
    };
    const common = {
      connection,
      namespace: target.namespace,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      deps,
      tuning,
    };
    workers.push(await createPilothouseWorker({ ...common, role, workflowBundlePath }));
    const harvestRate = harvestQueueActivitiesPerSecond(env);
    if (role !== 'workflows') {
      workers.push(await createHarvestWorker({ ...common, maxTaskQueueActivitiesPerSecond: harvestRate }));
    }
    if (role !== 'activities') {
      await workflowClient(client, env.TEMPORAL_TASK_QUEUE).ensureJobSyncSchedule({
        intervalMinutes: env.JOB_SYNC_INTERVAL_MINUTES,
        // In demo mode the sandbox's open jobs run their autopilot without anyone switching it on.
        enableNewOpenJobs: Boolean(env.PILOTHOUSE_DEMO_SANDBOX_URL),
        triggerNow: true,
      });
    }
    if (env.WORKER_METRICS_PORT) {
      probes = await serveProbes({
        port: env.WORKER_METRICS_PORT,
        healthy: () => {
          const states = workers.map((worker) => worker.getState());
          return { ok: states.every((state) => state === 'RUNNING'), detail: states.join(', ') };
        },
      });
    }
    logger.info(`worker polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${target.address}`, {
      namespace: target.namespace,
      taskQueues: workers.map((worker) => worker.options.taskQueue),
      harvestTaskQueue: role === 'workflows' ? undefined : harvestTaskQueue(env.TEMPORAL_TASK_QUEUE),
      harvestActivitiesPerSecond: role === 'workflows' ? undefined : harvestRate,
      workflowBundle: workflowBundlePath ?? (role === 'activities' ? undefined : 'bundled at start-up'),
      buildId: env.WORKER_BUILD_ID,
      metricsPort: probes?.port,
      semanticModel: deps.matcher.semanticModel ?? 'off (local scorer only)',
      temporalMetrics: env.TEMPORAL_METRICS_BIND_ADDRESS,
    });
    await runAll(workers);
    logger.info('worker stopped: in-flight tasks finished or handed back');
  } finally {
    await probes?.close();
    for (const close of closers.reverse()) await close();
  }
}

/**
 * Runs the workers together. If one fails, the others are shut down too (a half-working process
 * would look healthy to the orchestrator), and the first failure is rethrown once all have stopped.
 */
async function runAll(workers: Worker[]): Promise<void> {
  const results = await Promise.allSettled(
    workers.map((worker) =>
      worker.run().catch((error: unknown) => {
        for (const other of workers) {
          if (other !== worker && other.getState() === 'RUNNING') other.shutdown();
        }
        throw error;
      }),
    ),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}
