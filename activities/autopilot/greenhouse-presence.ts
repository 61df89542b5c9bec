import type { GreenhousePresence } from '../../db/tables/people';
import type { Application } from '../../greenhouse/schemas/applications';

/** What a person's Greenhouse applications say about them, from the point of view of one job. */
export function presenceFromApplications(
  jobId: number,
  candidateId: number,
  applications: readonly Application[],
): GreenhousePresence {
  if (applications.length === 0) return { kind: 'none' };
  const onJob = (a: Application) => a.job_id === jobId || (a.prospective_job_ids ?? []).includes(jobId);
  // The application on this job says most; an active one anywhere says more than an old rejection.
  const ranked = [...applications].sort(
    (a, b) =>
      Number(onJob(b)) - Number(onJob(a)) ||
      Number(b.status === 'in_process') - Number(a.status === 'in_process') ||
      Number(!b.prospect) - Number(!a.prospect),
  );
  const best = ranked[0]!;
  return {
    kind: best.prospect ? 'prospect' : 'applicant',
    candidateId,
    applicationId: best.id,
    onThisJob: onJob(best),
    stageId: best.job_interview_stage_id ?? null,
    stageName: best.stage_name ?? null,
    status: best.status,
    lastActivityAt: best.last_activity_at ?? null,
    recruiterId: best.recruiter_id ?? null,
  };
}
