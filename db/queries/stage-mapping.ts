// A job's stage mapping (what each Pilothouse stage and Greenhouse status means) and the Greenhouse
// interview stages it maps onto, as the job sync last stored them. Reading the mapping with its defaults
// filled in is `readStageMapping` in rule-data.ts.
import type { Kysely, Transaction } from 'kysely';
import type { StageMapping } from '../../rules';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The job's Greenhouse interview stages in plan order. */
export async function greenhouseStagesOf(db: Db, jobId: number) {
  return db.selectFrom('job_stage').selectAll().where('job_id', '=', jobId).orderBy('sort_order').execute();
}

/** Stores the admin's mapping for the job, replacing the one saved before. */
export async function saveStageMapping(db: Db, mapping: StageMapping, by: string): Promise<void> {
  const json = JSON.stringify(mapping);
  await db
    .insertInto('stage_mapping')
    .values({ job_id: mapping.jobId, mapping: json, updated_by: by })
    .onConflict((oc) =>
      oc.column('job_id').doUpdateSet({ mapping: json, updated_by: by, updated_at: new Date() }),
    )
    .execute();
}
