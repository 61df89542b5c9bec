import { WorkflowNotFoundError } from '@temporalio/client';
import type { BacktestReport } from '../../matching/backtest';
import { JOB_ID, WORKFLOW_KIND } from '../../temporal/search-attributes';
import { backtestWorkflowId } from '../../temporal/workflow-ids';
import type { PilothouseContext } from './load-context';

/** The job's stored backtest and whether one is running now. */
export async function jobBacktest(context: PilothouseContext, jobId: number) {
  const row = await context.db
    .selectFrom('job_backtest')
    .select(['scorer', 'report', 'computed_at'])
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  let running = false;
  try {
    const described = await context.temporal.workflow.getHandle(backtestWorkflowId(jobId)).describe();
    running = described.status.name === 'RUNNING';
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  return {
    running,
    stored: row
      ? {
          scorer: row.scorer,
          report: row.report as BacktestReport,
          computedAt: new Date(row.computed_at).toISOString(),
        }
      : null,
  };
}

/** Starts the job's backtest, or joins the one already running. */
export async function startBacktest(context: PilothouseContext, jobId: number) {
  await context.temporal.workflow.start('jobBacktest', {
    workflowId: backtestWorkflowId(jobId),
    taskQueue: context.env.TEMPORAL_TASK_QUEUE,
    args: [{ jobId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: WORKFLOW_KIND, value: 'backtest' },
      { key: JOB_ID, value: String(jobId) },
    ],
  });
}
