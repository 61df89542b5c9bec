import type { Db } from '../database';

/**
 * What the rule evaluator reads of a person on a job (name, contact, source, Greenhouse presence,
 * score, pipeline stage and the current profile's match explanation). One query for the autopilot's
 * selection, the executor's resumed waits and the canvas's dry run, so all three see the same facts.
 */
export function personFactsQuery(db: Db, jobId: number) {
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

/** The facts of the job's people (all of them, or those named). */
export async function personFactsOnJob(db: Db, jobId: number, personIds?: readonly string[]) {
  let query = personFactsQuery(db, jobId);
  if (personIds) query = query.where('jp.person_id', 'in', personIds);
  return query.execute();
}

/** One person's facts on the job; undefined when they are no longer on it (erased meanwhile). */
export async function personFactsRow(db: Db, jobId: number, personId: string) {
  return personFactsQuery(db, jobId).where('jp.person_id', '=', personId).executeTakeFirst();
}

/** The facts of the job's people named in `who`, or of everyone scored for it (`'scored'`); at most `limit`. */
export async function personFactsOf(db: Db, jobId: number, who: readonly string[] | 'scored', limit: number) {
  const query = personFactsQuery(db, jobId);
  return (
    who === 'scored'
      ? query.where('jp.score', 'is not', null)
      : // An empty list matches nobody (`in ()` is not valid SQL).
        query.where('jp.person_id', 'in', who.length > 0 ? who : ['00000000-0000-0000-0000-000000000000'])
  )
    .limit(limit)
    .execute();
}
