import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { HarvestQueueActivities, StoreActivities } from '../activities';
import type { ExportCandidateInput } from '../temporal/autopilot-api';
import { databaseActivity, exportNextStepPriority, greenhouseActivity } from '../temporal/activity-options';
import { JOB_ID, OUTCOME, PERSON_ID, WORKFLOW_KIND } from '../temporal/search-attributes';
import { harvestTaskQueue } from '../temporal/task-queues';

const store = proxyActivities<StoreActivities>(databaseActivity);

/**
 * Completion stores what the export step already learned from Greenhouse, so it no longer needs a slot
 * of the rate-limited Harvest queue (whose activities-per-second, not the request budget, bounded
 * exports once each step made about one request). Runs that scheduled it on the Harvest queue replay so.
 */
export const COMPLETE_EXPORT_OFF_HARVEST_QUEUE = 'complete-export-off-harvest-queue';

/**
 * Exports of candidates Pilothouse created carry the person's work history (Greenhouse employments): a new
 * activity in the middle of the export, so runs that passed this point before it existed replay without it.
 */
export const EXPORT_WORK_HISTORY = 'export-work-history';

/** And their education (Greenhouse candidate educations), likewise a new activity after the work history. */
export const EXPORT_EDUCATION = 'export-education';

/**
 * An export's steps after the first go ahead of new exports' first steps on the Harvest queue (task-queue
 * priority), so a burst finishes export by export in the order they were decided (ADR 0010). Runs that
 * scheduled their second step without it replay so.
 */
export const EXPORT_NEXT_STEPS_FIRST = 'export-next-steps-first';

export interface ExportCandidateResult {
  candidateId: number;
  applicationId: number | null;
  /** The person was already in Greenhouse: reused, contact details left as they were. */
  reusedExistingCandidate: boolean;
  /** This run found the export already done and changed nothing. */
  alreadyExported: boolean;
}

/**
 * Puts one person into Greenhouse for one job. Idempotent by construction: the workflow id is derived
 * from (job, person), the ledger row remembers each step's Greenhouse ids, a person or application is
 * looked for before it is created, and a resume or note is looked for whenever an earlier attempt may
 * have sent its create — a crash or retry at any step never yields a second of anything.
 */
export async function exportCandidate(input: ExportCandidateInput): Promise<ExportCandidateResult> {
  // Greenhouse calls go through the rate-limited Harvest queue shared by every worker. Typed with
  // completeExport too: runs from before COMPLETE_EXPORT_OFF_HARVEST_QUEUE complete there.
  const onHarvestQueue = { ...greenhouseActivity, taskQueue: harvestTaskQueue(workflowInfo().taskQueue) };
  const greenhouse = proxyActivities<HarvestQueueActivities>(onHarvestQueue);
  upsertSearchAttributes([
    { key: WORKFLOW_KIND, value: 'export' },
    { key: JOB_ID, value: String(input.jobId) },
    { key: PERSON_ID, value: input.personId },
    { key: OUTCOME, value: 'running' },
  ]);
  const begun = await store.beginExport(input);
  if (begun.status === 'exported') {
    upsertSearchAttributes([{ key: OUTCOME, value: 'exported' }]);
    return { ...begun.result, alreadyExported: true };
  }

  try {
    const { employmentsToSend, educationsToSend, ...person } = await greenhouse.ensureGreenhousePerson(input);
    // This export is under way now: its next steps are served before any export that has not started.
    const nextSteps = patched(EXPORT_NEXT_STEPS_FIRST)
      ? proxyActivities<HarvestQueueActivities>({ ...onHarvestQueue, priority: exportNextStepPriority })
      : greenhouse;
    if (person.applicationId !== null && !person.reusedExistingCandidate) {
      await nextSteps.attachGeneratedResume({
        jobId: input.jobId,
        personId: input.personId,
        applicationId: person.applicationId,
      });
    }
    await nextSteps.addMatchNote({
      jobId: input.jobId,
      personId: input.personId,
      candidateId: person.candidateId,
      applicationId: person.applicationId,
    });
    // Never on a candidate Greenhouse already had: their profile's history is their team's to keep, and
    // entries of ours could not be told from theirs afterwards. Nothing to send, no step: it would take a
    // slot of the Harvest queue for no request.
    if (!person.reusedExistingCandidate && employmentsToSend && patched(EXPORT_WORK_HISTORY)) {
      await nextSteps.exportWorkHistory({
        jobId: input.jobId,
        personId: input.personId,
        candidateId: person.candidateId,
      });
    }
    // Same rule; `educationsToSend` is absent from the results of runs recorded before this step.
    if (!person.reusedExistingCandidate && educationsToSend && patched(EXPORT_EDUCATION)) {
      await nextSteps.exportEducation({
        jobId: input.jobId,
        personId: input.personId,
        candidateId: person.candidateId,
      });
    }
    const completer = patched(COMPLETE_EXPORT_OFF_HARVEST_QUEUE) ? store : greenhouse;
    await completer.completeExport({ jobId: input.jobId, personId: input.personId });
    upsertSearchAttributes([{ key: OUTCOME, value: 'exported' }]);
    return { ...person, alreadyExported: false };
  } catch (error) {
    // Record the readable reason for ops before failing; a retry after the fix reruns under the same id.
    const failure =
      error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : undefined;
    await store.recordExportFailure({
      jobId: input.jobId,
      personId: input.personId,
      failureType: failure?.type ?? 'ExportFailed',
      message: failure?.message ?? (error instanceof Error ? error.message : String(error)),
    });
    upsertSearchAttributes([{ key: OUTCOME, value: 'failed' }]);
    throw error;
  }
}
