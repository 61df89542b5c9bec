import { connectionCheckWorkflowId } from '../../temporal/workflow-ids';
import { WORKFLOW_KIND } from '../../temporal/search-attributes';
import type { PilothouseContext } from './load-context';

export async function runConnectionCheck(context: PilothouseContext, requestedBy: string) {
  const workflowId = connectionCheckWorkflowId(new Date());
  const handle = await context.temporal.workflow.start('connectionCheck', {
    taskQueue: context.env.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [requestedBy],
    typedSearchAttributes: [{ key: WORKFLOW_KIND, value: 'connection-check' }],
    workflowExecutionTimeout: '2 minutes',
  });
  const result = await handle.result();
  return { workflowId, runId: handle.firstExecutionRunId, ...result };
}

export async function recentConnectionChecks(context: PilothouseContext) {
  return context.db.selectFrom('connection_check').selectAll().orderBy('id', 'desc').limit(5).execute();
}
