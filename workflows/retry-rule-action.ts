import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { HarvestActivities, NotifyActivities, StoreActivities } from '../activities';
import { databaseActivity, greenhouseActivity, notifyActivity } from '../temporal/activity-options';
import { failureOf } from './carry-out-decisions';
import { JOB_ID, WORKFLOW_KIND } from '../temporal/search-attributes';
import { harvestTaskQueue } from '../temporal/task-queues';

export interface RetryRuleActionInput {
  failureId: string;
  jobId: number;
  traceId: number;
  index: number;
  /** The decision kind (from the failure row): which activity carries it out. */
  decisionType: string;
}

/**
 * Ops pressed Retry on a failed rule action: carry that one decision out again. Started under
 * `ruleActionRetryWorkflowId(job, failure)` with "reuse only if failed", so it succeeds at most once.
 */
export async function retryRuleAction(input: RetryRuleActionInput): Promise<{ outcome: string }> {
  upsertSearchAttributes([
    { key: WORKFLOW_KIND, value: 'rule-action-retry' },
    { key: JOB_ID, value: String(input.jobId) },
  ]);
  const store = proxyActivities<StoreActivities>(databaseActivity);
  const notify = proxyActivities<NotifyActivities>(notifyActivity);
  const greenhouse = proxyActivities<HarvestActivities>({
    ...greenhouseActivity,
    taskQueue: harvestTaskQueue(workflowInfo().taskQueue),
  });
  const ref = { jobId: input.jobId, traceId: input.traceId, index: input.index };
  try {
    const result =
      input.decisionType === 'notify'
        ? await notify.notifyDecision(ref)
        : await greenhouse.carryOutDecision(ref);
    await store.finishRuleActionRetry({ failureId: input.failureId, outcome: { ok: true } });
    return { outcome: result.outcome };
  } catch (error) {
    await store.finishRuleActionRetry({
      failureId: input.failureId,
      outcome: { ok: false, ...failureOf(error) },
    });
    throw error;
  }
}
