// The export ledger (export_ledger): one row per (job, person) exported to Greenhouse, keeping what each step of the
// export did, so a retried step finds its own work instead of doing it twice.
import type { Db } from '../database';
import { recordAudit } from './audit';
import { sql } from 'kysely';
import type { GreenhousePresence } from '../tables/people';

/** Claims the ledger row for (job, person); a row already `exported` stays exported. */
export async function claimExport(
  db: Db,
  input: { jobId: number; personId: string; workflowId: string; target: unknown; requestedBy: string },
) {
  return db
    .insertInto('export_ledger')
    .values({
      job_id: input.jobId,
      person_id: input.personId,
      workflow_id: input.workflowId,
      status: 'running',
      target: JSON.stringify(input.target),
      requested_by: input.requestedBy,
      attempts: 1,
    })
    .onConflict((oc) =>
      oc.columns(['job_id', 'person_id']).doUpdateSet({
        status: sql`case when export_ledger.status = 'exported' then 'exported' else 'running' end`,
        attempts: sql`export_ledger.attempts + 1`,
        failure_type: null,
        failure_message: null,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The ledger row of an export that was claimed (claimExport); throws when there is none. */
export async function exportLedgerRow(db: Db, jobId: number, personId: string) {
  const row = await exportLedgerEntry(db, jobId, personId);
  if (!row)
    throw new Error(`The export of person ${personId} to job ${jobId} was never claimed: no ledger row.`);
  return row;
}

/** Committed before the create is sent, so a retry after a lost answer or a crash lists before creating. */
export async function markCreateAttempted(
  db: Db,
  input: { jobId: number; personId: string },
  column:
    | 'candidate_create_attempted_at'
    | 'resume_create_attempted_at'
    | 'note_create_attempted_at'
    | 'employment_create_attempted_at'
    | 'education_create_attempted_at',
): Promise<void> {
  await db
    .updateTable('export_ledger')
    .set({ [column]: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .where(column, 'is', null)
    .execute();
}

/** Who the person is in Greenhouse after the export's create step, and where they stood then. */
export async function recordExportedPerson(
  db: Db,
  input: {
    jobId: number;
    personId: string;
    candidateId: number;
    applicationId: number | null;
    reused: boolean;
    presence: (GreenhousePresence & { checkedAt: string }) | null;
  },
): Promise<void> {
  await db
    .updateTable('export_ledger')
    .set({
      greenhouse_candidate_id: input.candidateId,
      greenhouse_application_id: input.applicationId,
      reused_existing_candidate: input.reused,
      greenhouse_presence: input.presence ? JSON.stringify(input.presence) : null,
      updated_at: sql`now()`,
    })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .execute();
}

export async function recordExportAttachment(
  db: Db,
  input: { jobId: number; personId: string },
  made: { resume_attachment_id: number } | { note_id: number },
): Promise<void> {
  await db
    .updateTable('export_ledger')
    .set(made)
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .execute();
}

/** Marks the export done; undefined when it already was (a retried completion is counted once). */
export async function markExported(db: Db, input: { jobId: number; personId: string }) {
  return db
    .updateTable('export_ledger')
    .set({ status: 'exported', updated_at: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .where('status', '!=', 'exported')
    .returning(['target', 'reused_existing_candidate'])
    .executeTakeFirst();
}

/** Marks the export failed, unless it was done; undefined then. */
export async function markExportFailed(
  db: Db,
  input: { jobId: number; personId: string; failureType: string; message: string },
) {
  return db
    .updateTable('export_ledger')
    .set({
      status: 'failed',
      failure_type: input.failureType,
      failure_message: input.message,
      updated_at: sql`now()`,
    })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .where('status', '!=', 'exported')
    .returning('target')
    .executeTakeFirst();
}

export async function exportStatusOf(db: Db, jobId: number, personId: string) {
  const row = await db
    .selectFrom('export_ledger')
    .select('status')
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.status;
}

/** Where the person's application on the job is known from: their Greenhouse record here, or their export. */
export async function applicationOnJob(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('job_person as jp')
    .leftJoin('export_ledger as x', (join) =>
      join.onRef('x.job_id', '=', 'jp.job_id').onRef('x.person_id', '=', 'jp.person_id'),
    )
    .select(['jp.greenhouse', 'x.status as export_status', 'x.greenhouse_application_id'])
    .where('jp.job_id', '=', jobId)
    .where('jp.person_id', '=', personId)
    .executeTakeFirst();
}

/** The person's Greenhouse candidate: linked to them, or made by their export to this job. */
export async function candidateOfPerson(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('person')
    .leftJoin('export_ledger as x', (join) =>
      join.onRef('x.person_id', '=', 'person.id').on('x.job_id', '=', jobId),
    )
    .select([
      'person.greenhouse_candidate_id',
      'x.status as export_status',
      'x.greenhouse_candidate_id as exported_as',
    ])
    .where('person.id', '=', personId)
    .executeTakeFirst();
}

/** The export ledger row of the person on the job, if they were ever exported (or tried to be). */
export async function exportLedgerEntry(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('export_ledger')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** The last 200 failed exports, most recently failed first, with who and which job; `jobIds` null: every job. */
export async function failedExportsOf(db: Db, jobIds: number[] | null) {
  let query = db
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
    .where('x.status', '=', 'failed');
  if (jobIds) query = query.where('x.job_id', 'in', jobIds);
  return query.orderBy('x.updated_at', 'desc').limit(200).execute();
}

/** Per job, one failure message of its failed exports (for the Jobs list's "last error"). */
export async function exportFailureOfJobs(db: Db, jobIds: number[]) {
  if (jobIds.length === 0) return [];
  return db
    .selectFrom('export_ledger')
    .select(['job_id', sql<string>`max(failure_message)`.as('lastFailure')])
    .where('job_id', 'in', jobIds)
    .where('status', '=', 'failed')
    .groupBy('job_id')
    .execute();
}

/** The export's steps that add entries to the candidate, each ending once: its ledger mark and its audit action. */
const LATER_STEPS = {
  workHistory: { column: 'employments_done_at', action: 'greenhouse.work_history.exported' },
  education: { column: 'educations_done_at', action: 'greenhouse.education.exported' },
} as const;

/** The step is over (entries created, or knowingly left out) and its outcome is in the audit log, once. */
export async function recordLaterStepDone(
  db: Db,
  step: keyof typeof LATER_STEPS,
  input: { jobId: number; personId: string; actor: string; details: Record<string, unknown> },
): Promise<void> {
  const { column, action } = LATER_STEPS[step];
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('export_ledger')
      .set({ [column]: sql`now()` })
      .where('job_id', '=', input.jobId)
      .where('person_id', '=', input.personId)
      .where(column, 'is', null)
      .returning('job_id')
      .executeTakeFirst();
    if (!done) return;
    await recordAudit(trx, {
      actor: input.actor,
      action,
      jobId: input.jobId,
      personId: input.personId,
      details: input.details,
    });
  });
}
