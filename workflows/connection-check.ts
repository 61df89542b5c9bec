import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities';

const { recordConnectionCheck } = proxyActivities<ReturnType<typeof createActivities>>({
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
