import type { HarvestClient } from './client';
import { GreenhouseError } from './errors';
import type { Application } from './schemas/applications';

export type StageIdSpace = 'job_interview_stage' | 'application_stage';

export interface StageMoveTarget {
  /** Job interview stage to move to; neither this nor `toJobId` = advance to the next stage. */
  toStageId?: number;
  /** Transfer to another job (lands on its first stage). */
  toJobId?: number;
  emailFromUserId?: number;
}

// Which id space Greenhouse expects in `from_stage_id` is unverified: an application carries both
// `job_interview_stage_id` (the stage definition) and `stage_id` (the application-stage visit).
// We try the definition first and remember per client whichever Greenhouse accepted.
const acceptedSpace = new WeakMap<HarvestClient, StageIdSpace>();

/**
 * Moves an application from the stage we last saw it in. If Greenhouse says the `from_stage_id`
 * is stale (422) we re-read the application: when it really moved, the 422 stands (someone acted
 * in Greenhouse; never replay a move, it may send automated emails); when it is still where we
 * saw it, the refusal was about the id space, and we ask once more with the other id — unless that
 * space is the one Greenhouse already accepted from this client.
 */
export async function moveApplicationFromStage(
  client: HarvestClient,
  seen: Pick<Application, 'id' | 'stage_id' | 'job_interview_stage_id'>,
  target: StageMoveTarget,
): Promise<{ fromStageIdSpace: StageIdSpace }> {
  const confirmed = acceptedSpace.get(client);
  const preferred = confirmed ?? 'job_interview_stage';
  const spaces: StageIdSpace[] = [
    preferred,
    preferred === 'job_interview_stage' ? 'application_stage' : 'job_interview_stage',
  ];
  const idIn = (space: StageIdSpace) =>
    space === 'job_interview_stage' ? seen.job_interview_stage_id : seen.stage_id;
  const candidates = spaces.filter((space) => idIn(space) !== null);
  if (candidates.length === 0) {
    throw new RangeError(`application ${seen.id} has no current stage to move from (prospect or hired?)`);
  }

  let firstRefusal: unknown;
  for (const space of candidates) {
    try {
      await client.moveApplication(seen.id, {
        from_stage_id: idIn(space) as number,
        to_stage_id: target.toStageId,
        to_job_id: target.toJobId,
        email_from_user_id: target.emailFromUserId,
      });
      acceptedSpace.set(client, space);
      return { fromStageIdSpace: space };
    } catch (error) {
      if (!(error instanceof GreenhouseError && error.status === 422)) throw error;
      // Greenhouse took this id space before, so the refusal is about the move itself (e.g. the person
      // already has an application on the job a transfer names): that is the reason to report.
      if (space === confirmed) throw error;
      // Refused in both spaces: the documented one's answer says what was wrong, not the other id's.
      if (firstRefusal !== undefined) throw firstRefusal;
      firstRefusal = error;
      const now = await client.getApplication(seen.id);
      const unchanged =
        now !== undefined &&
        now.job_interview_stage_id === seen.job_interview_stage_id &&
        now.stage_id === seen.stage_id;
      if (!unchanged) throw error;
    }
  }
  throw firstRefusal;
}
