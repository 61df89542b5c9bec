import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { recentAuditEvents } from '../../db/queries/audit';
import { exportLedgerEntry, failedExportsOf } from '../../db/queries/exports';
import {
  claimRuleActionRetry,
  releaseRuleActionRetry,
  ruleActionFailure,
  unresolvedRuleActionFailures,
} from '../../db/queries/rule-action-failures';
import { recentWebhookDeliveries } from '../../db/queries/webhooks';
import { auditWords } from './audit-words';
import { STEP_WORDS } from './step-words';
import type { RetryRuleActionInput } from '../../workflows/retry-rule-action';
import { ruleActionRetryWorkflowId } from '../../temporal/workflow-ids';
import type { ExportCandidateInput, ExportTarget } from '../../temporal/autopilot-api';
import type { SignedInUser } from './auth.server';
import { assertJobVisible, visibleJobIds } from './greenhouse.server';
import { workflowsOf, type PilothouseContext } from './load-context';
import type { DecisionType } from '../../rules';
import { temporalUiWorkflowUrl } from './temporal-ui';

// Ops sees what the account may see in Greenhouse: an ops account linked to a Greenhouse user gets the
// failures, deliveries and audit lines of that user's jobs only (null: every job). Rows tied to no job
// (account changes, deliveries about no job) are for unrestricted accounts.
const onlyJobs = (visible: Set<number> | null) => (visible ? [...visible, -1] : null);

export async function failedExports(context: PilothouseContext, user: SignedInUser) {
  const jobs = onlyJobs(await visibleJobIds(context, user));
  const rows = await failedExportsOf(context.db, jobs);
  return rows.map((row) => ({
    jobId: row.job_id,
    jobName: row.job_name,
    personId: row.person_id,
    name: `${row.first_name} ${row.last_name}`.trim(),
    failureType: row.failure_type,
    failureMessage: row.failure_message,
    attempts: row.attempts,
    requestedBy: row.requested_by,
    failedAt: new Date(row.updated_at).toISOString(),
    temporalUrl: temporalUiWorkflowUrl(context.env, row.workflow_id),
  }));
}

/** Runs the export again under its own id, with the target the ledger recorded. */
export async function retryExport(
  context: PilothouseContext,
  user: SignedInUser,
  jobId: number,
  personId: string,
) {
  await assertJobVisible(context, user, jobId);
  const by = user.email;
  const ledger = await exportLedgerEntry(context.db, jobId, personId);
  if (!ledger) throw new Response('There is no export for that person and job.', { status: 404 });
  if (ledger.status !== 'failed')
    return { workflowId: ledger.workflow_id, started: false, status: ledger.status };
  const input: ExportCandidateInput = {
    jobId,
    personId,
    target: ledger.target as ExportTarget,
    requestedBy: ledger.requested_by,
  };
  // A failed run may be replaced; a running one is never doubled.
  const { workflowId, runId } = await workflowsOf(context).retryExport(input, by);
  return { workflowId, started: true, runId, status: 'running' as const };
}

export async function webhookDeliveries(
  context: PilothouseContext,
  user: SignedInUser,
  verdict: string | null,
) {
  const jobs = onlyJobs(await visibleJobIds(context, user));
  const rows = await recentWebhookDeliveries(context.db, {
    verdict: verdict === 'accepted' || verdict === 'rejected' || verdict === 'duplicate' ? verdict : null,
    jobIds: jobs,
  });
  return rows.map((row) => ({
    ...row,
    received_at: new Date(row.received_at).toISOString(),
    signalled_at: row.signalled_at ? new Date(row.signalled_at).toISOString() : null,
  }));
}

export async function auditLog(context: PilothouseContext, user: SignedInUser) {
  const jobs = onlyJobs(await visibleJobIds(context, user));
  const rows = await recentAuditEvents(context.db, jobs);
  return rows.map((row) => ({
    id: row.id,
    occurred_at: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    what: auditWords(row.action),
    jobId: row.job_id,
    jobName: row.job_name,
    person: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ''}`.trim(),
    workflowId: row.workflow_id,
    temporalUrl: row.workflow_id ? temporalUiWorkflowUrl(context.env, row.workflow_id) : null,
  }));
}

/** Rule actions (reject, move, note, tag, notify…) that failed after their retries, newest first. */
export async function failedRuleActions(context: PilothouseContext, user?: SignedInUser) {
  // Like failed exports: an account limited to some jobs sees their steps only.
  const jobs = user ? onlyJobs(await visibleJobIds(context, user)) : null;
  const rows = await unresolvedRuleActionFailures(context.db, jobs);
  return rows.map((row) => ({
    id: row.id,
    jobId: row.job_id,
    jobName: row.job_name,
    personId: row.person_id,
    name: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ''}`.trim(),
    action: row.decision_type,
    step: STEP_WORDS[row.decision_type as DecisionType] ?? row.decision_type,
    failureType: row.failure_type,
    failureMessage: row.failure_message,
    attempts: row.attempts,
    status: row.status,
    failedAt: new Date(row.updated_at).toISOString(),
    temporalUrl: temporalUiWorkflowUrl(context.env, row.workflow_id),
  }));
}

/**
 * Carries one failed rule action out again, under an id of its own per failure: a second press while
 * it runs, or after it succeeded, starts nothing (it is carried out once).
 */
export async function retryRuleAction(
  context: PilothouseContext,
  failureId: string,
  by: string,
  user?: SignedInUser,
) {
  const failure = await ruleActionFailure(context.db, failureId);
  if (!failure) throw new Response('There is no such failed step.', { status: 404 });
  if (user) await assertJobVisible(context, user, failure.job_id);
  if (failure.status !== 'failed')
    return { workflowId: failure.workflow_id, started: false, status: failure.status };
  const workflowId = ruleActionRetryWorkflowId(failure.job_id, failure.id);
  const input: RetryRuleActionInput = {
    failureId: failure.id,
    jobId: failure.job_id,
    traceId: Number(failure.trace_id),
    index: failure.decision_index,
    decisionType: failure.decision_type,
  };
  // Claimed before starting, so the retry's own outcome (done, or failed again) is never overwritten.
  const claimed = await claimRuleActionRetry(context.db, failure.id, workflowId);
  if (!claimed) return { workflowId, started: false, status: 'retrying' as const };
  try {
    const { runId } = await workflowsOf(context).retryRuleAction(input, by);
    return { workflowId, started: true, runId, status: 'retrying' as const };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      return { workflowId, started: false, status: 'retrying' as const };
    await releaseRuleActionRetry(context.db, failure.id, failure.workflow_id);
    throw error;
  }
}
