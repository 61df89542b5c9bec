// The activities behind the executor (workflows/carry-out-decisions.ts): each takes a reference to one
// decision (trace row + index), reads the decision from the database and carries it out. Inputs and
// results hold ids only — note texts and messages never enter workflow history.
import { presenceFromApplications, recordGreenhousePresence, standingOf } from '../../db/queries/greenhouse-presence';
import { ApplicationFailure } from '@temporalio/common';
import { approvalToNotify } from '../../db/queries/approvals';
import { applicationOnJob, candidateOfPerson, exportStatusOf } from '../../db/queries/exports';
import { firstStageId, jobNameOf } from '../../db/queries/jobs';
import { addNotification } from '../../db/queries/notifications';
import { tagOnJob } from '../../db/queries/pipeline';
import { finishRuleActionRetry, recordRuleActionFailure } from '../../db/queries/rule-action-failures';
import { planDecidedUnder } from '../../db/queries/rule-plans';
import { collect, type HarvestClient } from '../../greenhouse/client';
import { moveApplicationFromStage } from '../../greenhouse/stage-move';
import { recordAudit } from '../../db/queries/audit';
import { personFactsRow } from '../../db/queries/person-facts';
import type { Application } from '../../greenhouse/schemas/applications';
import { evaluate, type Decision, type FlowEvent } from '../../rules';
import type { DecisionStep } from '../../workflows/decision-steps';
import { requireHarvest, type ActivityDeps } from '../deps';
import { greenhouseCall } from '../greenhouse-call';
import { postSignedWebhook } from '../notify/signed-webhook';
import { loadDecision, recordEvaluation } from './decision-record';
import { personFacts } from '../../rules/person-facts';
import { withPersonalDetails } from './personal-details';
import {
  applicationsOf,
  candidateApplicationOn,
  convertInGreenhouse,
  transferInGreenhouse,
  unrejectInGreenhouse,
} from './application-changes';

export interface DecisionInput {
  jobId: number;
  traceId: number;
  index: number;
}

/** What carrying out one decision came to; `done: false` means Greenhouse's state made it moot (not a failure). */
export interface CarriedOut {
  done: boolean;
  outcome: string;
}

const GREENHOUSE_KINDS = [
  'move',
  'advance',
  'reject',
  'unreject',
  'transfer',
  'convert',
  'note',
  'tag',
] as const;

export function carryOutActivities(deps: ActivityDeps) {
  const { db } = deps;

  async function mustLoad(input: DecisionInput) {
    const loaded = await loadDecision(db, input.traceId, input.index);
    if (!loaded || loaded.jobId !== input.jobId)
      throw ApplicationFailure.nonRetryable(
        'The rule decision to carry out no longer exists',
        'DecisionNotFound',
      );
    return loaded;
  }

  async function audit(
    jobId: number,
    personId: string | null,
    action: string,
    details: Record<string, unknown>,
  ) {
    await recordAudit(db, { actor: 'autopilot', action, jobId, personId, details });
  }

  /** The application the decision acts on: the one it saw, else the one on this job now (an export just made it). */
  /**
   * A step after an export in the same flow acts on what the export creates: until the export child
   * workflow has finished, the step is retried (the export may not even have claimed its ledger row yet).
   */
  async function awaitExport(jobId: number, personId: string): Promise<void> {
    const status = await exportStatusOf(db, jobId, personId);
    if (status === 'exported') return;
    if (status === 'failed')
      throw ApplicationFailure.nonRetryable(
        'The export this step follows failed (see Failed exports)',
        'ExportFailed',
      );
    throw ApplicationFailure.retryable(
      'The export this step follows has not finished yet',
      'ExportNotFinished',
    );
  }

  async function applicationFor(
    harvest: HarvestClient,
    jobId: number,
    personId: string,
    decided: number | null,
  ): Promise<Application> {
    let applicationId = decided;
    if (applicationId === null) {
      const row = await applicationOnJob(db, jobId, personId);
      const presence = row?.greenhouse;
      applicationId =
        row?.greenhouse_application_id ??
        (presence && presence.kind !== 'none' && presence.onThisJob
          ? (presence.applicationId ?? null)
          : null);
      if (applicationId === null && row?.export_status === 'running')
        throw ApplicationFailure.retryable(
          'The export this step follows has not finished yet',
          'ExportNotFinished',
        );
      if (applicationId === null)
        throw ApplicationFailure.nonRetryable(
          'The person has no application on this job in Greenhouse',
          'NoApplication',
        );
    }
    const application = await greenhouseCall(() => harvest.getApplication(applicationId));
    if (!application)
      throw ApplicationFailure.nonRetryable(
        'The application is not visible in Greenhouse',
        'ApplicationNotFound',
      );
    if (application.status === 'converted' && decided === null) {
      // The prospect was made a candidate (a step before this one): act on the candidate application.
      const converted = candidateApplicationOn(
        jobId,
        await applicationsOf(harvest, application.candidate_id),
      );
      if (converted) return converted;
    }
    return application;
  }

  /** After a step changed where the application stands, the person's record here says so at once. */
  async function refreshPresence(
    harvest: HarvestClient,
    jobId: number,
    personId: string,
    candidateId: number,
  ) {
    const presence = presenceFromApplications(jobId, candidateId, await applicationsOf(harvest, candidateId));
    // Pilothouse's own change: its webhook, or the cycle's re-read, sets no "Stage changed" flow off again.
    await recordGreenhousePresence(db, {
      jobId,
      personId,
      presence,
      standing: { actedOn: standingOf(presence) },
    });
  }

  async function candidateIdOf(jobId: number, personId: string): Promise<number> {
    const person = await candidateOfPerson(db, jobId, personId);
    if (person?.exported_as) return person.exported_as;
    if (!person?.greenhouse_candidate_id && person?.export_status === 'running')
      throw ApplicationFailure.retryable(
        'The export this step follows has not finished yet',
        'ExportNotFinished',
      );
    if (!person?.greenhouse_candidate_id)
      throw ApplicationFailure.nonRetryable('The person is not in Greenhouse yet', 'NotInGreenhouse');
    return person.greenhouse_candidate_id;
  }

  async function tagInGreenhouse(
    harvest: HarvestClient,
    candidateId: number,
    name: string,
  ): Promise<CarriedOut> {
    const findTag = async () =>
      (await greenhouseCall(() => collect(harvest.listCandidateTags({ per_page: 500 })))).find(
        (t) => t.name === name,
      );
    let tag = await findTag();
    if (!tag) {
      try {
        tag = await greenhouseCall(() => harvest.createCandidateTag({ name }));
      } catch (error) {
        // Created meanwhile by someone else (names are unique): use theirs.
        tag = await findTag();
        if (!tag) throw error;
      }
    }
    const tagId = tag.id;
    const applied = await greenhouseCall(() =>
      collect(harvest.listAppliedCandidateTags({ candidate_ids: [candidateId], candidate_tag_ids: [tagId] })),
    );
    if (applied.some((a) => a.candidate_id === candidateId && a.candidate_tag_id === tagId))
      return { done: true, outcome: 'already_tagged' };
    await greenhouseCall(() =>
      harvest.applyCandidateTag({ candidate_id: candidateId, candidate_tag_id: tagId }),
    );
    return { done: true, outcome: 'tagged' };
  }

  async function greenhouseAction(
    jobId: number,
    personId: string,
    decision: Extract<Decision, { type: (typeof GREENHOUSE_KINDS)[number] }>,
    followsExport: boolean,
  ): Promise<CarriedOut> {
    if (followsExport && !(decision.type === 'tag' && decision.where === 'pilothouse'))
      await awaitExport(jobId, personId);
    if (decision.type === 'tag' && decision.where === 'pilothouse') {
      await tagOnJob(db, { jobId, personId, tag: decision.tag });
      return { done: true, outcome: 'tagged_in_pilothouse' };
    }
    const harvest = await requireHarvest(deps)();
    switch (decision.type) {
      case 'move':
      case 'advance': {
        const application = await applicationFor(harvest, jobId, personId, decision.applicationId);
        if (decision.type === 'move' && application.job_interview_stage_id === decision.toStageId)
          return { done: true, outcome: 'already_in_stage' };
        // Guarded by the stage the rule saw: if a person moved it since, the move is not replayed (it can email).
        if (decision.fromStageId !== null && application.job_interview_stage_id !== decision.fromStageId)
          return { done: false, outcome: 'moved_since_decided' };
        if (application.status !== 'in_process')
          return { done: false, outcome: `application_${application.status}` };
        await greenhouseCall(() =>
          moveApplicationFromStage(
            harvest,
            application,
            decision.type === 'move' ? { toStageId: decision.toStageId } : {},
          ),
        );
        return { done: true, outcome: decision.type === 'move' ? 'moved' : 'advanced' };
      }
      case 'reject': {
        const application = await applicationFor(harvest, jobId, personId, decision.applicationId);
        if (application.status === 'rejected') return { done: true, outcome: 'already_rejected' };
        await greenhouseCall(() =>
          harvest.rejectApplication(application.id, {
            rejection_reason_id: decision.rejectionReasonId,
            // Greenhouse sends the reason's default rejection email template when asked to.
            ...(decision.sendEmail ? { rejection_email: { send_email_at: new Date().toISOString() } } : {}),
          }),
        );
        return { done: true, outcome: decision.sendEmail ? 'rejected_with_email' : 'rejected' };
      }
      case 'unreject':
      case 'transfer':
      case 'convert': {
        const application = await applicationFor(harvest, jobId, personId, decision.applicationId);
        const result =
          decision.type === 'unreject'
            ? await unrejectInGreenhouse(harvest, application)
            : decision.type === 'transfer'
              ? await transferInGreenhouse(
                  harvest,
                  jobId,
                  application,
                  decision,
                  await firstStageId(db, decision.toJobId),
                )
              : await convertInGreenhouse(harvest, jobId, application, decision);
        if (result.done) await refreshPresence(harvest, jobId, personId, application.candidate_id);
        return result;
      }
      case 'note': {
        const candidateId = await candidateIdOf(jobId, personId);
        const body = await withPersonalDetails(db, personId, decision.body);
        // A retry after Greenhouse stored the note but the answer was lost must not add it twice.
        const notes = await greenhouseCall(() =>
          collect(harvest.listNotes({ candidate_ids: [candidateId] })),
        );
        if (notes.some((note) => note.body === body)) return { done: true, outcome: 'note_exists' };
        await greenhouseCall(() =>
          harvest.createNote({
            candidate_id: candidateId,
            body,
            note_type: 'NOTE',
            visibility: decision.visibility,
          }),
        );
        return { done: true, outcome: 'noted' };
      }
      case 'tag':
        return tagInGreenhouse(harvest, await candidateIdOf(jobId, personId), decision.tag);
    }
  }

  function webhookSecret(): string {
    const secret = deps.notifications?.webhookSecret;
    if (!secret)
      throw ApplicationFailure.nonRetryable(
        'Outgoing notification webhooks need NOTIFY_WEBHOOK_SECRET to sign them; set it and retry',
        'NotifyWebhookNotConfigured',
      );
    return secret;
  }

  return {
    /**
     * Move, advance, reject, unreject, transfer, make candidate, note or tag, in Greenhouse (on the Harvest
     * queue) or, for a Pilothouse tag, here.
     */
    async carryOutDecision(input: DecisionInput): Promise<CarriedOut> {
      const { decision, personId, decisions } = await mustLoad(input);
      if (!(GREENHOUSE_KINDS as readonly string[]).includes(decision.type))
        throw ApplicationFailure.nonRetryable(
          `A "${decision.type}" step is not a Greenhouse action`,
          'NotAGreenhouseAction',
        );
      if (personId === null)
        throw ApplicationFailure.nonRetryable(
          'This step needs a person, and the flow is about the job',
          'NoPerson',
        );
      const result = await greenhouseAction(
        input.jobId,
        personId,
        decision as Extract<Decision, { type: (typeof GREENHOUSE_KINDS)[number] }>,
        decisions.slice(0, input.index).some((earlier) => earlier.type === 'export'),
      );
      await audit(input.jobId, personId, `rule.${decision.type}.${result.done ? 'done' : 'moot'}`, {
        traceId: input.traceId,
        index: input.index,
        outcome: result.outcome,
      });
      return result;
    },

    /** A rule's "Notify": an in-app notification, and for a webhook target a signed POST (Slack-compatible). */
    async notifyDecision(input: DecisionInput): Promise<CarriedOut> {
      const { decision, personId } = await mustLoad(input);
      if (decision.type !== 'notify')
        throw ApplicationFailure.nonRetryable(
          `A "${decision.type}" step is not a notification`,
          'NotANotification',
        );
      const jobName = await jobNameOf(db, input.jobId);
      const link = personId ? `/jobs/${input.jobId}/people/${personId}` : `/jobs/${input.jobId}`;
      const message = await withPersonalDetails(db, personId, decision.message);
      await addNotification(db, {
        jobId: input.jobId,
        personId,
        approver: decision.target.type === 'inApp' ? decision.target.to : null,
        kind: 'rule',
        message,
        link,
        dedupeKey: `decision:${input.traceId}:${input.index}`,
      });
      if (decision.target.type === 'webhook') {
        await postSignedWebhook({
          url: decision.target.url,
          secret: webhookSecret(),
          deliveryId: `decision-${input.traceId}-${input.index}`,
          payload: {
            text: message,
            event: 'rule.notify',
            job: { id: input.jobId, name: jobName },
            person_id: personId,
            link,
          },
        });
      }
      await audit(input.jobId, personId, 'rule.notify.done', {
        traceId: input.traceId,
        index: input.index,
        target: decision.target.type,
      });
      return { done: true, outcome: decision.target.type === 'webhook' ? 'posted' : 'in_app' };
    },

    /** Tells the approver a request is waiting for them (or was escalated to them): in-app, and the approvals webhook if set. */
    async notifyApprover(input: {
      jobId: number;
      approvalId: string;
      kind: 'requested' | 'escalated';
    }): Promise<CarriedOut> {
      const row = await approvalToNotify(db, input.approvalId);
      if (!row || row.status !== 'pending') return { done: false, outcome: 'no_longer_pending' };
      const approver = row.approver;
      const message =
        input.kind === 'requested'
          ? `An approval for ${row.job_name} is waiting for ${row.requested_from ?? 'a recruiter'}`
          : `An approval for ${row.job_name} was escalated to ${row.requested_from ?? 'a recruiter'}: nobody decided in time`;
      const dedupeKey = `approval:${input.approvalId}:${input.kind}`;
      await addNotification(db, {
        jobId: input.jobId,
        personId: row.person_id,
        approver,
        kind: `approval.${input.kind}`,
        message,
        link: '/approvals',
        dedupeKey,
      });
      const url = deps.notifications?.approvalWebhookUrl;
      if (url) {
        await postSignedWebhook({
          url,
          secret: webhookSecret(),
          deliveryId: dedupeKey.replaceAll(':', '-'),
          payload: {
            text: message,
            event: `approval.${input.kind}`,
            job: { id: input.jobId, name: row.job_name },
            approval_id: input.approvalId,
            approver: approver ? { kind: approver.kind, name: approver.name } : null,
            link: '/approvals',
          },
        });
      }
      return { done: true, outcome: url ? 'in_app_and_webhook' : 'in_app' };
    },

    /** A wait ended: the plan it was decided under carries on after the wait step. */
    async resumeWait(input: DecisionInput & { approvalTimeoutScale?: number }): Promise<DecisionStep[]> {
      const { decision, personId, planHash } = await mustLoad(input);
      if (decision.type !== 'wait') return [];
      const loaded = planHash ? await planDecidedUnder(db, planHash) : null;
      if (!loaded)
        throw ApplicationFailure.nonRetryable(
          'The rules this wait belongs to are no longer stored',
          'PlanNotFound',
        );
      const now = new Date().toISOString();
      let facts: Parameters<typeof evaluate>[2] = { now };
      if (personId !== null) {
        const row = await personFactsRow(db, input.jobId, personId);
        if (!row) return []; // erased meanwhile
        facts = personFacts(row, now);
      }
      const event: FlowEvent = { type: 'waitElapsed', resume: decision.resume };
      const evaluation = evaluate(loaded.plan, event, facts);
      return recordEvaluation(db, {
        jobId: input.jobId,
        personId,
        loaded,
        event,
        evaluation,
        requestedBy: 'autopilot',
        timeoutScale: input.approvalTimeoutScale ?? 1,
        setStage: false,
      });
    },

    /** A rule action failed after its retries: a row Ops lists with Retry, naming the workflow it failed in. */
    async recordRuleActionFailure(
      input: DecisionInput & { workflowId: string; failureType: string; message: string },
    ): Promise<{ failureId: string }> {
      const { decision, personId } = await mustLoad(input);
      const failureId = await recordRuleActionFailure(db, {
        jobId: input.jobId,
        personId,
        traceId: input.traceId,
        index: input.index,
        decisionType: decision.type,
        workflowId: input.workflowId,
        failureType: input.failureType,
        message: input.message,
      });
      return { failureId };
    },

    /** Ops' Retry finished: done, or failed again with a new reason. */
    async finishRuleActionRetry(input: {
      failureId: string;
      outcome: { ok: true } | { ok: false; failureType: string; message: string };
    }): Promise<void> {
      await finishRuleActionRetry(db, input);
    },
  };
}
