// A job's last backtest (job_backtest): how the matcher would have ranked the job's past applicants.
import type { Db } from '../database';
import { sql } from 'kysely';

/** The job's latest backtest report (one per job, replaced by the next run). */
export async function storeBacktest(
  db: Db,
  input: { jobId: number; scorer: string; report: unknown },
): Promise<void> {
  const report = JSON.stringify(input.report);
  await db
    .insertInto('job_backtest')
    .values({ job_id: input.jobId, scorer: input.scorer, report })
    .onConflict((oc) =>
      oc.column('job_id').doUpdateSet({ scorer: input.scorer, report, computed_at: sql`now()` }),
    )
    .execute();
}

export async function storedBacktest(db: Db, jobId: number) {
  return db
    .selectFrom('job_backtest')
    .select(['scorer', 'report', 'computed_at'])
    .where('job_id', '=', jobId)
    .executeTakeFirst();
}
