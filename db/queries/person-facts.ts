import type { Db } from '../database';

/**
 * What the rule evaluator reads of a person on a job (name, contact, source, Greenhouse presence,
 * score, pipeline stage and the current profile's match explanation). One query for the autopilot's
 * selection, the executor's resumed waits and the canvas's dry run, so all three see the same facts.
 */
function personFactsQuery(db: Db, jobId: number) {
  return db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .leftJoin('match_score as m', (join) =>
      join
        .onRef('m.job_id', '=', 'jp.job_id')
        .onRef('m.person_id', '=', 'jp.person_id')
        .onRef('m.profile_version', '=', 'jp.profile_version'),
    )
    .select([
      'jp.person_id',
      'p.first_name',
      'p.last_name',
      'p.emails',
      'p.linkedin_url',
      'p.location',
      'jp.source_kind',
      'jp.greenhouse',
      'jp.score',
      'jp.last_activity_at',
      'jp.pipeline_stage',
      'm.explanation',
    ])
    .where('jp.job_id', '=', jobId);
}

/**
 * The facts of the job's people: everyone on it, everyone scored for it (`'scored'`), or those named (an
 * empty list: nobody); at most `limit` when given.
 */
export async function personFactsOnJob(
  db: Db,
  jobId: number,
  who: readonly string[] | 'everyone' | 'scored' = 'everyone',
  limit?: number,
) {
  let query = personFactsQuery(db, jobId);
  if (who === 'scored') query = query.where('jp.score', 'is not', null);
  else if (who !== 'everyone') {
    if (who.length === 0) return []; // `in ()` is not valid SQL
    query = query.where('jp.person_id', 'in', who);
  }
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}

/** One person's facts on the job; undefined when they are no longer on it (erased meanwhile). */
export async function personFactsRow(db: Db, jobId: number, personId: string) {
  return personFactsQuery(db, jobId).where('jp.person_id', '=', personId).executeTakeFirst();
}
