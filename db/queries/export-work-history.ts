// The work history an export sends: what the step reads of the person, and what the audit says became of it.
// (The step's ledger marks are exports.ts's markCreateAttempted and recordLaterStepDone.)
import type { Db } from '../database';

/** Where the step stands for (job, person), and the person's work history as Pilothouse knows it. */
export async function workHistoryToExport(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('export_ledger as x')
    .innerJoin('person as p', 'p.id', 'x.person_id')
    .select([
      'x.reused_existing_candidate',
      'x.employment_create_attempted_at',
      'x.employments_done_at',
      'x.requested_by',
      'p.title',
      'p.company',
      'p.past_jobs',
    ])
    .where('x.job_id', '=', jobId)
    .where('x.person_id', '=', personId)
    .executeTakeFirst();
}

/** What the export's audit says about the person's work history: what it planned, and what its step did. */
export interface WorkHistoryRecord {
  /** From the export step: how many past jobs could be sent, and which could not and why. */
  planned: { employments: number; skipped: { entry: string; reason: string }[] } | null;
  /** From the work-history step, once it ran. */
  carried: {
    created: number;
    alreadyThere: number;
    skipped: { entry: string; reason: string }[];
    missingScope?: string;
  } | null;
}

export async function workHistoryRecord(db: Db, jobId: number, personId: string): Promise<WorkHistoryRecord> {
  const rows = await db
    .selectFrom('audit_event')
    .select(['action', 'details'])
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .where('action', 'in', ['greenhouse.candidate.created', 'greenhouse.work_history.exported'])
    .orderBy('id', 'desc')
    .execute();
  const created = rows.find((row) => row.action === 'greenhouse.candidate.created');
  const carried = rows.find((row) => row.action === 'greenhouse.work_history.exported');
  return {
    planned: (created?.details.workHistory as WorkHistoryRecord['planned'] | undefined) ?? null,
    carried: (carried?.details as WorkHistoryRecord['carried'] | undefined) ?? null,
  };
}
