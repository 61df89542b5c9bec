// Where each person stands in Pilothouse's pipeline for a job (job_person.pipeline_stage, and its tags).
import type { Db } from '../database';
import { sql } from 'kysely';
import type { PipelineStage } from '../tables/people';

/**
 * Where people stand in Pilothouse's pipeline for a job: the one place `job_person.pipeline_stage` is
 * written (rules, approvals, exports, scoring). `onlyFrom` leaves anyone at another stage where they are:
 * a re-score of someone already decided must not send them back to "matched".
 */
export async function setPipelineStage(
  db: Db,
  input: {
    jobId: number;
    personId: string | readonly string[];
    stage: PipelineStage;
    onlyFrom?: readonly PipelineStage[];
  },
): Promise<void> {
  const personIds = typeof input.personId === 'string' ? [input.personId] : input.personId;
  if (personIds.length === 0 || input.onlyFrom?.length === 0) return;
  let update = db
    .updateTable('job_person')
    .set({ pipeline_stage: input.stage, updated_at: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', 'in', personIds);
  if (input.onlyFrom) update = update.where('pipeline_stage', 'in', input.onlyFrom);
  await update.execute();
}

export async function isOnJob(db: Db, jobId: number, personId: string): Promise<boolean> {
  const found = await db
    .selectFrom('job_person')
    .select('person_id')
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return found !== undefined;
}

/** A rule's "Tag in Pilothouse": the tag is added once, whatever was there. */
export async function tagOnJob(
  db: Db,
  input: { jobId: number; personId: string; tag: string },
): Promise<void> {
  await db
    .updateTable('job_person')
    .set({
      tags: sql`(select coalesce(jsonb_agg(distinct t), '[]'::jsonb) from jsonb_array_elements_text(tags || ${JSON.stringify([input.tag])}::jsonb) t)`,
      updated_at: sql`now()`,
    })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .execute();
}

/** The person's name and where they stand on the job; undefined when they are not in its pipeline. */
export async function standingOnJob(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .select(['p.first_name', 'p.last_name', 'jp.pipeline_stage', 'jp.score'])
    .where('jp.job_id', '=', jobId)
    .where('jp.person_id', '=', personId)
    .executeTakeFirst();
}
