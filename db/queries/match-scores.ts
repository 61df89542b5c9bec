// Match scores (match_score, and the score kept on job_person) and what the matcher reads of a job's
// people: who to score, what Greenhouse's outcomes teach the profile, whom a backtest ranks.
import type { Db } from '../database';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { setPipelineStage } from './pipeline';

/** People of the job not yet scored against this profile version (newly sourced, or scored under another). */
export async function peopleToScore(db: Db, input: { jobId: number; profileVersion: number; limit: number }) {
  return db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .selectAll('p')
    .select('jp.score as previous_score')
    .where('jp.job_id', '=', input.jobId)
    .where((eb) =>
      eb.or([eb('jp.profile_version', 'is', null), eb('jp.profile_version', '!=', input.profileVersion)]),
    )
    .limit(input.limit)
    .execute();
}

/**
 * People on these jobs whose Greenhouse outcome is known (hired, rejected, or moved to a stage): what
 * training learns from — the job's own, and (at half weight) those of similar jobs. The most recent first.
 */
export async function peopleWithOutcomes(db: Db, jobIds: readonly number[], limit = 500) {
  if (jobIds.length === 0) return [];
  return db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .selectAll('p')
    .select(['jp.greenhouse', 'jp.job_id'])
    .where('jp.job_id', 'in', jobIds)
    // In parentheses: Kysely joins a raw condition to the others with a bare "and", and an unbracketed "or"
    // took every job's staged applicants as this job's outcomes.
    .where(
      sql<boolean>`(jp.greenhouse->>'status' in ('hired', 'rejected') or (jp.greenhouse->>'onThisJob' = 'true' and jp.greenhouse->>'stageId' is not null))`,
    )
    .orderBy(sql`jp.last_activity_at desc nulls last`)
    .orderBy('p.id')
    .orderBy('jp.job_id')
    .limit(limit)
    .execute();
}

/** The job's Greenhouse applicants, the most recently active first: what a backtest ranks. */
export async function applicantsOf(db: Db, jobId: number, limit: number) {
  return db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .selectAll('p')
    .select(['jp.greenhouse'])
    .where('jp.job_id', '=', jobId)
    .where(sql<boolean>`jp.greenhouse->>'kind' = 'applicant' and jp.greenhouse->>'onThisJob' = 'true'`)
    .orderBy(sql`jp.last_activity_at desc nulls last`)
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/**
 * Stores one person's score under a profile version, and the change when it moved from `before`. The
 * newly sourced (or unreadable before) become "matched"; a re-score of someone already decided keeps their
 * place in the pipeline.
 */
export async function recordMatchScore(
  trx: Transaction<Database>,
  input: {
    jobId: number;
    personId: string;
    profileVersion: number;
    score: number;
    before: number | null | undefined;
    scorer: string;
    explanation: unknown;
  },
): Promise<void> {
  const { jobId, personId, profileVersion, score, before } = input;
  if (before !== null && before !== undefined && before !== score) {
    await trx
      .insertInto('score_change')
      .values({
        job_id: jobId,
        person_id: personId,
        from_score: before,
        to_score: score,
        profile_version: profileVersion,
      })
      .execute();
  }
  await trx
    .insertInto('match_score')
    .values({
      job_id: jobId,
      person_id: personId,
      profile_version: profileVersion,
      score,
      scorer: input.scorer,
      explanation: JSON.stringify(input.explanation),
    })
    .onConflict((oc) => oc.columns(['job_id', 'person_id', 'profile_version']).doNothing())
    .execute();
  await trx
    .updateTable('job_person')
    .set({ score, profile_version: profileVersion, updated_at: sql`now()` })
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .execute();
  await setPipelineStage(trx, { jobId, personId, stage: 'matched', onlyFrom: ['sourced', 'unreadable'] });
}

/**
 * People whose resume could not be read under this profile version: reported, never scored as empty.
 * Someone already decided keeps their stage (and last score).
 */
export async function markUnreadable(
  trx: Transaction<Database>,
  input: { jobId: number; personIds: string[]; profileVersion: number },
): Promise<void> {
  if (input.personIds.length === 0) return;
  await trx
    .updateTable('job_person')
    .set({ profile_version: input.profileVersion, updated_at: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', 'in', input.personIds)
    .execute();
  await setPipelineStage(trx, {
    jobId: input.jobId,
    personId: input.personIds,
    stage: 'unreadable',
    onlyFrom: ['sourced', 'matched'],
  });
}

/** Someone scored before without a resume is scored again with it, on every job they are in. */
export async function scoreAgainEverywhere(db: Db, personId: string): Promise<void> {
  await db
    .updateTable('job_person')
    .set({ profile_version: null })
    .where('person_id', '=', personId)
    .where('score', 'is not', null)
    .execute();
}

/** The person's score under the job's latest profile they were scored with, and its explanation. */
export async function latestMatchScore(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('match_score')
    .select(['score', 'explanation'])
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .orderBy('profile_version', 'desc')
    .executeTakeFirst();
}
