import { WorkflowIdReusePolicy } from '@temporalio/client';
import {
  exportWorkflowId,
  type ExportCandidateInput,
  type ExportTarget,
} from '../../workflows/autopilot-api';
import type { PilothouseContext } from './load-context';
import { temporalUiWorkflowUrl } from './temporal-ui';

export async function failedExports(context: PilothouseContext) {
  const rows = await context.db
    .selectFrom('export_ledger as x')
    .innerJoin('person as p', 'p.id', 'x.person_id')
    .innerJoin('job as j', 'j.id', 'x.job_id')
    .select([
      'x.job_id',
      'x.person_id',
      'x.workflow_id',
      'x.failure_type',
      'x.failure_message',
      'x.attempts',
      'x.updated_at',
      'x.requested_by',
      'p.first_name',
      'p.last_name',
      'j.name as job_name',
    ])
    .where('x.status', '=', 'failed')
    .orderBy('x.updated_at', 'desc')
    .limit(200)
    .execute();
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
export async function retryExport(context: PilothouseContext, jobId: number, personId: string, by: string) {
  const ledger = await context.db
    .selectFrom('export_ledger')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!ledger) throw new Response('There is no export for that person and job.', { status: 404 });
  if (ledger.status !== 'failed')
    return { workflowId: ledger.workflow_id, started: false, status: ledger.status };
  const workflowId = exportWorkflowId(jobId, personId);
  const input: ExportCandidateInput = {
    jobId,
    personId,
    target: ledger.target as ExportTarget,
    requestedBy: ledger.requested_by,
  };
  // A failed run may be replaced; a running one is never doubled.
  const handle = await context.temporal.workflow.start('exportCandidate', {
    workflowId,
    taskQueue: context.env.TEMPORAL_TASK_QUEUE,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    memo: { retriedBy: by },
  });
  return { workflowId, started: true, runId: handle.firstExecutionRunId, status: 'running' as const };
}

export async function webhookDeliveries(context: PilothouseContext, verdict: string | null) {
  let query = context.db
    .selectFrom('webhook_event')
    .select([
      'id',
      'event_id',
      'action',
      'received_at',
      'verdict',
      'rejection_reason',
      'job_id',
      'signalled_at',
      'signal_error',
    ])
    .orderBy('id', 'desc')
    .limit(100);
  if (verdict === 'accepted' || verdict === 'rejected' || verdict === 'duplicate')
    query = query.where('verdict', '=', verdict);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    received_at: new Date(row.received_at).toISOString(),
    signalled_at: row.signalled_at ? new Date(row.signalled_at).toISOString() : null,
  }));
}

export async function auditLog(context: PilothouseContext) {
  const rows = await context.db
    .selectFrom('audit_event')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    ...row,
    occurred_at: new Date(row.occurred_at).toISOString(),
    temporalUrl: row.workflow_id ? temporalUiWorkflowUrl(context.env, row.workflow_id) : null,
  }));
}
