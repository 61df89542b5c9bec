import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { HarvestActivities, MatchingActivities } from '../activities';
import { greenhouseActivity, matchingActivity } from '../temporal/activity-options';
import { JOB_ID, WORKFLOW_KIND } from '../temporal/search-attributes';
import { harvestTaskQueue } from '../temporal/task-queues';

/**
 * A team asked how the scores would have ranked the job's own applications. The applications are
 * collected from Greenhouse as the autopilot collects them (same activity, same Harvest budget, from the
 * job's watermark on), then ranked and compared with what Greenhouse later did; the figures are stored
 * for the job's backtest page.
 */
export async function jobBacktest(input: { jobId: number }) {
  upsertSearchAttributes([
    { key: WORKFLOW_KIND, value: 'backtest' },
    { key: JOB_ID, value: String(input.jobId) },
  ]);
  const greenhouse = proxyActivities<HarvestActivities>({
    ...greenhouseActivity,
    startToCloseTimeout: '10 minutes',
    taskQueue: harvestTaskQueue(workflowInfo().taskQueue),
  });
  // Ranking up to 300 people with the model on CPU takes longer than one autopilot batch.
  const matching = proxyActivities<MatchingActivities>({
    ...matchingActivity,
    startToCloseTimeout: '15 minutes',
  });
  await greenhouse.sourceCandidates({ jobId: input.jobId });
  return matching.backtestJob({ jobId: input.jobId });
}
