import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, createHarvestQueueActivities, type ActivityDeps } from '../activities';
import { activityMetricsInterceptor } from '../observability/activity-metrics';
import { harvestTaskQueue } from '../temporal/task-queues';
import type { WorkerTuning } from './tuning';
import { WORKFLOWS_PATH } from './workflow-bundle';

export { WORKFLOWS_PATH } from './workflow-bundle';

/** What one worker process polls (WORKER_ROLE): both kinds of task, or only one to scale them apart. */
export type WorkerRole = 'all' | 'workflows' | 'activities';

export interface PilothouseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A pre-built bundle (production start-up); without it the workflows are bundled at start. */
  workflowBundlePath?: string;
  tuning?: WorkerTuning;
  /** Default `all`. `activities` registers no workflows; `workflows` registers no activities. */
  role?: WorkerRole;
}

/**
 * The worker of the main task queue: the workflows and every activity — the store, matching and notify
 * groups workflows send here, and the Harvest group too, as before the split (a Harvest activity a
 * workflow scheduled here before the Harvest queue existed still finds its implementation).
 */
export async function createPilothouseWorker(options: PilothouseWorkerOptions): Promise<Worker> {
  const role = options.role ?? 'all';
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(role === 'activities'
      ? {}
      : options.workflowBundlePath
        ? { workflowBundle: { codePath: options.workflowBundlePath } }
        : { workflowsPath: WORKFLOWS_PATH }),
    ...(role === 'workflows'
      ? {}
      : {
          activities: createActivities(options.deps),
          interceptors: { activity: [activityMetricsInterceptor] },
        }),
    ...options.tuning,
  });
}

export interface HarvestWorkerOptions extends Omit<PilothouseWorkerOptions, 'workflowBundlePath' | 'role'> {
  /**
   * Queue-wide limit (all workers together), from `harvestQueueActivitiesPerSecond(env)`. Every
   * worker polling the queue must pass the same value: the server keeps the last one it was sent.
   */
  maxTaskQueueActivitiesPerSecond: number;
}

/**
 * The worker of the Harvest task queue (`harvestTaskQueue(taskQueue)`): activities only, at most
 * `maxTaskQueueActivitiesPerSecond` started per second across every worker of the deployment.
 * It registers only the Harvest activities (`createHarvestQueueActivities`: the `HarvestActivities`
 * group workflows send here with `proxyActivities<HarvestActivities>({ taskQueue: harvestTaskQueue(...) })`,
 * plus `completeExport` for exports that scheduled it here before it moved to the main queue).
 */
export async function createHarvestWorker(options: HarvestWorkerOptions): Promise<Worker> {
  // Workflow-task settings mean nothing to an activities-only worker. Deployment versioning stays:
  // a versioned workflow's activities are dispatched to pollers of the same deployment version.
  const {
    maxConcurrentWorkflowTaskExecutions: _tasks,
    maxCachedWorkflows: _cache,
    ...tuning
  } = options.tuning ?? {};
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: harvestTaskQueue(options.taskQueue),
    activities: createHarvestQueueActivities(options.deps),
    interceptors: { activity: [activityMetricsInterceptor] },
    maxTaskQueueActivitiesPerSecond: options.maxTaskQueueActivitiesPerSecond,
    ...tuning,
  });
}
