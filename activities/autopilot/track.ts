import { collect } from '../../greenhouse/client';
import { listApplicationsChangedBetween } from '../../greenhouse/application-window';
import { moveApplicationFromStage } from '../../greenhouse/stage-move';
import {
  evaluate,
  ruleEventForStatus,
  type Decision,
  type FlowEvent,
  type GreenhouseStatus,
} from '../../rules';
import type { StageEvent } from '../../temporal/autopilot-api';
import { requireHarvest, type ActivityDeps } from '../deps';
import { greenhouseCall } from '../greenhouse-call';
import { eraseGreenhouseCandidate, mergeGreenhouseCandidates } from '../../db/queries/erasure';
import { recordAudit } from '../../db/queries/audit';
import { candidateIdOfPerson, greenhouseCandidatesOnJob, personIdOfCandidate } from '../../db/queries/people';
import { personFactsRow } from '../../db/queries/person-facts';
import { personFacts } from '../../rules/person-facts';
import { loadRulePlans, loadStageMapping } from './rule-plans';
import { withPersonalDetails } from './personal-details';
import type { RuleActionRequest } from './select';
import type { DecisionStep } from '../../workflows/decision-steps';
import { recordEvaluation } from './decision-record';
import { convertInGreenhouse, transferInGreenhouse, unrejectInGreenhouse } from './application-changes';
import { moveWatermark, readWatermark } from '../../db/queries/watermarks';
import {
  greenhouseStandingOf,
  presenceFromApplications,
  recordGreenhousePresence,
  sameStanding,
  standingOf,
} from '../../db/queries/greenhouse-presence';
import type { GreenhousePresence, GreenhouseStanding } from '../../db/tables/people';

/**
 * Where a Greenhouse change leaves the person: the stage and status the event names (a webhook that does
 * not name the stage: where Greenhouse has the application now). Not simply Greenhouse's latest: of two
 * moves queued one after the other, the first must not read as the second.
 */
function standingAfter(event: StageEvent, presence: GreenhousePresence): GreenhouseStanding | null {
  const now = standingOf(presence);
  const status: GreenhouseStatus | 'converted' | null =
    event.status ??
    (event.kind === 'stage_changed' || event.kind === 'unrejected'
      ? 'in_process'
      : event.kind === 'rejected' || event.kind === 'hired'
        ? event.kind
        : (now?.status ?? null));
  if (event.kind === 'application_deleted') return now;
  return { stageId: event.toStageId ?? now?.stageId ?? null, status };
}

/** True when both times are known and the first is earlier. */
function changedBefore(changedAt: string | undefined, than: string | null | undefined): boolean {
  if (!changedAt || !than) return false;
  return new Date(changedAt).getTime() < new Date(than).getTime();
}

export function trackActivities(deps: ActivityDeps) {
  const { db } = deps;

  return {
    /**
     * Applications of this job changed in Greenhouse since the last window, as stage events — the safety
     * net under webhooks. The watermark moves only after the whole closed window was read.
     */
    async reconcileJob(input: { jobId: number }): Promise<StageEvent[]> {
      const harvest = await requireHarvest(deps)();
      const scope = `job:${input.jobId}:reconcile`;
      const from = await readWatermark(db, scope, new Date(Date.now() - 24 * 3600_000));
      const to = new Date();
      // Compared with where Pilothouse last acted on them, not with the shown record: the source step
      // refreshes that for everyone it reads, before this step runs.
      const known = await greenhouseCandidatesOnJob(db, input.jobId);
      const seen = new Map(known.map((row) => [row.candidateId, row.standing]));
      const events: StageEvent[] = [];
      await greenhouseCall(async () => {
        for await (const application of listApplicationsChangedBetween(harvest, {
          from,
          to,
          jobIds: [input.jobId],
        })) {
          if (!seen.has(application.candidate_id) || application.job_id !== input.jobId) continue;
          const before = seen.get(application.candidate_id) ?? null;
          const beforeStage = before?.stageId ?? null;
          const now = { stageId: application.job_interview_stage_id ?? null, status: application.status };
          if (sameStanding(before, now)) continue;
          events.push({
            eventId: `reconcile:${application.id}:${application.updated_at ?? to.toISOString()}`,
            kind:
              application.status === 'rejected'
                ? 'rejected'
                : application.status === 'hired'
                  ? 'hired'
                  : 'stage_changed',
            jobId: input.jobId,
            candidateId: application.candidate_id,
            applicationId: application.id,
            fromStageId: beforeStage,
            toStageId: application.job_interview_stage_id,
            toStageName: application.stage_name,
            status: application.status,
            occurredAt: application.updated_at ?? to.toISOString(),
            ...(application.last_activity_at ? { changedAt: application.last_activity_at } : {}),
          });
        }
      });
      await moveWatermark(db, scope, to);
      return events;
    },

    /**
     * Merges a Greenhouse change into the person's record and evaluates the stage-triggered rules. Erasures
     * in Greenhouse (delete, anonymize) erase the person here too; a merge re-points them.
     */
    async applyStageEvent(input: {
      jobId: number;
      event: StageEvent;
      approvalTimeoutScale?: number;
    }): Promise<{ actions: RuleActionRequest[]; steps?: DecisionStep[] }> {
      const { event } = input;
      if (event.kind === 'candidate_deleted' || event.kind === 'candidate_anonymized') {
        const erased = await eraseGreenhouseCandidate(db, event.candidateId);
        await recordAudit(db, {
          actor: 'greenhouse-webhook',
          action:
            event.kind === 'candidate_deleted'
              ? 'person.erased.deleted_in_greenhouse'
              : 'person.erased.anonymized_in_greenhouse',
          jobId: input.jobId,
          details: { candidateId: event.candidateId, ...erased },
        });
        return { actions: [] };
      }
      if (event.kind === 'candidate_merged') {
        if (event.mergedIntoCandidateId && event.mergedIntoCandidateId !== event.candidateId) {
          const merged = await mergeGreenhouseCandidates(db, event.candidateId, event.mergedIntoCandidateId);
          await recordAudit(db, {
            actor: 'greenhouse-webhook',
            action: 'person.merged_in_greenhouse',
            jobId: input.jobId,
            details: { candidateId: event.candidateId, into: event.mergedIntoCandidateId, ...merged },
          });
        }
        return { actions: [] };
      }

      const personId = await personIdOfCandidate(db, event.candidateId);
      if (personId === null) return { actions: [] };
      const harvest = await requireHarvest(deps)();
      const applications = await greenhouseCall(() =>
        collect(harvest.listApplications({ candidate_ids: [event.candidateId] })),
      );
      const presence =
        event.kind === 'application_deleted'
          ? presenceFromApplications(
              input.jobId,
              event.candidateId,
              applications.filter((a) => a.id !== event.applicationId),
            )
          : presenceFromApplications(input.jobId, event.candidateId, applications);
      const before = await greenhouseStandingOf(db, input.jobId, personId);
      const told = standingAfter(event, presence);
      const standing = told && { ...told, changedAt: event.changedAt ?? null };
      // A change older than the one Pilothouse last acted on (its webhook came late): its flows still run —
      // the person went through it — but where they stand stays the newer change, or the next re-read of
      // Greenhouse would take the newer change for news and run its flows a second time.
      const older = changedBefore(event.changedAt, before?.changedAt);
      await recordGreenhousePresence(db, {
        jobId: input.jobId,
        personId,
        presence,
        standing: { actedOn: older ? before : standing },
        ...(older ? {} : { lastActivityAt: event.occurredAt }),
      });
      // The same change told twice (its webhook, and the cycle's re-read of Greenhouse) sets flows off once.
      if (event.kind !== 'application_deleted' && sameStanding(before, standing)) return { actions: [] };

      // What a rejection or hire means is the job's status mapping's to say (the stage mapping screen).
      const flowEvent: FlowEvent | null =
        event.kind === 'stage_changed' || event.kind === 'rejected' || event.kind === 'hired'
          ? ruleEventForStatus(await loadStageMapping(db, input.jobId), {
              kind: event.kind,
              status: standing!.status ?? 'in_process',
              // Webhooks do not say where the application came from; Pilothouse knows where it stood — unless
              // this change is older than that standing.
              fromStageId: event.fromStageId ?? (older ? null : (before?.stageId ?? null)),
              toStageId: event.toStageId ?? null,
            })
          : null;
      if (!flowEvent) return { actions: [] };
      const row = await personFactsRow(db, input.jobId, personId);
      if (!row) return { actions: [] };
      const actions: RuleActionRequest[] = [];
      const steps: DecisionStep[] = [];
      for (const loaded of await loadRulePlans(db, input.jobId)) {
        const evaluation = evaluate(loaded.plan, flowEvent, personFacts(row, new Date().toISOString()));
        if (evaluation.decisions.length === 0) continue;
        steps.push(
          ...(await recordEvaluation(db, {
            jobId: input.jobId,
            personId,
            loaded,
            event: flowEvent,
            evaluation,
            requestedBy: 'autopilot',
            timeoutScale: input.approvalTimeoutScale ?? 1,
            setStage: false,
          })),
        );
        actions.push(...evaluation.decisions.map((decision) => ({ personId, decision })));
      }
      return { actions, steps };
    },

    /**
     * Carries out one rule action in Greenhouse. A move is guarded by the stage the rule saw
     * (`from_stage_id`): if a person moved the application meanwhile, Greenhouse refuses and we do not
     * replay — a move can email the candidate.
     */
    async performRuleAction(input: {
      jobId: number;
      personId: string;
      decision: Decision;
    }): Promise<{ done: boolean; why: string }> {
      const { decision } = input;
      const harvest = await requireHarvest(deps)();
      const audit = (action: string, details: Record<string, unknown>) =>
        recordAudit(db, {
          actor: 'autopilot',
          action,
          jobId: input.jobId,
          personId: input.personId,
          details,
        });
      switch (decision.type) {
        case 'move':
        case 'advance': {
          if (!decision.applicationId) return { done: false, why: 'no application to move' };
          const application = await greenhouseCall(() => harvest.getApplication(decision.applicationId!));
          if (!application) return { done: false, why: 'application not visible' };
          if (decision.fromStageId !== null && application.job_interview_stage_id !== decision.fromStageId) {
            return {
              done: false,
              why: 'the application moved since the rule decided; not replaying the move',
            };
          }
          await greenhouseCall(() =>
            moveApplicationFromStage(
              harvest,
              application,
              decision.type === 'move' ? { toStageId: decision.toStageId } : {},
            ),
          );
          await audit(`greenhouse.application.${decision.type}d`, {
            applicationId: decision.applicationId,
            because: decision.because,
          });
          return { done: true, why: decision.because };
        }
        case 'reject': {
          if (!decision.applicationId) return { done: false, why: 'no application to reject' };
          await greenhouseCall(() =>
            // The rejection email needs a template chosen in Greenhouse; until the rule carries one, none is sent.
            harvest.rejectApplication(decision.applicationId!, {
              rejection_reason_id: decision.rejectionReasonId,
            }),
          );
          await audit('greenhouse.application.rejected', {
            applicationId: decision.applicationId,
            because: decision.because,
          });
          return { done: true, why: decision.because };
        }
        case 'note': {
          const candidateId = await candidateIdOfPerson(db, input.personId);
          if (!candidateId) return { done: false, why: 'person is not in Greenhouse' };
          const body = await withPersonalDetails(db, input.personId, decision.body);
          await greenhouseCall(() =>
            harvest.createNote({
              candidate_id: candidateId,
              body,
              note_type: 'NOTE',
              visibility: decision.visibility,
            }),
          );
          await audit('greenhouse.note.created', { because: decision.because });
          return { done: true, why: decision.because };
        }
        case 'unreject':
        case 'transfer':
        case 'convert': {
          if (!decision.applicationId) return { done: false, why: 'no application to change' };
          const application = await greenhouseCall(() => harvest.getApplication(decision.applicationId!));
          if (!application) return { done: false, why: 'application not visible' };
          const result =
            decision.type === 'unreject'
              ? await unrejectInGreenhouse(harvest, application)
              : decision.type === 'transfer'
                ? await transferInGreenhouse(harvest, input.jobId, application, decision, null)
                : await convertInGreenhouse(harvest, input.jobId, application, decision);
          await audit(`rule.${decision.type}.${result.done ? 'done' : 'moot'}`, {
            applicationId: decision.applicationId,
            outcome: result.outcome,
          });
          return { done: result.done, why: result.done ? decision.because : result.outcome };
        }
        default:
          // Tags, notifications and waits are recorded for ops; the Pilothouse side effects come with the web app.
          await audit(`rule.${decision.type}`, { decision });
          return { done: true, why: decision.because };
      }
    },
  };
}
