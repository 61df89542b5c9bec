import { sql } from 'kysely';
import type { Db } from '../database';

/** One line in the audit log that ops reads: who did what, to which job or person. */
export async function recordAudit(
  db: Db,
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

/**
 * The last 100 lines of the audit log, newest first, with the job's and the person's names (null when
 * the line names none, or the person was erased since); `jobIds` null means every job.
 */
export async function recentAuditEvents(db: Db, jobIds: number[] | null) {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('job as j', 'j.id', 'e.job_id')
    // person_id is text here (the audit outlives the person; it may name one erased since).
    .leftJoin('person as p', (join) => join.on(sql<boolean>`p.id::text = e.person_id`))
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor',
      'e.action',
      'e.job_id',
      'e.workflow_id',
      'j.name as job_name',
      'p.first_name',
      'p.last_name',
    ]);
  if (jobIds) query = query.where('e.job_id', 'in', jobIds);
  return query.orderBy('e.id', 'desc').limit(100).execute();
}

/** The job's "Export to Greenhouse" presses since `since`, newest first: who pressed it, for whom, when. */
export async function exportPressesSince(db: Db, input: { jobId: number; since: Date; limit: number }) {
  return db
    .selectFrom('audit_event')
    .select(['person_id', 'actor', 'occurred_at'])
    .where('job_id', '=', input.jobId)
    .where('action', '=', 'export.requested')
    .where('person_id', 'is not', null)
    .where('occurred_at', '>=', input.since)
    .orderBy('occurred_at', 'desc')
    .limit(input.limit)
    .execute();
}

/** What Greenhouse answered to the rule steps carried out for one person on one job (`rule.*` rows). */
export async function ruleAnswersAbout(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('audit_event')
    .select(['action', 'details', 'occurred_at'])
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .where('action', 'like', 'rule.%')
    .execute();
}
