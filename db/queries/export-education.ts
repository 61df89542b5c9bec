// What the export's education step keeps in the export ledger (export_ledger), so a retry neither repeats
// an entry nor skips one — as export-work-history.ts does for employments.
import type { Db } from '../database';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Education } from '../tables/people';
import { recordAudit } from './audit';

/** Where the step stands for (job, person), and the person's education as Pilothouse knows it. */
export async function educationToExport(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('export_ledger as x')
    .innerJoin('person as p', 'p.id', 'x.person_id')
    .select([
      'x.reused_existing_candidate',
      'x.education_create_attempted_at',
      'x.educations_done_at',
      'x.requested_by',
      'p.education',
    ])
    .where('x.job_id', '=', jobId)
    .where('x.person_id', '=', personId)
    .executeTakeFirst();
}

/** Committed before the first create is sent: a retry after a lost answer or a crash lists before creating. */
export async function markEducationCreateAttempted(db: Db, input: { jobId: number; personId: string }) {
  await db
    .updateTable('export_ledger')
    .set({ education_create_attempted_at: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .where('education_create_attempted_at', 'is', null)
    .execute();
}

/** The step is over (entries created, or knowingly left out) and its outcome is in the audit log, once. */
export async function recordEducationDone(
  db: Kysely<Database>,
  input: { jobId: number; personId: string; actor: string; details: Record<string, unknown> },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('export_ledger')
      .set({ educations_done_at: sql`now()` })
      .where('job_id', '=', input.jobId)
      .where('person_id', '=', input.personId)
      .where('educations_done_at', 'is', null)
      .returning('job_id')
      .executeTakeFirst();
    if (!done) return;
    await recordAudit(trx, {
      actor: input.actor,
      action: 'greenhouse.education.exported',
      jobId: input.jobId,
      personId: input.personId,
      details: input.details,
    });
  });
}

/** What the education step did, from its audit event, with the person's education to name the entries. */
export interface EducationRecord {
  education: Education[];
  carried: {
    educations: number;
    created: number;
    alreadyThere: number;
    /** Entries sent without a name Greenhouse's lists lack. */
    leftOut: { entry: string; fields: string[] }[];
    skipped: { entry: string; reason: string }[];
    missingScope?: string;
  } | null;
}

export async function educationRecord(db: Db, jobId: number, personId: string): Promise<EducationRecord> {
  const [person, carried] = await Promise.all([
    db.selectFrom('person').select('education').where('id', '=', personId).executeTakeFirst(),
    db
      .selectFrom('audit_event')
      .select('details')
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .where('action', '=', 'greenhouse.education.exported')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    education: person?.education ?? [],
    carried: (carried?.details as EducationRecord['carried'] | undefined) ?? null,
  };
}
