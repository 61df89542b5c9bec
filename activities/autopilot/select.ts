import type { Db } from '../../db/database';
import {
  approvalDecisionOf,
  approvalMemoOf,
  approvalReasonGivenBy,
  decideApprovalRequest,
  escalateApprovalRequest,
  keepApprovalOutcome,
  pendingApprovalsOf,
} from '../../db/queries/approvals';
import { recordAudit } from '../../db/queries/audit';
import { peopleDecidedUnder } from '../../db/queries/decision-traces';
import { markScoreChangeProcessed, pendingScoreChanges } from '../../db/queries/score-changes';
import { isOnJob, setPipelineStage } from '../../db/queries/pipeline';
import { planDecidedUnder, publishedVersionPlan } from '../../db/queries/rule-plans';
import type { ApprovalMemo } from '../../db/tables/approvals';
import type { GreenhousePresence } from '../../db/tables/people';
import { personFactsOnJob } from '../../db/queries/person-facts';
import { evaluate, greenhouseStageFor, type Decision, type Evaluation, type FlowEvent } from '../../rules';
import type { ExportCandidateInput } from '../../temporal/autopilot-api';
import type { DecisionStep, TimedApproval } from '../../workflows/decision-steps';
import type { ActivityDeps } from '../deps';
import { recordEvaluation, timedApproval } from './decision-record';
import { markOutreachProcessed, pendingOutreachEvents } from '../../db/queries/sourcing';
import { RULE_OUTREACH_EVENT } from '../../sourcing/outreach-event';
import { personFacts } from '../../rules/person-facts';
import { loadRulePlans, loadStageMapping, type LoadedPlan } from './rule-plans';

export type { TimedApproval };

/** Rule actions other than export/approval, as runs started before the executor expect them. */
export interface RuleActionRequest {
  personId: string;
  decision: Decision;
}

export interface SelectionResult {
  /** What the executor carries out, in order. */
  steps: DecisionStep[];
  // The three lists below are what runs started before the executor read (see workflows/job-autopilot.ts).
  exports: ExportCandidateInput[];
  approvals: TimedApproval[];
  actions: RuleActionRequest[];
  ruleVersions: { flowId: string; version: number }[];
}

const emptySelection = (): SelectionResult => ({
  steps: [],
  exports: [],
  approvals: [],
  actions: [],
  ruleVersions: [],
});

export function selectionActivities(deps: ActivityDeps) {
  const { db } = deps;

  const factsRows = (jobId: number, personIds?: string[]) =>
    personFactsOnJob(db, jobId, personIds ?? 'everyone');

  /**
   * An applicant on this job whom the rules took no step for is not "not selected": their application carries
   * on in Greenhouse's own review (the default rules leave every applicant there).
   */
  async function leftToGreenhouse(jobId: number, row: { person_id: string; greenhouse: GreenhousePresence }) {
    if (row.greenhouse.kind !== 'applicant' || !row.greenhouse.onThisJob) return;
    await setPipelineStage(db, {
      jobId,
      personId: row.person_id,
      stage: 'left_to_greenhouse',
      onlyFrom: ['not_selected'],
    });
  }

  /** Records an evaluation (trace, approval request, stage) and adds its steps to the result. */
  async function applyDecisions(
    executor: Db,
    jobId: number,
    personId: string,
    loaded: LoadedPlan,
    event: FlowEvent,
    evaluation: Evaluation,
    requestedBy: string,
    timeoutScale: number,
    result: SelectionResult,
    setStage?: boolean,
  ) {
    const steps = await recordEvaluation(executor, {
      jobId,
      personId,
      loaded,
      event,
      evaluation,
      requestedBy,
      timeoutScale,
      ...(setStage === undefined ? {} : { setStage }),
    });
    result.steps.push(...steps);
    for (const step of steps) {
      if (step.type === 'export') result.exports.push(step.request);
      else if (step.type !== 'requestApproval' && step.type !== 'stop')
        result.actions.push({ personId, decision: evaluation.decisions[step.index]! });
    }
  }

  /**
   * Puts each stored outreach event (added to a sequence, replied, replied interested) through the
   * job's flows once. A person not scored yet keeps their events for the next pass; an event no flow
   * acts on changes nothing about the person (unlike a match, it does not mark them "not selected").
   */
  async function applyOutreachEvents(
    jobId: number,
    timeoutScale: number,
    plans: LoadedPlan[],
    result: SelectionResult,
  ) {
    const events = await pendingOutreachEvents(db, jobId);
    if (!events.length) return;
    const scored = new Map(
      (await factsRows(jobId, [...new Set(events.map((e) => e.person_id))]))
        .filter((row) => row.pipeline_stage !== 'sourced')
        .map((row) => [row.person_id, row]),
    );
    const now = new Date().toISOString();
    const processed: string[] = [];
    for (const stored of events) {
      const row = scored.get(stored.person_id);
      if (!row) continue;
      const event: FlowEvent = { type: 'outreachEvent', event: RULE_OUTREACH_EVENT[stored.kind] };
      for (const loaded of plans) {
        const evaluation = evaluate(loaded.plan, event, personFacts(row, now));
        if (evaluation.decisions.length === 0) continue;
        await applyDecisions(
          db,
          jobId,
          row.person_id,
          loaded,
          event,
          evaluation,
          'autopilot',
          timeoutScale,
          result,
        );
      }
      processed.push(stored.id);
    }
    await markOutreachProcessed(db, processed);
  }

  /**
   * Puts each score change the last scorings recorded through the job's "Match score crossed" flows,
   * once: a flow starts only for a change that crossed its threshold its way (rules/score-crossing), and
   * the change is marked processed in the same transaction as what it decided, so a retried selection
   * neither repeats nor loses it. The person keeps their pipeline stage unless a flow exports them or
   * asks for approval.
   */
  async function applyScoreChanges(
    jobId: number,
    timeoutScale: number,
    plans: LoadedPlan[],
    result: SelectionResult,
  ) {
    const changes = await pendingScoreChanges(db, jobId);
    if (!changes.length) return;
    const listening = plans.filter((p) => p.plan.steps[0].trigger.kind === 'scoreCrossed');
    const rows = listening.length
      ? new Map(
          (await factsRows(jobId, [...new Set(changes.map((c) => c.person_id))])).map((row) => [
            row.person_id,
            row,
          ]),
        )
      : new Map<string, never>();
    const now = new Date().toISOString();
    for (const change of changes) {
      await db.transaction().execute(async (trx) => {
        const row = rows.get(change.person_id);
        const event: FlowEvent = { type: 'scoreCrossed', from: change.from_score, to: change.to_score };
        for (const loaded of row ? listening : []) {
          const evaluation = evaluate(loaded.plan, event, personFacts(row!, now));
          if (evaluation.trace.start === 'none') continue;
          await applyDecisions(
            trx,
            jobId,
            change.person_id,
            loaded,
            event,
            evaluation,
            'autopilot',
            timeoutScale,
            result,
            evaluation.decisions.some((d) => d.type === 'export' || d.type === 'requestApproval'),
          );
        }
        await markScoreChangeProcessed(trx, change.id);
      });
    }
  }

  async function pendingApprovals(jobId: number): Promise<TimedApproval[]> {
    return (await pendingApprovalsOf(db, jobId)).map(timedApproval);
  }

  /**
   * The plan the request was made under. Kept by hash since the executor (a publish, a stage-mapping
   * save or a retrain since then does not change what an approval carries on with); requests from
   * before fall back to their published version, then to the flow's current plan.
   */
  async function planFor(executor: Db, jobId: number, memo: ApprovalMemo): Promise<LoadedPlan | null> {
    const kept = await planDecidedUnder(executor, memo.resume.planHash);
    if (kept) return kept;
    if (memo.version !== null) {
      const published = await publishedVersionPlan(executor, { flowId: memo.flowId, version: memo.version });
      if (published) return published;
    }
    const plans = await loadRulePlans(executor, jobId);
    return plans.find((p) => p.flowId === memo.flowId) ?? null;
  }

  /**
   * Marks the request decided and carries the plan on from the approval step, in one transaction that
   * also keeps the resulting steps on the request: a retry (the activity's answer was lost) finds the
   * request decided and returns the same steps, whose export starts under its own id — never "no
   * pending request, so no export".
   */
  async function decide(
    jobId: number,
    approvalId: string,
    outcome: 'approved' | 'rejected',
    decidedBy: string | null,
    reason: string | null,
    status: 'approved' | 'rejected' | 'expired',
  ): Promise<SelectionResult> {
    return db.transaction().execute(async (trx) => {
      const result = emptySelection();
      const row = await decideApprovalRequest(trx, {
        approvalId,
        status,
        decidedBy: decidedBy ?? 'timeout',
        reason,
      });
      if (!row) {
        const decided = await approvalDecisionOf(trx, approvalId);
        // The same decision again (a retried activity): the same steps. Another decision: nothing.
        if (decided && decided.status === status && decided.decided_by === (decidedBy ?? 'timeout'))
          return { ...result, ...(decided.outcome_steps as Partial<SelectionResult> | null) };
        return result;
      }
      const memo = row.trace;
      const loaded = await planFor(trx, jobId, memo);
      const [factsRow] = await factsRows(jobId, [row.person_id]);
      if (loaded && factsRow) {
        const event: FlowEvent = {
          type: 'approvalDecided',
          outcome,
          decidedBy: decidedBy ? { userId: null, name: decidedBy } : null,
          ...(reason ? { reason } : {}),
          ...(loaded.plan.hash === memo.resume.planHash ? { resume: memo.resume } : {}),
        };
        const evaluation = evaluate(loaded.plan, event, personFacts(factsRow, new Date().toISOString()));
        await applyDecisions(
          trx,
          jobId,
          row.person_id,
          loaded,
          event,
          evaluation,
          decidedBy ?? 'autopilot',
          1,
          result,
        );
      }
      if (outcome === 'rejected') {
        await setPipelineStage(trx, {
          jobId,
          personId: row.person_id,
          stage: status === 'expired' ? 'approval_expired' : 'rejected',
        });
      }
      await keepApprovalOutcome(trx, approvalId, { steps: result.steps, exports: result.exports });
      return result;
    });
  }

  async function prepareManualExport(input: {
    jobId: number;
    personId: string;
    requestedBy: string;
  }): Promise<ExportCandidateInput> {
    if (!(await isOnJob(db, input.jobId, input.personId)))
      throw new Error(`Person ${input.personId} is not in job ${input.jobId}'s pipeline`);
    await setPipelineStage(db, { jobId: input.jobId, personId: input.personId, stage: 'approved' });
    const stageId = greenhouseStageFor(await loadStageMapping(db, input.jobId), 'exported');
    return {
      jobId: input.jobId,
      personId: input.personId,
      target: { kind: 'candidate', stageId },
      requestedBy: input.requestedBy,
    };
  }

  return {
    /** Evaluates the published rules for every newly matched person of the job. */
    async selectPeople(input: { jobId: number; approvalTimeoutScale?: number }): Promise<SelectionResult> {
      const result = emptySelection();
      const plans = await loadRulePlans(db, input.jobId);
      result.ruleVersions = plans.flatMap((p) =>
        p.version === null ? [] : [{ flowId: p.flowId, version: p.version }],
      );
      const now = new Date().toISOString();
      const rows = (await factsRows(input.jobId)).filter((row) => row.pipeline_stage === 'matched');
      for (const row of rows) {
        // A recruiter already rejected or hired this person for this job in Greenhouse: asking again
        // (or exporting) would second-guess them.
        const presence = row.greenhouse;
        if (
          presence.kind !== 'none' &&
          presence.onThisJob &&
          (presence.status === 'rejected' || presence.status === 'hired')
        ) {
          await setPipelineStage(db, {
            jobId: input.jobId,
            personId: row.person_id,
            stage: 'decided_in_greenhouse',
          });
          continue;
        }
        const event: FlowEvent = { type: 'personMatched', score: row.score ?? 0 };
        const facts = personFacts(row, now);
        for (const loaded of plans) {
          const evaluation = evaluate(loaded.plan, event, facts);
          await applyDecisions(
            db,
            input.jobId,
            row.person_id,
            loaded,
            event,
            evaluation,
            'autopilot',
            input.approvalTimeoutScale ?? 1,
            result,
          );
        }
        await leftToGreenhouse(input.jobId, row);
      }
      await applyScoreChanges(input.jobId, input.approvalTimeoutScale ?? 1, plans, result);
      await applyOutreachEvents(input.jobId, input.approvalTimeoutScale ?? 1, plans, result);
      result.approvals = await pendingApprovals(input.jobId);
      return result;
    },

    async resolveApproval(input: {
      jobId: number;
      approvalId: string;
      personId: string;
      outcome: 'approved' | 'rejected';
      decidedBy: string;
      reason: string | null;
    }): Promise<{ exports: ExportCandidateInput[]; steps: DecisionStep[] }> {
      // The web app keeps the reason beside the request (it can name the person, so it stays out of the
      // workflow's history); updates sent before that carry it themselves.
      const reason = input.reason ?? (await approvalReasonGivenBy(db, input.approvalId, input.decidedBy));
      const result = await decide(
        input.jobId,
        input.approvalId,
        input.outcome,
        input.decidedBy,
        reason,
        input.outcome,
      );
      await recordAudit(db, {
        actor: input.decidedBy,
        action: `approval.${input.outcome}`,
        jobId: input.jobId,
        personId: input.personId,
        details: { approvalId: input.approvalId, reason },
      });
      return { exports: result.exports, steps: result.steps };
    },

    /** The request's deadline passed: approve, reject, escalate to someone else, or just expire, as the rule said. */
    async expireApproval(input: {
      jobId: number;
      approvalId: string;
      personId: string;
      onTimeout: TimedApproval['onTimeout'];
    }): Promise<{ exports: ExportCandidateInput[]; escalated: TimedApproval | null; steps: DecisionStep[] }> {
      if (input.onTimeout === 'escalate') {
        const row = await approvalMemoOf(db, input.approvalId);
        if (!row || row.status !== 'pending') return { exports: [], escalated: null, steps: [] };
        const memo = row.trace;
        const dueAt = new Date(Date.now() + memo.timeoutMs);
        // Escalated once: if the next person does not decide either, the request expires.
        const next: ApprovalMemo = {
          ...memo,
          onTimeout: 'expire',
          escalateTo: null,
          escalateToApprover: null,
        };
        await escalateApprovalRequest(db, {
          approvalId: input.approvalId,
          requestedFrom: memo.escalateTo,
          approver: memo.escalateToApprover,
          dueAt,
          memo: next,
        });
        const [pending] = (await pendingApprovals(input.jobId)).filter(
          (a) => a.approvalId === input.approvalId,
        );
        return { exports: [], escalated: pending ?? null, steps: [] };
      }
      const outcome = input.onTimeout === 'approve' ? 'approved' : 'rejected';
      const status = input.onTimeout === 'expire' ? 'expired' : outcome;
      const result = await decide(
        input.jobId,
        input.approvalId,
        outcome,
        null,
        'No decision before the deadline',
        status,
      );
      return { exports: result.exports, escalated: null, steps: result.steps };
    },

    /** A recruiter pressed "Export to Greenhouse": export at the job's mapped `exported` stage. */
    prepareManualExport,

    /**
     * A recruiter pressed "Export to Greenhouse": flows triggered by it decide what happens (and are
     * carried out by the executor); when none decides an export, the person is exported at the job's
     * mapped `exported` stage, as the button promises.
     */
    async manualExportRequested(input: {
      jobId: number;
      personId: string;
      requestedBy: string;
      approvalTimeoutScale?: number;
    }): Promise<{ steps: DecisionStep[]; fallback: ExportCandidateInput | null }> {
      const prepared = await prepareManualExport(input);
      const [row] = await factsRows(input.jobId, [input.personId]);
      const steps: DecisionStep[] = [];
      const event: FlowEvent = {
        type: 'manualExportRequested',
        requestedBy: { userId: null, name: input.requestedBy },
      };
      for (const loaded of await loadRulePlans(db, input.jobId)) {
        if (!row) break;
        const evaluation = evaluate(loaded.plan, event, personFacts(row, new Date().toISOString()));
        if (evaluation.trace.start === 'none') continue;
        steps.push(
          ...(await recordEvaluation(db, {
            jobId: input.jobId,
            personId: input.personId,
            loaded,
            event,
            evaluation,
            requestedBy: input.requestedBy,
            timeoutScale: input.approvalTimeoutScale ?? 1,
            setStage: evaluation.decisions.length > 0,
          })),
        );
      }
      return { steps, fallback: steps.some((step) => step.type === 'export') ? null : prepared };
    },

    /** The job opened or closed: the job's flows with that trigger decide (notify, wait, stop). */
    async evaluateJobEvent(input: {
      jobId: number;
      event: 'jobOpened' | 'jobClosed';
      approvalTimeoutScale?: number;
    }): Promise<DecisionStep[]> {
      const steps: DecisionStep[] = [];
      const event: FlowEvent = { type: input.event };
      for (const loaded of await loadRulePlans(db, input.jobId)) {
        const evaluation = evaluate(loaded.plan, event, { now: new Date().toISOString() });
        if (evaluation.trace.start === 'none') continue;
        steps.push(
          ...(await recordEvaluation(db, {
            jobId: input.jobId,
            personId: null,
            loaded,
            event,
            evaluation,
            requestedBy: 'autopilot',
            timeoutScale: input.approvalTimeoutScale ?? 1,
          })),
        );
      }
      return steps;
    },

    /**
     * Publishing with "also apply to people already handled": the published version is evaluated once
     * for everyone this job's rules already handled (the newly matched are evaluated by the cycle anyway).
     * Once per version: a person with a decision under it is not evaluated again.
     */
    async applyRetroactively(input: {
      jobId: number;
      flowId: string;
      version: number;
      approvalTimeoutScale?: number;
    }): Promise<DecisionStep[]> {
      const loaded = await publishedVersionPlan(db, input);
      if (!loaded) return [];
      const already = await peopleDecidedUnder(db, input);
      const now = new Date().toISOString();
      const rows = (await factsRows(input.jobId)).filter(
        (row) =>
          row.pipeline_stage !== 'sourced' && row.pipeline_stage !== 'matched' && !already.has(row.person_id),
      );
      const steps: DecisionStep[] = [];
      for (const row of rows) {
        const event: FlowEvent = { type: 'personMatched', score: row.score ?? 0 };
        const evaluation = evaluate(loaded.plan, event, personFacts(row, now));
        steps.push(
          ...(await recordEvaluation(db, {
            jobId: input.jobId,
            personId: row.person_id,
            loaded,
            event,
            evaluation,
            requestedBy: 'autopilot',
            timeoutScale: input.approvalTimeoutScale ?? 1,
            // Someone already handled keeps their stage unless the new rules decide something.
            setStage: evaluation.decisions.length > 0,
          })),
        );
        await leftToGreenhouse(input.jobId, row);
      }
      return steps;
    },
  };
}
