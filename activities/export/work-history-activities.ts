import { ApplicationFailure } from '@temporalio/common';
import { workHistoryToExport } from '../../db/queries/export-work-history';
import { markCreateAttempted, recordLaterStepDone } from '../../db/queries/exports';
import { collect } from '../../greenhouse/client';
import { GreenhouseError } from '../../greenhouse/errors';
import type { GreenhouseScope } from '../../greenhouse/scopes';
import { requireHarvest, type ActivityDeps } from '../deps';
import { greenhouseCall } from '../greenhouse-call';
import { cannotLook, createEntries, type EntriesOutcome } from './create-entries';
import { notYetCreated, planWorkHistory } from './work-history';

const LIST_SCOPE: GreenhouseScope = 'harvest:candidate_employments:list';
const CREATE_SCOPE: GreenhouseScope = 'harvest:candidate_employments:create';

export type WorkHistoryOutcome = EntriesOutcome;

export function workHistoryActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /**
     * Adds the person's work history to the Greenhouse candidate the export created, one employment per
     * request, once: "about to create" is committed before the first create, and only a retry after it
     * lists the candidate's employments and creates what is missing. Greenhouse gives employments no marker
     * of ours, so an entry counts as made by an earlier attempt when its title, company and dates match.
     * What cannot be sent (no start year, a missing scope, a refusal) is left out and said in the audit
     * log; the export itself goes on — the work history is a courtesy, the candidate is the export.
     */
    async exportWorkHistory(input: {
      jobId: number;
      personId: string;
      candidateId: number;
    }): Promise<WorkHistoryOutcome> {
      const row = await workHistoryToExport(db, input.jobId, input.personId);
      if (!row) {
        throw ApplicationFailure.nonRetryable(
          'The export or the person is gone from Pilothouse (erased?)',
          'PersonNotFound',
        );
      }
      // Only on candidates Pilothouse created: a profile someone already keeps in Greenhouse holds their
      // history as they keep it, and Greenhouse cannot tell our entries from theirs to undo ours.
      if (row.reused_existing_candidate || row.employments_done_at) {
        return { created: 0, alreadyThere: 0, skipped: [] };
      }
      const plan = planWorkHistory({ title: row.title, company: row.company, pastJobs: row.past_jobs });
      const finish = async (outcome: WorkHistoryOutcome) => {
        await recordLaterStepDone(db, 'workHistory', {
          jobId: input.jobId,
          personId: input.personId,
          actor: row.requested_by,
          details: {
            candidateId: input.candidateId,
            employments: plan.entries.length,
            created: outcome.created,
            alreadyThere: outcome.alreadyThere,
            skipped: outcome.skipped,
            ...(outcome.missingScope ? { missingScope: outcome.missingScope } : {}),
          },
        });
        return outcome;
      };
      // (What of the history cannot be sent at all is in the export's own audit event.)
      if (plan.entries.length === 0) return finish({ created: 0, alreadyThere: 0, skipped: [] });

      const harvest = await requireHarvest(deps)();
      let pending = plan.entries;
      if (row.employment_create_attempted_at) {
        const listed = await greenhouseCall(() =>
          forbiddenAsUndefined(
            collect(harvest.listCandidateEmployments({ candidate_ids: [input.candidateId], per_page: 500 })),
          ),
        );
        if (!listed) return finish(cannotLook(pending, LIST_SCOPE));
        pending = notYetCreated(plan.entries, listed);
      } else {
        await markCreateAttempted(db, input, 'employment_create_attempted_at');
      }

      const outcome = await createEntries(
        pending,
        plan.entries.length - pending.length,
        CREATE_SCOPE,
        ({ employment }) =>
          harvest.createCandidateEmployment({ candidate_id: input.candidateId, ...employment }),
      );
      return finish(outcome);
    },
  };
}

async function forbiddenAsUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof GreenhouseError && error.status === 403) return undefined;
    throw error;
  }
}
