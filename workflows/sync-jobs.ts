import { patched, proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { HarvestActivities, StoreActivities } from '../activities';
import { databaseActivity, greenhouseActivity } from '../temporal/activity-options';
import { WORKFLOW_KIND } from '../temporal/search-attributes';
import { harvestTaskQueue } from '../temporal/task-queues';

const store = proxyActivities<StoreActivities>(databaseActivity);

export interface SyncJobsInput {
  /** Demo mode: turn autopilot on for open jobs the first time they are seen. */
  enableNewOpenJobs?: boolean;
}

/**
 * Run by a Temporal Schedule (and on `job_created`/`job_updated`/`job_deleted` webhooks): stores the jobs
 * the connection may see, then starts or wakes one autopilot per open job with autopilot on.
 */
export async function syncJobs(input: SyncJobsInput = {}) {
  upsertSearchAttributes([{ key: WORKFLOW_KIND, value: 'sync-jobs' }]);
  const greenhouse = proxyActivities<HarvestActivities>({
    ...greenhouseActivity,
    startToCloseTimeout: '10 minutes',
    taskQueue: harvestTaskQueue(workflowInfo().taskQueue),
  });
  const jobs = await greenhouse.syncJobsFromGreenhouse({
    enableNewOpenJobs: input.enableNewOpenJobs ?? false,
  });
  const autopilots = await store.reconcileAutopilots({ jobs });
  if (!patched('erasure-sweep')) return { jobs: jobs.length, ...autopilots };
  // Every sync proves that no candidate Greenhouse erased still has data here.
  const erasures = await store.sweepErasedCandidates({});
  return {
    jobs: jobs.length,
    ...autopilots,
    erasuresChecked: erasures.checked,
    erasedAgain: erasures.erasedAgain,
  };
}
