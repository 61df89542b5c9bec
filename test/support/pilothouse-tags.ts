import type { Db } from '../../db/database';

/** The tags a rule put on the person for this job ("Tag in Pilothouse"). */
export async function pilothouseTags(db: Db, jobId: number, personId: string): Promise<string[]> {
  const row = await db
    .selectFrom('job_person')
    .select('tags')
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.tags;
}
