// A job's stage mapping (what each Pilothouse stage and Greenhouse status means) and the Greenhouse
// interview stages it maps onto, as the job sync last stored them.
import type { Db } from '../database';
import {
  fillStageMappingDefaults,
  savedStageMapping,
  StageMappingSchema,
  type StageMapping,
} from '../../rules';

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

/**
 * A job's stage mapping as the admin saved it, with defaults filled in from the job's Greenhouse
 * interview stages (as last synced). A stored mapping that no longer parses counts as none. `saved`
 * is the same mapping without the suggestions: only the links an admin saved.
 */
export async function readStageMapping(db: Db, jobId: number) {
  const [stored, stages] = await Promise.all([
    db
      .selectFrom('stage_mapping')
      .select(['mapping', 'updated_by', 'updated_at'])
      .where('job_id', '=', jobId)
      .executeTakeFirst(),
    greenhouseStagesOf(db, jobId),
  ]);
  const parsed = stored ? StageMappingSchema.safeParse(stored.mapping) : null;
  const filled = fillStageMappingDefaults({
    jobId,
    greenhouseStages: stages,
    existing: parsed?.success ? parsed.data : null,
  });
  // What the admin saved, apart from what the defaults would suggest (the canvas resolves through it alone).
  const saved = savedStageMapping(filled.mapping, parsed?.success ? parsed.data : null);
  return { stages, filled, saved, stored: stored ?? null };
}
