// Recorded changes of a person's match score on a job (score_change), what "Score crossed" flows start on.
import type { Db } from '../database';
import { sql } from 'kysely';

/** Score changes no selection has put through the job's flows yet, oldest first. */
export async function pendingScoreChanges(db: Db, jobId: number) {
  return db
    .selectFrom('score_change')
    .select(['id', 'person_id', 'from_score', 'to_score'])
    .where('job_id', '=', jobId)
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function markScoreChangeProcessed(db: Db, id: string): Promise<void> {
  await db
    .updateTable('score_change')
    .set({ processed_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** The job's score changes since `since`, newest first. */
export async function scoreChangesSince(db: Db, input: { jobId: number; since: Date; limit: number }) {
  return db
    .selectFrom('score_change')
    .select(['person_id', 'from_score', 'to_score', 'changed_at'])
    .where('job_id', '=', input.jobId)
    .where('changed_at', '>=', input.since)
    .orderBy('changed_at', 'desc')
    .limit(input.limit)
    .execute();
}
