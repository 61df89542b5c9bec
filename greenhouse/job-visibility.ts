import type { HarvestClient } from './client';
import type { Job } from './schemas/jobs';

export interface VisibleJobsOptions {
  status?: 'open' | 'draft' | 'closed';
}

/**
 * The jobs a Greenhouse user may see, computed with the connection's own (integration) access so
 * it works without a token per user:
 * - site admins see every non-confidential job, plus confidential ones they hold a job
 *   permission on (being on the hiring team grants one); they never appear in job permissions
 *   otherwise;
 * - job admins see exactly the jobs their `user_job_permissions` list;
 * - deactivated or unknown users see nothing.
 */
export async function visibleJobsForUser(
  client: HarvestClient,
  userId: number,
  options: VisibleJobsOptions = {},
): Promise<Job[]> {
  const user = await client.getUser(userId);
  if (!user || user.deactivated) return [];

  const permittedJobIds = new Set<number>();
  for await (const permission of client.listUserJobPermissions({ user_ids: [userId], per_page: 500 })) {
    permittedJobIds.add(permission.job_id);
  }

  const jobs: Job[] = [];
  if (user.site_admin) {
    for await (const job of client.listJobs({ status: options.status, per_page: 500 })) {
      if (!job.confidential || permittedJobIds.has(job.id)) jobs.push(job);
    }
  } else if (permittedJobIds.size > 0) {
    for await (const job of client.listJobs({ ids: [...permittedJobIds], status: options.status }))
      jobs.push(job);
  }
  return jobs.sort((a, b) => a.id - b.id);
}
