import type { SignedInUser } from './auth.server';
import { exportFailureOfJobs } from '../../db/queries/exports';
import { liveJob, listJobs as listJobRows, type JobListFilters } from '../../db/queries/jobs';
import { jobCounts } from '../../db/queries/pipeline-counts';
import { autopilotStatus } from './autopilot.server';
import { visibleJobIds } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

export type JobFilters = Omit<JobListFilters, 'jobIds'>;

/** The jobs list: synced jobs the user may see, with pipeline counts and what each autopilot reports. */
export async function listJobs(context: PilothouseContext, user: SignedInUser, filters: JobFilters) {
  const visible = await visibleJobIds(context, user);
  const jobs = await listJobRows(context.db, { ...filters, jobIds: visible });
  const counts = await jobCounts(
    context.db,
    jobs.map((j) => j.id),
  );
  const lastFailures = await exportFailureOfJobs(
    context.db,
    jobs.map((j) => j.id),
  );
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
  const job = await liveJob(context.db, jobId);
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
