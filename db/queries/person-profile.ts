import type { Db } from '../database';

/**
 * What Pilothouse holds about one person on one job for their Greenhouse profile: contact details, past
 * jobs and education (an export sends them to Greenhouse), the resume text it read, where they stand in Greenhouse, and the Greenhouse candidate they were exported
 * as (before the next cycle re-reads where they stand), and where they came from (an upload or outreach
 * person is looked up in Greenhouse on a schedule). Undefined when they are not in the job's pipeline.
 */
export async function personProfileOnJob(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .leftJoin('export_ledger as x', (join) =>
      join.onRef('x.job_id', '=', 'jp.job_id').onRef('x.person_id', '=', 'jp.person_id'),
    )
    .select([
      'p.first_name',
      'p.last_name',
      'p.emails',
      'p.phones',
      'p.linkedin_url',
      'p.resume_text',
      'p.past_jobs',
      'p.education',
      'p.greenhouse_candidate_id',
      'jp.greenhouse',
      'jp.source_kind',
      'x.status as export_status',
      'x.greenhouse_candidate_id as exported_candidate_id',
    ])
    .where('jp.job_id', '=', jobId)
    .where('jp.person_id', '=', personId)
    .executeTakeFirst();
}
