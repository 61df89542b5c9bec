import type { Application } from '../../greenhouse/schemas';
import { byId, type TenantState } from './types';

/**
 * What the acting user (the token's `sub`) may see. No `sub` = the integration user, who sees the
 * whole organisation. A site admin sees every non-confidential job plus the confidential ones they
 * hold a permission on; a job admin sees only their permitted jobs. Greenhouse answers a read
 * outside that scope with an empty list, not an error.
 */
export interface Viewer {
  allJobs: boolean;
  jobIds: Set<number>;
  siteAdmin: boolean;
}

export function viewerFor(state: TenantState, sub: number | undefined): Viewer {
  if (sub === undefined) return { allJobs: true, jobIds: new Set(), siteAdmin: true };
  const user = byId(state.users, sub);
  const permitted = new Set(
    state.user_job_permissions
      .filter((permission) => permission.user_id === sub)
      .map((permission) => permission.job_id),
  );
  if (!user || user.deactivated) return { allJobs: false, jobIds: new Set(), siteAdmin: false };
  if (user.site_admin) {
    const jobIds = new Set(
      state.jobs.filter((job) => !job.confidential || permitted.has(job.id)).map((job) => job.id),
    );
    return { allJobs: false, jobIds, siteAdmin: true };
  }
  return { allJobs: false, jobIds: permitted, siteAdmin: false };
}

export function canSeeJob(viewer: Viewer, jobId: number | null): boolean {
  if (viewer.allJobs) return true;
  return jobId !== null && viewer.jobIds.has(jobId);
}

export function canSeeApplication(viewer: Viewer, application: Application): boolean {
  if (viewer.allJobs) return true;
  if (application.job_id !== null) return viewer.jobIds.has(application.job_id);
  // Jobless prospects belong to the organisation: site admins see them, job admins only those
  // considered for one of their jobs.
  return (
    viewer.siteAdmin || (application.prospective_job_ids ?? []).some((jobId) => viewer.jobIds.has(jobId))
  );
}

export function visibleCandidateIds(state: TenantState, viewer: Viewer): Set<number> | 'all' {
  if (viewer.allJobs) return 'all';
  const ids = new Set<number>();
  for (const application of state.applications) {
    if (canSeeApplication(viewer, application)) ids.add(application.candidate_id);
  }
  return ids;
}
