import type { WorkerOptions } from '@temporalio/worker';
import { ConfigError, type Env } from '../config/env';
import { harvestTaskQueueActivitiesPerSecond } from '../temporal/harvest-queue-rate';

export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'shutdownGraceTime'
  | 'workerDeploymentOptions'
>;

/** The deployment name worker versioning groups Pilothouse's builds under. */
export const WORKER_DEPLOYMENT_NAME = 'pilothouse';

/**
 * Worker settings from the environment. Unset values stay unset so the SDK's defaults apply
 * (they follow the SDK's own tuning, which we should not freeze here) — except the activity slots,
 * which follow the database pool.
 */
export function workerTuningFromEnv(env: Env): WorkerTuning {
  const cached = env.WORKER_MAX_CACHED_WORKFLOWS;
  const workflowTasks = env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS;
  // The SDK would quietly lower the one to the other; a setting that does not do what it says is a bug.
  if (cached !== undefined && cached > 0 && workflowTasks !== undefined && workflowTasks > cached) {
    throw new ConfigError(
      `Invalid configuration:\n  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS (${workflowTasks}) cannot exceed WORKER_MAX_CACHED_WORKFLOWS (${cached}) while the cache is on`,
    );
  }
  const tuning: WorkerTuning = {
    // Seconds the SDK lets in-flight activities run after SIGTERM before cancelling them; their
    // tasks go back to the server and another worker retries them (activities are idempotent).
    shutdownGraceTime: `${env.WORKER_SHUTDOWN_GRACE_SECONDS} seconds`,
  };
  // Not the SDK's 100: activities share the process's database pool, and 100 (twice, with the
  // Harvest queue's) on 10 connections waited past the pool's 10 s connection timeout under load —
  // failed attempts, retried after a backoff (bench:scale, bench/README.md). Past the pool there is
  // no more throughput to gain; the tasks wait on the server instead, in order.
  tuning.maxConcurrentActivityTaskExecutions =
    env.WORKER_MAX_CONCURRENT_ACTIVITIES ?? env.WORKER_DATABASE_POOL_SIZE;
  if (workflowTasks !== undefined) tuning.maxConcurrentWorkflowTaskExecutions = workflowTasks;
  if (cached !== undefined) tuning.maxCachedWorkflows = cached;
  if (env.WORKER_BUILD_ID) {
    tuning.workerDeploymentOptions = {
      useWorkerVersioning: true,
      version: { deploymentName: WORKER_DEPLOYMENT_NAME, buildId: env.WORKER_BUILD_ID },
      // Long-running autopilots move to the new build at their next task; code changes therefore
      // still need patched() (see docs/decisions/0005-changing-workflow-code.md).
      defaultVersioningBehavior: 'AUTO_UPGRADE',
    };
  }
  return tuning;
}

/**
 * The queue-wide `maxTaskQueueActivitiesPerSecond` of the Harvest task queue. The Temporal server
 * enforces it across every worker polling the queue, so N workers together stay inside the
 * account's GREENHOUSE_RATE_LIMIT (per 30 s) instead of each spending it alone.
 */
export function harvestQueueActivitiesPerSecond(
  env: Pick<Env, 'GREENHOUSE_RATE_LIMIT' | 'HARVEST_ACTIVITIES_PER_SECOND'>,
): number {
  return (
    env.HARVEST_ACTIVITIES_PER_SECOND ??
    harvestTaskQueueActivitiesPerSecond({ requestsPerWindow: env.GREENHOUSE_RATE_LIMIT, windowSeconds: 30 })
  );
}
