// The education an export sends: what the step reads of the person, and what the audit says became of it.
// (The step's ledger marks are exports.ts's markCreateAttempted and recordLaterStepDone.)
import type { Db } from '../database';
import type { Education } from '../tables/people';

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
