import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

/** One line in the audit log that ops reads: who did what, to which job or person. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: {
    actor: string;
    action: string;
    jobId?: number | null;
    personId?: string | null;
    workflowId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db
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
