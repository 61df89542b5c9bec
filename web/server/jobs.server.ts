import { sql } from 'kysely';
import type { SignedInUser } from './auth.server';
import { jobCounts } from '../../db/queries/pipeline-counts';
import { autopilotStatus } from './autopilot.server';
import { visibleJobIds } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

export interface JobFilters {
  q: string;
  status: 'open' | 'closed' | 'draft' | 'all';
  autopilot: 'on' | 'off' | 'all';
}

/** The jobs list: synced jobs the user may see, with pipeline counts and what each autopilot reports. */
export async function listJobs(context: PilothouseContext, user: SignedInUser, filters: JobFilters) {
  const visible = await visibleJobIds(context, user);
  let query = context.db
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
  if (visible) query = query.where('job.id', 'in', visible.size > 0 ? [...visible] : [-1]);
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
  const jobs = await query.limit(500).execute();
  const counts = await jobCounts(
    context.db,
    jobs.map((j) => j.id),
  );
  const lastFailures = jobs.length
    ? await context.db
        .selectFrom('export_ledger')
        .select(['job_id', sql<string>`max(failure_message)`.as('lastFailure')])
        .where(
          'job_id',
          'in',
          jobs.map((j) => j.id),
        )
        .where('status', '=', 'failed')
        .groupBy('job_id')
        .execute()
    : [];
  // Only running autopilots are asked; each answer is time-boxed in autopilotStatus.
  const statuses = new Map(
    await Promise.all(
      jobs
        .filter((j) => j.autopilot_enabled)
        .map(async (j) => [j.id, await autopilotStatus(context, j.id)] as const),
    ),
  );
  return jobs.map((job) => {
    const jobCount = counts.get(job.id)!;
    const failed = lastFailures.find((row) => row.job_id === job.id);
    const autopilot = statuses.get(job.id) ?? null;
    return {
      id: job.id,
      name: job.name,
      status: job.status,
      requisitionId: job.requisition_id,
      department: job.department_name,
      offices: job.office_names,
      confidential: job.confidential,
      autopilotEnabled: job.autopilot_enabled,
      syncedAt: new Date(job.synced_at).toISOString(),
      counts: jobCount,
      failedExports: jobCount.failedExports,
      phase: autopilot?.state === 'running' ? autopilot.status.phase : null,
      nextCycleAt: autopilot?.state === 'running' ? autopilot.status.nextCycleAt : null,
      autopilotNote: autopilot && autopilot.state !== 'running' ? autopilot.detail : null,
      lastError:
        (autopilot?.state === 'running' ? autopilot.status.lastError : null) ??
        (failed ? `Export failed: ${failed.lastFailure ?? 'unknown reason'}` : null),
    };
  });
}

export async function requireJob(context: PilothouseContext, jobId: number) {
  const job = await context.db
    .selectFrom('job')
    .selectAll()
    .where('id', '=', jobId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!job)
    throw new Response(`There is no synced Greenhouse job ${jobId}.`, {
      status: 404,
      statusText: 'Not Found',
    });
  return job;
}

export function parseJobId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0)
    throw new Response(`"${raw}" is not a Greenhouse job id.`, { status: 404, statusText: 'Not Found' });
  return id;
}
