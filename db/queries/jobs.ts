// Jobs as last synced from Greenhouse (job, job_post, job_stage): the job, its posts and interview
// stages, and the autopilot's settings.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { JobPostTable, JobStageTable, JobTable } from '../tables/jobs';

type Db = Kysely<Database> | Transaction<Database>;

export async function jobSettingsOf(db: Db, jobId: number) {
  return db
    .selectFrom('job')
    .select(['status', 'autopilot_enabled', 'cadence_minutes', 'deleted_at'])
    .where('id', '=', jobId)
    .executeTakeFirst();
}

export async function jobNameOf(db: Db, jobId: number): Promise<string | null> {
  const job = await db.selectFrom('job').select('name').where('id', '=', jobId).executeTakeFirst();
  return job?.name ?? null;
}

/**
 * The job, and its post that describes it best (live before not, active before inactive): what a job
 * profile is trained from.
 */
export async function jobWithPost(db: Db, jobId: number) {
  const job = await db.selectFrom('job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  const post = await db
    .selectFrom('job_post')
    .select(['title', 'content'])
    .where('job_id', '=', jobId)
    .orderBy('live', 'desc')
    .orderBy('active', 'desc')
    .executeTakeFirst();
  return { job, post };
}

/** The job's first interview stage (where new applications start), or null for a job without stages. */
export async function firstStageId(db: Db, jobId: number): Promise<number | null> {
  const row = await db
    .selectFrom('job_stage')
    .select('id')
    .where('job_id', '=', jobId)
    .orderBy('sort_order')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Every stored job's status, to tell a job that just opened. */
export async function jobStatuses(db: Db) {
  return db.selectFrom('job').select(['id', 'status']).execute();
}

/**
 * Stores a job as Greenhouse lists it. `autopilot_enabled` is set for a new job only: an existing job
 * keeps the admins' choice. A job seen again is no longer deleted.
 */
export async function upsertSyncedJob(db: Db, job: Insertable<JobTable>): Promise<void> {
  await db
    .insertInto('job')
    .values(job)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        requisition_id: eb.ref('excluded.requisition_id'),
        status: eb.ref('excluded.status'),
        confidential: eb.ref('excluded.confidential'),
        department_name: eb.ref('excluded.department_name'),
        office_names: eb.ref('excluded.office_names'),
        greenhouse_updated_at: eb.ref('excluded.greenhouse_updated_at'),
        synced_at: sql`now()`,
        deleted_at: null,
      })),
    )
    .execute();
}

export async function upsertJobPost(db: Db, post: Insertable<JobPostTable>): Promise<void> {
  await db
    .insertInto('job_post')
    .values(post)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        content: eb.ref('excluded.content'),
        live: eb.ref('excluded.live'),
        active: eb.ref('excluded.active'),
        greenhouse_updated_at: eb.ref('excluded.greenhouse_updated_at'),
      })),
    )
    .execute();
}

export async function upsertJobStage(db: Db, stage: Insertable<JobStageTable>): Promise<void> {
  await db
    .insertInto('job_stage')
    .values(stage)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        sort_order: eb.ref('excluded.sort_order'),
        active: eb.ref('excluded.active'),
      })),
    )
    .execute();
}

/** The autopilot settings of the jobs a sync stored. */
export async function syncedJobSettings(db: Db, jobIds: number[]) {
  return db
    .selectFrom('job')
    .select(['id', 'status', 'autopilot_enabled', 'cadence_minutes'])
    .where('id', 'in', jobIds)
    .execute();
}

/** The job's name and Greenhouse status (open, closed, draft), or undefined for a job never synced. */
export async function jobNameAndStatus(db: Db, jobId: number) {
  return db.selectFrom('job').select(['name', 'status']).where('id', '=', jobId).executeTakeFirst();
}

/** Remembers whether the job's autopilot should run (the workflow is started or paused by the caller). */
export async function setAutopilotEnabled(db: Db, jobId: number, enabled: boolean): Promise<void> {
  await db.updateTable('job').set({ autopilot_enabled: enabled }).where('id', '=', jobId).execute();
}
