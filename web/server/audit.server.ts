import type { PilothouseContext } from './load-context';

/** One line in the audit log that ops reads: who did what, to which job or person. */
export async function audit(
  context: PilothouseContext,
  entry: {
    actor: string;
    action: string;
    jobId?: number | null;
    personId?: string | null;
    workflowId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await context.db
    .insertInto('audit_event')
    .values({
      actor: entry.actor,
      action: entry.action,
      job_id: entry.jobId ?? null,
      person_id: entry.personId ?? null,
      workflow_id: entry.workflowId ?? null,
      details: entry.details ?? {},
    })
    .execute();
}
