import { sql } from 'kysely';
import {
  evaluate,
  greenhouseStageFor,
  type Decision,
  type ExportDecision,
  type FlowEvent,
  type RulePlan,
} from '../../rules';
import type { ExportCandidateInput, ExportTarget, PendingApproval } from '../../workflows/autopilot-api';
import { autopilotWorkflowId } from '../../workflows/autopilot-api';
import type { ActivityDeps } from '../deps';
import { markOutreachProcessed, pendingOutreachEvents } from '../../db/queries/sourcing';
import { RULE_OUTREACH_EVENT } from '../../sourcing/outreach-event';
import { personFacts } from './person-facts';
import { loadRulePlans, loadStageMapping, type LoadedPlan } from './rule-plans';

export type TimedApproval = PendingApproval & { onTimeout: 'approve' | 'reject' | 'escalate' | 'expire' };

/** Rule actions other than export/approval, carried out by `performRuleAction`. */
export interface RuleActionRequest {
  personId: string;
  decision: Decision;
}

export interface SelectionResult {
  exports: ExportCandidateInput[];
  approvals: TimedApproval[];
  actions: RuleActionRequest[];
  ruleVersions: { flowId: string; version: number }[];
}

interface ApprovalMemo {
  flowId: string;
  version: number | null;
  planHash: string;
  resume: { planHash: string; nodeId: string };
  timeoutMs: number;
  onTimeout: TimedApproval['onTimeout'];
  escalateTo: string | null;
}

function exportTarget(decision: ExportDecision): ExportTarget {
  return decision.as === 'candidate'
    ? { kind: 'candidate', stageId: decision.stageId }
    : { kind: 'prospect', poolId: decision.poolId, poolStageId: decision.poolStageId };
}

function approverName(decision: Extract<Decision, { type: 'requestApproval' }>): string {
  return decision.approver.name;
}

export function selectionActivities(deps: ActivityDeps) {
  const { db } = deps;

  async function factsRows(jobId: number, personIds?: string[]) {
    let query = db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .leftJoin('match_score as m', (join) =>
        join
          .onRef('m.job_id', '=', 'jp.job_id')
          .onRef('m.person_id', '=', 'jp.person_id')
          .onRef('m.profile_version', '=', 'jp.profile_version'),
      )
      .select([
        'jp.person_id',
        'p.first_name',
        'p.last_name',
        'p.emails',
        'p.linkedin_url',
        'p.location',
        'jp.source_kind',
        'jp.greenhouse',
        'jp.score',
        'jp.last_activity_at',
        'jp.pipeline_stage',
        'm.explanation',
      ])
      .where('jp.job_id', '=', jobId);
    if (personIds) query = query.where('jp.person_id', 'in', personIds);
    return query.execute();
  }

  /** Carries out what an evaluation decided that the autopilot records itself, and returns the rest. */
  async function applyDecisions(
    jobId: number,
    personId: string,
    loaded: LoadedPlan,
    event: FlowEvent,
    decisions: Decision[],
    trace: unknown,
    requestedBy: string,
    timeoutScale: number,
    result: SelectionResult,
  ) {
    await db
      .insertInto('decision_trace')
      .values({
        job_id: jobId,
        person_id: personId,
        flow_id: loaded.version === null ? null : loaded.flowId,
        rule_version: loaded.version,
        event: JSON.stringify(event),
        decisions: JSON.stringify(decisions),
        trace: JSON.stringify(trace),
      })
      .execute();
    let stage: string | null = decisions.length === 0 ? 'not_selected' : null;
    for (const decision of decisions) {
      if (decision.type === 'export') {
        result.exports.push({ jobId, personId, target: exportTarget(decision), requestedBy });
        stage = 'approved';
      } else if (decision.type === 'requestApproval') {
        const memo: ApprovalMemo = {
          flowId: loaded.flowId,
          version: loaded.version,
          planHash: loaded.plan.hash,
          resume: decision.resume,
          timeoutMs: Math.max(1_000, Math.round(decision.timeoutMs * timeoutScale)),
          onTimeout: decision.onTimeout.then,
          escalateTo: decision.onTimeout.then === 'escalate' ? decision.onTimeout.to.name : null,
        };
        const dueAt = new Date(Date.now() + memo.timeoutMs);
        // One open request per person and job: a second cycle must not ask again.
        await sql`
          insert into approval_request (job_id, person_id, workflow_id, requested_from, due_at, trace)
          values (${jobId}, ${personId}, ${autopilotWorkflowId(jobId)}, ${approverName(decision)}, ${dueAt}, ${JSON.stringify(memo)}::jsonb)
          on conflict (job_id, person_id) where status = 'pending' do nothing`.execute(db);
        stage = 'pending_approval';
      } else if (decision.type === 'stop') {
        stage ??= 'not_selected';
      } else {
        result.actions.push({ personId, decision });
      }
    }
    if (stage) {
      await db
        .updateTable('job_person')
        .set({ pipeline_stage: stage, updated_at: sql`now()` })
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .execute();
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
          jobId,
          row.person_id,
          loaded,
          event,
          evaluation.decisions,
          evaluation.trace,
          'autopilot',
          timeoutScale,
          result,
        );
      }
      processed.push(stored.id);
    }
    await markOutreachProcessed(db, processed);
  }

  async function pendingApprovals(jobId: number): Promise<TimedApproval[]> {
    const rows = await db
      .selectFrom('approval_request as a')
      .innerJoin('job_person as jp', (join) =>
        join.onRef('jp.job_id', '=', 'a.job_id').onRef('jp.person_id', '=', 'a.person_id'),
      )
      .select(['a.id', 'a.person_id', 'a.requested_from', 'a.due_at', 'a.trace', 'jp.score'])
      .where('a.job_id', '=', jobId)
      .where('a.status', '=', 'pending')
      .execute();
    return rows.map((row) => ({
      approvalId: row.id,
      personId: row.person_id,
      requestedFrom: row.requested_from,
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
      score: row.score,
      onTimeout: (row.trace as unknown as ApprovalMemo).onTimeout ?? 'expire',
    }));
  }

  async function planFor(jobId: number, memo: ApprovalMemo): Promise<LoadedPlan> {
    if (memo.version !== null) {
      const row = await db
        .selectFrom('rule_version')
        .select(['plan'])
        .where('flow_id', '=', memo.flowId)
        .where('version', '=', memo.version)
        .executeTakeFirstOrThrow();
      return { flowId: memo.flowId, version: memo.version, plan: row.plan as RulePlan };
    }
    const plans = await loadRulePlans(db, jobId);
    const same = plans.find((p) => p.plan.hash === memo.planHash) ?? plans[0]!;
    return same;
  }

  /** Marks the request decided (only if still pending) and carries the plan on from the approval step. */
  async function decide(
    jobId: number,
    approvalId: string,
    outcome: 'approved' | 'rejected',
    decidedBy: string | null,
    reason: string | null,
    status: 'approved' | 'rejected' | 'expired',
  ): Promise<SelectionResult> {
    const result: SelectionResult = { exports: [], approvals: [], actions: [], ruleVersions: [] };
    const row = await db
      .updateTable('approval_request')
      .set({ status, decided_by: decidedBy ?? 'timeout', decided_at: sql`now()`, reason })
      .where('id', '=', approvalId)
      .where('status', '=', 'pending')
      .returning(['person_id', 'trace'])
      .executeTakeFirst();
    if (!row) return result;
    const memo = row.trace as unknown as ApprovalMemo;
    const loaded = await planFor(jobId, memo);
    const [factsRow] = await factsRows(jobId, [row.person_id]);
    if (!factsRow) return result;
    const event: FlowEvent = {
      type: 'approvalDecided',
      outcome,
      decidedBy: decidedBy ? { userId: null, name: decidedBy } : null,
      ...(reason ? { reason } : {}),
      ...(loaded.plan.hash === memo.resume.planHash ? { resume: memo.resume } : {}),
    };
    const evaluation = evaluate(loaded.plan, event, personFacts(factsRow, new Date().toISOString()));
    await applyDecisions(
      jobId,
      row.person_id,
      loaded,
      event,
      evaluation.decisions,
      evaluation.trace,
      decidedBy ?? 'autopilot',
      1,
      result,
    );
    if (outcome === 'rejected') {
      await db
        .updateTable('job_person')
        .set({
          pipeline_stage: status === 'expired' ? 'approval_expired' : 'rejected',
          updated_at: sql`now()`,
        })
        .where('job_id', '=', jobId)
        .where('person_id', '=', row.person_id)
        .execute();
    }
    return result;
  }

  return {
    /** Evaluates the published rules for every newly matched person of the job. */
    async selectPeople(input: { jobId: number; approvalTimeoutScale?: number }): Promise<SelectionResult> {
      const result: SelectionResult = { exports: [], approvals: [], actions: [], ruleVersions: [] };
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
          await db
            .updateTable('job_person')
            .set({ pipeline_stage: 'decided_in_greenhouse', updated_at: sql`now()` })
            .where('job_id', '=', input.jobId)
            .where('person_id', '=', row.person_id)
            .execute();
          continue;
        }
        const event: FlowEvent = { type: 'personMatched', score: row.score ?? 0 };
        const facts = personFacts(row, now);
        for (const loaded of plans) {
          const evaluation = evaluate(loaded.plan, event, facts);
          await applyDecisions(
            input.jobId,
            row.person_id,
            loaded,
            event,
            evaluation.decisions,
            evaluation.trace,
            'autopilot',
            input.approvalTimeoutScale ?? 1,
            result,
          );
        }
      }
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
    }): Promise<{ exports: ExportCandidateInput[] }> {
      const result = await decide(
        input.jobId,
        input.approvalId,
        input.outcome,
        input.decidedBy,
        input.reason,
        input.outcome,
      );
      await db
        .insertInto('audit_event')
        .values({
          actor: input.decidedBy,
          action: `approval.${input.outcome}`,
          job_id: input.jobId,
          person_id: input.personId,
          details: { approvalId: input.approvalId, reason: input.reason },
        })
        .execute();
      return { exports: result.exports };
    },

    /** The request's deadline passed: approve, reject, escalate to someone else, or just expire, as the rule said. */
    async expireApproval(input: {
      jobId: number;
      approvalId: string;
      personId: string;
      onTimeout: TimedApproval['onTimeout'];
    }): Promise<{ exports: ExportCandidateInput[]; escalated: TimedApproval | null }> {
      if (input.onTimeout === 'escalate') {
        const row = await db
          .selectFrom('approval_request')
          .select(['trace', 'status'])
          .where('id', '=', input.approvalId)
          .executeTakeFirst();
        if (!row || row.status !== 'pending') return { exports: [], escalated: null };
        const memo = row.trace as unknown as ApprovalMemo;
        const dueAt = new Date(Date.now() + memo.timeoutMs);
        // Escalated once: if the next person does not decide either, the request expires.
        const next: ApprovalMemo = { ...memo, onTimeout: 'expire', escalateTo: null };
        await db
          .updateTable('approval_request')
          .set({ requested_from: memo.escalateTo, due_at: dueAt, trace: JSON.stringify(next) })
          .where('id', '=', input.approvalId)
          .execute();
        const [pending] = (await pendingApprovals(input.jobId)).filter(
          (a) => a.approvalId === input.approvalId,
        );
        return { exports: [], escalated: pending ?? null };
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
      return { exports: result.exports, escalated: null };
    },

    /** A recruiter pressed "Export to Greenhouse": export at the job's mapped `exported` stage. */
    async prepareManualExport(input: {
      jobId: number;
      personId: string;
      requestedBy: string;
    }): Promise<ExportCandidateInput> {
      const found = await db
        .selectFrom('job_person')
        .select('person_id')
        .where('job_id', '=', input.jobId)
        .where('person_id', '=', input.personId)
        .executeTakeFirst();
      if (!found) throw new Error(`Person ${input.personId} is not in job ${input.jobId}'s pipeline`);
      await db
        .updateTable('job_person')
        .set({ pipeline_stage: 'approved', updated_at: sql`now()` })
        .where('job_id', '=', input.jobId)
        .where('person_id', '=', input.personId)
        .execute();
      const stageId = greenhouseStageFor(await loadStageMapping(db, input.jobId), 'exported');
      return {
        jobId: input.jobId,
        personId: input.personId,
        target: { kind: 'candidate', stageId },
        requestedBy: input.requestedBy,
      };
    },
  };
}
