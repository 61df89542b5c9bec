import { ApplicationFailure } from '@temporalio/common';
import { educationToExport } from '../../db/queries/export-education';
import { markCreateAttempted, recordLaterStepDone } from '../../db/queries/exports';
import { collect } from '../../greenhouse/client';
import { GreenhouseError } from '../../greenhouse/errors';
import type { GreenhouseScope } from '../../greenhouse/scopes';
import { requireHarvest, type ActivityDeps } from '../deps';
import { greenhouseCall } from '../greenhouse-call';
import { cannotLook, createEntries, type EntriesOutcome } from './create-entries';
import { dictionariesNeeded, notYetCreated, planEducation } from './education';
import { educationDictionaries } from './education-dictionaries';

const OPTIONS_SCOPE: GreenhouseScope = 'harvest:custom_field_options:list';
const LIST_SCOPE: GreenhouseScope = 'harvest:candidate_educations:list';
const CREATE_SCOPE: GreenhouseScope = 'harvest:candidate_educations:create';

export type EducationOutcome = EntriesOutcome;

export function educationActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /**
     * Adds the person's education to the Greenhouse candidate the export created, one education per
     * request, once — as exportWorkHistory does for employments: "about to create" is committed before the
     * first create, and only a retry after it lists the candidate's educations and creates what is missing.
     * Names become the ids of Greenhouse's lists (read through this worker's copy, see
     * education-dictionaries.ts); a name the lists lack is left out of its entry and said in the audit,
     * which the person's Why? page reads. The export itself goes on whatever happens here.
     */
    async exportEducation(input: {
      jobId: number;
      personId: string;
      candidateId: number;
    }): Promise<EducationOutcome> {
      const row = await educationToExport(db, input.jobId, input.personId);
      if (!row) {
        throw ApplicationFailure.nonRetryable(
          'The export or the person is gone from Pilothouse (erased?)',
          'PersonNotFound',
        );
      }
      // Only on candidates Pilothouse created, for the reason exportWorkHistory gives.
      if (row.reused_existing_candidate || row.educations_done_at || row.education.length === 0) {
        return { created: 0, alreadyThere: 0, skipped: [] };
      }
      const harvest = await requireHarvest(deps)();
      const dictionaries = await greenhouseCall(() =>
        educationDictionaries(harvest, dictionariesNeeded(row.education)),
      );
      const plan = planEducation(row.education, dictionaries, OPTIONS_SCOPE);
      const finish = async (outcome: EducationOutcome) => {
        await recordLaterStepDone(db, 'education', {
          jobId: input.jobId,
          personId: input.personId,
          actor: row.requested_by,
          details: {
            candidateId: input.candidateId,
            educations: row.education.length,
            created: outcome.created,
            alreadyThere: outcome.alreadyThere,
            leftOut: plan.entries
              .filter((planned) => planned.leftOut.length > 0)
              .map((planned) => ({ entry: planned.entry, fields: planned.leftOut })),
            skipped: [...plan.skipped, ...outcome.skipped],
            ...(outcome.missingScope ? { missingScope: outcome.missingScope } : {}),
          },
        });
        return outcome;
      };
      if (plan.entries.length === 0) {
        const unreadable = Object.values(dictionaries).some((options) => options === null);
        return finish({
          created: 0,
          alreadyThere: 0,
          skipped: [],
          ...(unreadable ? { missingScope: OPTIONS_SCOPE } : {}),
        });
      }

      let pending = plan.entries;
      if (row.education_create_attempted_at) {
        const listed = await greenhouseCall(async () => {
          try {
            return await collect(
              harvest.listCandidateEducations({ candidate_ids: [input.candidateId], per_page: 500 }),
            );
          } catch (error) {
            if (error instanceof GreenhouseError && error.status === 403) return undefined;
            throw error;
          }
        });
        if (!listed) return finish(cannotLook(pending, LIST_SCOPE));
        pending = notYetCreated(plan.entries, listed);
      } else {
        await markCreateAttempted(db, input, 'education_create_attempted_at');
      }

      const outcome = await createEntries(
        pending,
        plan.entries.length - pending.length,
        CREATE_SCOPE,
        ({ body }) => harvest.createCandidateEducation({ candidate_id: input.candidateId, ...body }),
      );
      return finish(outcome);
    },
  };
}
