import {
  fillStageMappingDefaults,
  savedStageMapping,
  StageMappingSchema,
  type ValidationContext,
} from '../../rules';
import type { Db } from '../database';

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
    db.selectFrom('job_stage').selectAll().where('job_id', '=', jobId).orderBy('sort_order').execute(),
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

/** The must-have requirements of the job's latest profile, by name: what "requirement met" conditions name. */
export async function mustHaveRequirementNames(db: Db, jobId: number): Promise<string[]> {
  const profile = await db
    .selectFrom('job_profile')
    .select('profile')
    .where('job_id', '=', jobId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const requirements =
    (profile?.profile as { requirements?: { label: string; importance: string }[] } | undefined)
      ?.requirements ?? [];
  return requirements.filter((r) => r.importance === 'must').map((r) => r.label);
}

/**
 * The other jobs Pilothouse has synced, with their interview stages in plan order: where "Transfer to
 * another job" may send an application. Deleted jobs are left out; closed and draft ones are listed so a
 * rule naming one is explained rather than called unknown.
 */
export async function transferTargets(
  db: Db,
  jobId: number,
): Promise<NonNullable<ValidationContext['otherJobs']>> {
  const [jobs, stages] = await Promise.all([
    db
      .selectFrom('job')
      .select(['id', 'name', 'status'])
      .where('id', '!=', jobId)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('job_stage')
      .select(['id', 'job_id', 'name', 'active'])
      .where('job_id', '!=', jobId)
      .orderBy('job_id')
      .orderBy('sort_order')
      .execute(),
  ]);
  return jobs.map((job) => ({
    id: job.id,
    name: job.name,
    status: job.status,
    stages: stages
      .filter((s) => s.job_id === job.id)
      .map((s) => ({ id: s.id, name: s.name, active: s.active })),
  }));
}
