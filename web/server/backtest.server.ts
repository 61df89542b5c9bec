import { storedBacktest } from '../../db/queries/backtests';
import type { BacktestReport } from '../../matching/backtest';
import { backtestWorkflowId } from '../../temporal/workflow-ids';
import { workflowsOf, type PilothouseContext } from './load-context';

/** The job's stored backtest and whether one is running now. */
export async function jobBacktest(context: PilothouseContext, jobId: number) {
  const row = await storedBacktest(context.db, jobId);
  const running = (await workflowsOf(context).runStatus(backtestWorkflowId(jobId))) === 'RUNNING';
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
  await workflowsOf(context).startBacktest(jobId);
}
