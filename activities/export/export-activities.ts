import {
  presenceFromApplications,
  recordGreenhousePresence,
  standingOf,
} from '../../db/queries/greenhouse-presence';
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../db/database';
import { approvalHistoryOf } from '../../db/queries/approvals';
import { recordAudit } from '../../db/queries/audit';
import {
  claimExport,
  exportLedgerRow,
  markCreateAttempted,
  markExported,
  markExportFailed,
  recordExportAttachment,
  recordExportedPerson,
} from '../../db/queries/exports';
import { latestMatchScore } from '../../db/queries/match-scores';
import { linkGreenhouseCandidate, personById } from '../../db/queries/people';
import { setPipelineStage } from '../../db/queries/pipeline';
import { collect, type HarvestClient } from '../../greenhouse/client';
import { findOrCreateApplication, findOrCreateCandidate } from '../../greenhouse/find-or-create';
import { GreenhouseError } from '../../greenhouse/errors';
import type { NestedApplicationBody } from '../../greenhouse/schemas/candidates';
import type { ExportCandidateInput } from '../../temporal/autopilot-api';
import { exportWorkflowId } from '../../temporal/workflow-ids';
import { requireHarvest, type ActivityDeps } from '../deps';
import { greenhouseCall } from '../greenhouse-call';
import { exportsTotal } from '../../observability/metrics';
import { generateResumePdf } from './resume-pdf';
import { planWorkHistory } from './work-history';

export const PILOTHOUSE_SOURCE_NAME = 'Pilothouse';

// Sources are reference data: read once per worker per connection.
const sourceIds = new WeakMap<HarvestClient, Promise<number | undefined>>();
function pilothouseSourceId(harvest: HarvestClient): Promise<number | undefined> {
  let found = sourceIds.get(harvest);
  if (!found) {
    found = collect(harvest.listSources({ per_page: 500 })).then(
      (sources) => sources.find((s) => s.name.toLowerCase() === PILOTHOUSE_SOURCE_NAME.toLowerCase())?.id,
    );
    // A failed read must not be remembered: the next attempt asks Greenhouse again.
    found.catch(() => sourceIds.delete(harvest));
    sourceIds.set(harvest, found);
  }
  return found;
}

async function loadPerson(db: Db, personId: string) {
  const person = await personById(db, personId);
  if (!person) {
    throw ApplicationFailure.nonRetryable(
      `Person ${personId} no longer exists in Pilothouse (erased?)`,
      'PersonNotFound',
    );
  }
  return person;
}

/**
 * What marks Pilothouse's own resume and note of one export in Greenhouse (in the file name, in the
 * note's last line): when Greenhouse carried out an upload but its answer was lost, the retry finds
 * the first one by it instead of adding a second. A hash, so it names no one.
 */
export function exportMarker(jobId: number, personId: string): string {
  return `pilothouse-${createHash('sha256').update(`${jobId}:${personId}`).digest('hex').slice(0, 12)}`;
}

export function exportActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /** Claims the ledger row for (job, person); a row already `exported` ends the export as done. */
    async beginExport(input: ExportCandidateInput) {
      const row = await claimExport(db, {
        jobId: input.jobId,
        personId: input.personId,
        workflowId: exportWorkflowId(input.jobId, input.personId),
        target: input.target,
        requestedBy: input.requestedBy,
      });
      return {
        status: row.status,
        result: {
          candidateId: row.greenhouse_candidate_id ?? 0,
          applicationId: row.greenhouse_application_id,
          reusedExistingCandidate: row.reused_existing_candidate,
        },
      };
    },

    /**
     * Finds the person in Greenhouse by email or LinkedIn, or creates them with the application (or
     * prospect). An existing person is reused as is: contact details are never re-synced.
     */
    async ensureGreenhousePerson(input: ExportCandidateInput) {
      const harvest = await requireHarvest(deps)();
      const person = await loadPerson(db, input.personId);
      const recorded = await exportLedgerRow(db, input.jobId, input.personId);
      if (person.emails.length === 0 && !person.linkedin_url) {
        // Without an email or LinkedIn URL a retry could not tell our create from a stranger: refuse.
        throw ApplicationFailure.nonRetryable(
          // Failure messages reach workflow histories and logs: they name no one.
          'This person has no email or LinkedIn URL, so Pilothouse cannot make sure they are exported only once. Add one and retry.',
          'MissingContactDetails',
        );
      }
      const sourceId = await greenhouseCall(() => pilothouseSourceId(harvest));
      const attribution = {
        ...(sourceId ? { source_id: sourceId } : {}),
        ...(input.creditUserId ? { recruiter_id: input.creditUserId } : {}),
      };
      const application: NestedApplicationBody =
        input.target.kind === 'candidate'
          ? {
              job_id: input.jobId,
              ...(input.target.stageId ? { initial_stage_id: input.target.stageId } : {}),
              ...attribution,
            }
          : {
              prospect: true,
              job_ids: [input.jobId],
              ...(input.target.poolId ? { prospect_pool_id: input.target.poolId } : {}),
              ...(input.target.poolStageId ? { prospect_pool_stage_id: input.target.poolStageId } : {}),
              ...attribution,
            };

      const result = await greenhouseCall(async () => {
        if (recorded.greenhouse_candidate_id) {
          // An earlier attempt created or found the person: only the application may be missing.
          const app = await findOrCreateApplication(harvest, {
            ...application,
            candidate_id: recorded.greenhouse_candidate_id,
          });
          return {
            candidateId: recorded.greenhouse_candidate_id,
            applicationId: app.application.id,
            reused: recorded.reused_existing_candidate,
            applications: app.candidateApplications,
          };
        }
        if (person.greenhouse_candidate_id) {
          // The source step or an earlier export already matched this person: no lookup, only the
          // application. The application check itself keeps this exactly once.
          try {
            const app = await findOrCreateApplication(harvest, {
              ...application,
              candidate_id: person.greenhouse_candidate_id,
            });
            return {
              candidateId: person.greenhouse_candidate_id,
              applicationId: app.application.id,
              reused: true,
              applications: app.candidateApplications,
            };
          } catch (error) {
            // Merged or deleted in Greenhouse since it was matched: look the person up as if unknown.
            if (!isRefusal(error)) throw error;
          }
        }
        const found = await findOrCreateCandidate(harvest, {
          candidate: {
            first_name: person.first_name,
            last_name: person.last_name,
            ...(person.title ? { title: person.title } : {}),
            ...(person.company ? { company: person.company } : {}),
            email_addresses: person.emails.map((value) => ({ value, type: 'personal' as const })),
            phone_numbers: person.phones.map((value) => ({ value, type: 'mobile' as const })),
            ...(person.location ? { addresses: [{ value: person.location, type: 'home' as const }] } : {}),
            ...(person.linkedin_url ? { social_media_addresses: [{ value: person.linkedin_url }] } : {}),
          },
          application,
          ...(person.linkedin_url ? { linkedInUrl: person.linkedin_url } : {}),
          // A worker that died after sending the create left a person this retry finds by email: its own
          // creation, which still gets the resume and history. Recorded before the create is sent.
          ...(recorded.candidate_create_attempted_at
            ? { earlierCreateSentAt: recorded.candidate_create_attempted_at }
            : {}),
          beforeCreate: () => markCreateAttempted(db, input, 'candidate_create_attempted_at'),
        });
        return {
          candidateId: found.candidate.id,
          applicationId: found.application?.id ?? null,
          reused: found.candidateOutcome === 'reused',
          applications: found.applications,
        };
      });
      const presence = result.applications
        ? presenceFromApplications(input.jobId, result.candidateId, result.applications)
        : null;
      // The work history goes only onto candidates Pilothouse created (see exportWorkHistory); what of it
      // cannot be sent is said here, with the export, so an export with nothing to send needs no step.
      const workHistory = result.reused
        ? null
        : planWorkHistory({ title: person.title, company: person.company, pastJobs: person.past_jobs });

      await recordExportedPerson(db, {
        jobId: input.jobId,
        personId: input.personId,
        candidateId: result.candidateId,
        applicationId: result.applicationId,
        reused: result.reused,
        presence: presence ? { ...presence, checkedAt: new Date().toISOString() } : null,
      });
      await linkGreenhouseCandidate(db, { personId: input.personId, candidateId: result.candidateId });
      await recordAudit(db, {
        actor: input.requestedBy,
        action: result.reused
          ? 'greenhouse.application.created_for_existing_candidate'
          : 'greenhouse.candidate.created',
        jobId: input.jobId,
        personId: input.personId,
        details: {
          candidateId: result.candidateId,
          applicationId: result.applicationId,
          target: input.target,
          ...(workHistory
            ? { workHistory: { employments: workHistory.entries.length, skipped: workHistory.skipped } }
            : {}),
        },
      });
      return {
        candidateId: result.candidateId,
        applicationId: result.applicationId,
        reusedExistingCandidate: result.reused,
        /** Past jobs the work-history step can send (none for a candidate Greenhouse already had). */
        employmentsToSend: workHistory?.entries.length ?? 0,
        /** Education entries the education step will try to send (names are matched there). */
        educationsToSend: result.reused ? 0 : person.education.length,
      };
    },

    /** Uploads a generated resume once (a new resume would demote the previous one to `other`). */
    async attachGeneratedResume(input: { jobId: number; personId: string; applicationId: number }) {
      const recorded = await exportLedgerRow(db, input.jobId, input.personId);
      if (recorded.resume_attachment_id) return { attachmentId: recorded.resume_attachment_id };
      const harvest = await requireHarvest(deps)();
      const marker = exportMarker(input.jobId, input.personId);
      // Only an earlier attempt that got as far as sending the upload can have made one: look for it
      // then, and only then.
      const already = recorded.resume_create_attempted_at
        ? (
            await greenhouseCall(() =>
              collect(harvest.listAttachments({ application_ids: [input.applicationId], per_page: 500 })),
            )
          ).find((attachment) => attachment.filename.includes(marker))
        : undefined;
      if (already) {
        await recordExportAttachment(db, input, { resume_attachment_id: already.id });
        return { attachmentId: already.id };
      }
      const person = await loadPerson(db, input.personId);
      const pdf = await generateResumePdf({
        firstName: person.first_name,
        lastName: person.last_name,
        emails: person.emails,
        phones: person.phones,
        linkedinUrl: person.linkedin_url,
        location: person.location,
        title: person.title,
        company: person.company,
        pastJobs: person.past_jobs,
        skills: person.skills,
        resumeText: person.resume_text,
      });
      // Recorded before the upload is sent: if its answer is lost (or this worker dies), the retry knows
      // to look before uploading again.
      await markCreateAttempted(db, input, 'resume_create_attempted_at');
      const attachment = await greenhouseCall(() =>
        harvest.createAttachment({
          application_id: input.applicationId,
          filename: `${person.first_name}-${person.last_name}-resume-${marker}.pdf`.replace(/\s+/g, '-'),
          type: 'resume',
          content: Buffer.from(pdf).toString('base64'),
        }),
      );
      await recordExportAttachment(db, input, { resume_attachment_id: attachment.id });
      return { attachmentId: attachment.id };
    },

    /** A note with the match explanation, so the hiring team sees why Pilothouse chose this person. */
    async addMatchNote(input: {
      jobId: number;
      personId: string;
      candidateId: number;
      applicationId: number | null;
    }) {
      const recorded = await exportLedgerRow(db, input.jobId, input.personId);
      if (recorded.note_id) return { noteId: recorded.note_id };
      const harvest = await requireHarvest(deps)();
      const score = await latestMatchScore(db, input.jobId, input.personId);
      const marker = exportMarker(input.jobId, input.personId);
      // As with the resume: a note can only be there if an earlier attempt sent its create.
      const already = recorded.note_create_attempted_at
        ? (
            await greenhouseCall(() =>
              collect(harvest.listNotes({ candidate_ids: [input.candidateId], per_page: 500 })),
            )
          ).find((note) => (note.body ?? '').includes(marker))
        : undefined;
      // "Approved by" only when that person approved it: a recruiter who pressed "Export to Greenhouse"
      // approved nothing, and the hiring team reads the note as the record of who decided.
      const approved = (await approvalHistoryOf(db, input.jobId, input.personId)).some(
        (approval) => approval.status === 'approved' && approval.decided_by === recorded.requested_by,
      );
      const body = `${matchNoteBody(score?.score ?? null, score?.explanation, { requestedBy: recorded.requested_by, approved })}\n(${marker})`;
      if (!already) await markCreateAttempted(db, input, 'note_create_attempted_at');
      const note =
        already ??
        (await greenhouseCall(() =>
          harvest.createNote({
            candidate_id: input.candidateId,
            ...(input.applicationId ? { application_id: input.applicationId } : {}),
            body,
            note_type: 'NOTE',
            visibility: 'public',
          }),
        ));
      await recordExportAttachment(db, input, { note_id: note.id });
      return { noteId: note.id };
    },

    async completeExport(input: { jobId: number; personId: string }) {
      const row = await exportLedgerRow(db, input.jobId, input.personId);
      // The export step recorded what it saw (its own create included): never read back what a write
      // returned. Only a ledger without it (an export step run before it was kept) asks Greenhouse
      // again — one read, outside the Harvest queue, paced by the client's limiter.
      const presence = row.greenhouse_presence ?? {
        ...(row.greenhouse_candidate_id
          ? await readPresence(await requireHarvest(deps)(), input.jobId, row.greenhouse_candidate_id)
          : ({ kind: 'none' } as const)),
        checkedAt: new Date().toISOString(),
      };
      const completed = await db.transaction().execute(async (trx) => {
        // Counted once: a retried completion finds the row already exported.
        const updated = await markExported(trx, input);
        await setPipelineStage(trx, { jobId: input.jobId, personId: input.personId, stage: 'exported' });
        // The export put them there: a move from here on is someone's in Greenhouse, and sets flows off.
        await recordGreenhousePresence(trx, {
          jobId: input.jobId,
          personId: input.personId,
          presence,
          standing: { actedOn: standingOf(presence) },
        });
        return updated;
      });
      if (completed) {
        exportsTotal.inc({
          outcome: completed.reused_existing_candidate ? 'existing' : 'created',
          target: exportTargetLabel(completed.target),
        });
      }
    },

    async recordExportFailure(input: {
      jobId: number;
      personId: string;
      failureType: string;
      message: string;
    }) {
      const failed = await markExportFailed(db, input);
      if (failed) exportsTotal.inc({ outcome: 'failed', target: exportTargetLabel(failed.target) });
      await recordAudit(db, {
        actor: 'autopilot',
        action: 'export.failed',
        jobId: input.jobId,
        personId: input.personId,
        details: { failureType: input.failureType, message: input.message },
      });
    },
  };
}

async function readPresence(harvest: HarvestClient, jobId: number, candidateId: number) {
  const applications = await greenhouseCall(() =>
    collect(harvest.listApplications({ candidate_ids: [candidateId] })),
  );
  return presenceFromApplications(jobId, candidateId, applications);
}

/** The metric's target label: a closed set, whatever the ledger's JSON holds. */
function exportTargetLabel(target: unknown): 'candidate' | 'prospect' {
  return (target as { kind?: unknown } | null)?.kind === 'prospect' ? 'prospect' : 'candidate';
}

function matchNoteBody(
  score: number | null,
  explanation: unknown,
  by: { requestedBy: string; approved: boolean },
): string {
  const how =
    by.requestedBy === 'autopilot'
      ? 'autopilot rule'
      : by.approved
        ? `approved by ${by.requestedBy}`
        : `exported by hand by ${by.requestedBy}`;
  const lines = [`Exported by Pilothouse (${how}).`];
  if (score !== null) lines.push(`Match score: ${score}/100.`);
  const requirements = (
    explanation as { requirements?: { label: string; status: string; evidence: string | null }[] } | undefined
  )?.requirements;
  for (const requirement of requirements ?? []) {
    const mark = requirement.status === 'met' ? '✓' : requirement.status === 'partly' ? '~' : '✗';
    lines.push(`${mark} ${requirement.label}${requirement.evidence ? ` — “${requirement.evidence}”` : ''}`);
  }
  return lines.join('\n');
}

/** Greenhouse refused the request outright (the candidate it names is gone, say): nothing was done. */
function isRefusal(error: unknown): boolean {
  return error instanceof GreenhouseError && (error.status === 404 || error.status === 422);
}
