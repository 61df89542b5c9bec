// Every Temporal workflow id Pilothouse uses is built here and nowhere else, so what the database stores
// (export ledger, failed rule actions, approvals) is exactly the id of a workflow that exists, and Ops'
// "Open in Temporal" links resolve. Pure: imported by workflows, activities and the web app alike.

/** One Pilothouse installation talks to one Greenhouse account; ids carry it so a shared cluster stays unambiguous. */
export const DEFAULT_TENANT = 'default';

export const autopilotWorkflowId = (jobId: number, tenant = DEFAULT_TENANT) =>
  `autopilot-${tenant}-job-${jobId}`;
export const exportWorkflowId = (jobId: number, personId: string, tenant = DEFAULT_TENANT) =>
  `export-${tenant}-job-${jobId}-person-${personId}`;
export const syncJobsWorkflowId = (tenant = DEFAULT_TENANT) => `sync-jobs-${tenant}`;
/** The job sync a `job_created` webhook starts: once per new job, a redelivery joins it. */
export const jobCreatedSyncWorkflowId = (jobId: number, tenant = DEFAULT_TENANT) =>
  `sync-jobs-${tenant}-job-created-${jobId}`;
/** One erasure (or merge) per Greenhouse candidate: a redelivered webhook joins the running one. */
export const candidateErasureWorkflowId = (candidateId: number, tenant = DEFAULT_TENANT) =>
  `erasure-${tenant}-candidate-${candidateId}`;
export const syncJobsScheduleId = (tenant = DEFAULT_TENANT) => `sync-jobs-schedule-${tenant}`;
/** A connection check is started by a person, at a moment: the id says when (unique to the millisecond). */
export const connectionCheckWorkflowId = (at: Date, tenant = DEFAULT_TENANT) =>
  `connection-check-${tenant}-${at.toISOString().replace(/[:.]/g, '-')}`;
/** Ops' "Retry" of one failed rule action: one id per failure, so a retry carries it out at most once. */
export const ruleActionRetryWorkflowId = (jobId: number, failureId: string, tenant = DEFAULT_TENANT) =>
  `rule-action-retry-${tenant}-job-${jobId}-failure-${failureId}`;
/** One backtest per job at a time: pressing "Run" again while one runs joins it. */
export const backtestWorkflowId = (jobId: number, tenant = DEFAULT_TENANT) =>
  `backtest-${tenant}-job-${jobId}`;
