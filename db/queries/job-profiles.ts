// What the matcher learnt about a job (job_profile): one version per change of its profile.
import type { Db } from '../database';
import type { JobProfile } from '../../matching';

export async function latestJobProfile(
  db: Db,
  jobId: number,
): Promise<{ version: number; profile: JobProfile } | undefined> {
  const row = await db
    .selectFrom('job_profile')
    .select(['version', 'profile'])
    .where('job_id', '=', jobId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? { version: row.version, profile: row.profile } : undefined;
}

export async function jobProfileAt(db: Db, jobId: number, version: number): Promise<JobProfile> {
  const stored = await db
    .selectFrom('job_profile')
    .select('profile')
    .where('job_id', '=', jobId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return stored.profile;
}

/** Stores a new profile version; a version stored already (a retried activity) stays as it is. */
export async function storeJobProfile(
  db: Db,
  input: { jobId: number; version: number; profile: JobProfile },
): Promise<void> {
  await db
    .insertInto('job_profile')
    .values({
      job_id: input.jobId,
      version: input.version,
      hash: input.profile.contentHash,
      profile: JSON.stringify({ ...input.profile, version: input.version }),
    })
    .onConflict((oc) => oc.columns(['job_id', 'version']).doNothing())
    .execute();
}

/** The must-have requirements of the job's latest profile, by name: what "requirement met" conditions name. */
export async function mustHaveRequirementNames(db: Db, jobId: number): Promise<string[]> {
  const latest = await latestJobProfile(db, jobId);
  return (latest?.profile.requirements ?? []).filter((r) => r.importance === 'must').map((r) => r.label);
}
