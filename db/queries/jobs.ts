// Jobs as last synced from Greenhouse (job, job_post, job_stage): the job, its posts and interview
// stages, and the autopilot's settings.
import type { Db } from '../database';
import type { ValidationContext } from '../../rules';
import { sql, type Insertable } from 'kysely';
import type { JobPostTable, JobStageTable, JobTable } from '../tables/jobs';

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

/** Every stored job's title, to find the jobs similar to one. */
export async function jobTitles(db: Db): Promise<{ id: number; title: string }[]> {
  return db.selectFrom('job').select(['id', 'name as title']).execute();
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

/** How often the job's autopilot runs a cycle. */
export async function setJobCadence(db: Db, jobId: number, cadenceMinutes: number): Promise<void> {
  await db.updateTable('job').set({ cadence_minutes: cadenceMinutes }).where('id', '=', jobId).execute();
}

/** A synced job that was not deleted in Greenhouse, with every column. */
export async function liveJob(db: Db, jobId: number) {
  return db
    .selectFrom('job')
    .selectAll()
    .where('id', '=', jobId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface JobListFilters {
  /** Part of the name, department or requisition id, or the job's Greenhouse id. */
  q: string;
  status: 'open' | 'closed' | 'draft' | 'all';
  autopilot: 'on' | 'off' | 'all';
  /** Only these jobs (the ones the user may see); null: every job. */
  jobIds: ReadonlySet<number> | null;
}

/** The Jobs list: open before closed, by name, at most 500. */
export async function listJobs(db: Db, filters: JobListFilters) {
  let query = db
    .selectFrom('job')
    .select([
      'job.id',
      'job.name',
      'job.status',
      'job.requisition_id',
      'job.department_name',
      'job.office_names',
      'job.autopilot_enabled',
      'job.synced_at',
      'job.confidential',
    ])
    .where('job.deleted_at', 'is', null)
    .orderBy('job.status')
    .orderBy('job.name');
  if (filters.jobIds)
    query = query.where('job.id', 'in', filters.jobIds.size > 0 ? [...filters.jobIds] : [-1]);
  if (filters.status !== 'all') query = query.where('job.status', '=', filters.status);
  if (filters.autopilot !== 'all')
    query = query.where('job.autopilot_enabled', '=', filters.autopilot === 'on');
  if (filters.q) {
    const like = `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('job.name', 'ilike', like),
        eb('job.department_name', 'ilike', like),
        eb('job.requisition_id', 'ilike', like),
        eb(sql`job.id::text`, '=', filters.q),
      ]),
    );
  }
  return query.limit(500).execute();
}

/** What the connection page says about the sync: jobs stored, autopilots on, and when a job was last synced. */
export async function jobSyncSummary(db: Db) {
  return db
    .selectFrom('job')
    .select([
      sql<number>`count(*)::int`.as('jobs'),
      sql<number>`count(*) filter (where autopilot_enabled)::int`.as('autopilots'),
      sql<Date | null>`max(synced_at)`.as('lastSyncedAt'),
    ])
    .executeTakeFirstOrThrow();
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
