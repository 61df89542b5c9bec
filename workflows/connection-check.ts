import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { StoreActivities } from '../activities';

const { recordConnectionCheck } = proxyActivities<StoreActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

export interface ConnectionCheckResult {
  checkId: number;
  databaseVersion: string;
  checkedAt: string;
}

/**
 * Proves the chain web → Temporal → worker → activity → PostgreSQL works: an admin presses
 * "Run connection check" and sees the row this writes.
 */
export async function connectionCheck(requestedBy: string): Promise<ConnectionCheckResult> {
  return recordConnectionCheck({ workflowId: workflowInfo().workflowId, requestedBy });
}
