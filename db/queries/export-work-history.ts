// What the export's work-history step keeps in the export ledger (export_ledger), so a retry neither
// repeats an entry nor skips one.
import type { Db } from '../database';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { recordAudit } from './audit';

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

/** Committed before the first create is sent: a retry after a lost answer or a crash lists before creating. */
export async function markEmploymentCreateAttempted(db: Db, input: { jobId: number; personId: string }) {
  await db
    .updateTable('export_ledger')
    .set({ employment_create_attempted_at: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .where('employment_create_attempted_at', 'is', null)
    .execute();
}

/** The step is over (entries created, or knowingly left out) and its outcome is in the audit log, once. */
export async function recordWorkHistoryDone(
  db: Kysely<Database>,
  input: { jobId: number; personId: string; actor: string; details: Record<string, unknown> },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('export_ledger')
      .set({ employments_done_at: sql`now()` })
      .where('job_id', '=', input.jobId)
      .where('person_id', '=', input.personId)
      .where('employments_done_at', 'is', null)
      .returning('job_id')
      .executeTakeFirst();
    if (!done) return;
    await recordAudit(trx, {
      actor: input.actor,
      action: 'greenhouse.work_history.exported',
      jobId: input.jobId,
      personId: input.personId,
      details: input.details,
    });
  });
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
