// Rule steps that change an application's place in Greenhouse beyond this job's stages: unreject, transfer
// to another job, make a prospect a candidate. Each reads the application as Greenhouse has it now and acts
// only when it is still where the rule saw it; a retry after a lost answer finds the work done and says so.
import { collect, type HarvestClient } from '../../greenhouse/client';
import { moveApplicationFromStage } from '../../greenhouse/stage-move';
import type { Application } from '../../greenhouse/schemas/applications';
import type { ConvertDecision, TransferDecision } from '../../rules';
import { greenhouseCall } from '../greenhouse-call';

/** `done: false`: Greenhouse's state made the step moot (someone acted there since), not a failure. */
export interface ChangeOutcome {
  done: boolean;
  outcome: string;
}

export async function unrejectInGreenhouse(
  harvest: HarvestClient,
  application: Application,
): Promise<ChangeOutcome> {
  // Active already: unrejected by someone, or by us with Greenhouse's answer lost on the way back.
  if (application.status === 'in_process') return { done: true, outcome: 'already_active' };
  if (application.status !== 'rejected') return { done: false, outcome: `application_${application.status}` };
  await greenhouseCall(() => harvest.unrejectApplication(application.id));
  return { done: true, outcome: 'unrejected' };
}

/**
 * Transfers the application to another job, into the chosen stage. Greenhouse documents that a transfer
 * lands on the job's first stage; when it did so although we named a stage, the application is moved on
 * from there (guarded by that first stage, so a person's move in between is not overridden).
 */
export async function transferInGreenhouse(
  harvest: HarvestClient,
  jobId: number,
  application: Application,
  decision: TransferDecision,
  firstStageOfTarget: number | null,
): Promise<ChangeOutcome> {
  if (application.job_id === decision.toJobId) {
    if (application.job_interview_stage_id === decision.toStageId)
      return { done: true, outcome: 'already_transferred' };
    // Transferred before (this step, its answer lost) and left on the first stage: finish the step.
    if (application.job_interview_stage_id === firstStageOfTarget && application.status === 'in_process') {
      await greenhouseCall(() =>
        moveApplicationFromStage(harvest, application, { toStageId: decision.toStageId }),
      );
      return { done: true, outcome: 'transferred' };
    }
    return { done: false, outcome: 'moved_since_decided' };
  }
  if (application.job_id !== jobId) return { done: false, outcome: 'on_another_job' };
  // Guarded by the stage the rule saw: a move can email the candidate, so a stale one is never replayed.
  if (decision.fromStageId !== null && application.job_interview_stage_id !== decision.fromStageId)
    return { done: false, outcome: 'moved_since_decided' };
  if (application.status !== 'in_process')
    return { done: false, outcome: `application_${application.status}` };
  await greenhouseCall(() =>
    moveApplicationFromStage(harvest, application, {
      toJobId: decision.toJobId,
      toStageId: decision.toStageId,
    }),
  );
  const after = await greenhouseCall(() => harvest.getApplication(application.id));
  if (
    after &&
    after.job_id === decision.toJobId &&
    after.status === 'in_process' &&
    after.job_interview_stage_id !== decision.toStageId
  ) {
    await greenhouseCall(() => moveApplicationFromStage(harvest, after, { toStageId: decision.toStageId }));
  }
  return { done: true, outcome: 'transferred' };
}

/** The candidate's applications, to see whether a conversion already happened. */
export async function applicationsOf(harvest: HarvestClient, candidateId: number): Promise<Application[]> {
  return greenhouseCall(() => collect(harvest.listApplications({ candidate_ids: [candidateId] })));
}

/** The candidate application on this job, if there is one (a prospect made a candidate has one). */
export function candidateApplicationOn(
  jobId: number,
  applications: readonly Application[],
): Application | undefined {
  return applications.find((a) => a.job_id === jobId && !a.prospect && a.status !== 'converted');
}

/** Makes the prospect a candidate for this job: Greenhouse turns the prospect application into a new candidate one. */
export async function convertInGreenhouse(
  harvest: HarvestClient,
  jobId: number,
  prospect: Application,
  decision: ConvertDecision,
): Promise<ChangeOutcome> {
  const existing = candidateApplicationOn(jobId, await applicationsOf(harvest, prospect.candidate_id));
  // Converted before (this step, its answer lost, or a recruiter in Greenhouse): nothing to do.
  if (existing || !prospect.prospect) return { done: true, outcome: 'already_candidate' };
  if (prospect.status !== 'in_process') return { done: false, outcome: `prospect_${prospect.status}` };
  await greenhouseCall(() =>
    harvest.convertProspect(prospect.id, {
      job_id: jobId,
      ...(decision.toStageId === null ? {} : { to_job_interview_stage_id: decision.toStageId }),
    }),
  );
  return { done: true, outcome: 'converted' };
}
