// Turns one evaluation into what the autopilot carries out: the decision trace row (the "why", with the
// plan it was made under), the approval request a "Request approval" decision opens, the person's
// pipeline stage, and one step per decision for the workflow's executor.
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type {
  Decision,
  Evaluation,
  ExportDecision,
  FlowEvent,
  ResolvedApprover,
  RulePlan,
} from '../../rules';
import type { ExportTarget } from '../../temporal/autopilot-api';
import type { DecisionStep, TimedApproval } from '../../workflows/decision-steps';
import { autopilotWorkflowId } from '../../temporal/workflow-ids';
import type { LoadedPlan } from './rule-plans';

/** What an approval request remembers: the plan it was asked under, to carry on under that plan. */
export interface ApprovalMemo {
  flowId: string;
  version: number | null;
  planHash: string;
  resume: { planHash: string; nodeId: string };
  timeoutMs: number;
  onTimeout: TimedApproval['onTimeout'];
  /** Shown name of whom an escalation goes to. */
  escalateTo: string | null;
  /** Who an escalation goes to (kept so the escalated request belongs to them). */
  escalateToApprover?: ResolvedApprover | null;
}

export function exportTarget(decision: ExportDecision): ExportTarget {
  return decision.as === 'candidate'
    ? { kind: 'candidate', stageId: decision.stageId }
    : { kind: 'prospect', poolId: decision.poolId, poolStageId: decision.poolStageId };
}

/** Keeps the plan addressable by its hash, so decisions made under it are carried out under it later. */
export async function keepPlan(db: Db, jobId: number, loaded: LoadedPlan): Promise<void> {
  await db
    .insertInto('rule_plan')
    .values({
      hash: loaded.plan.hash,
      job_id: jobId,
      flow_id: loaded.flowId,
      rule_version: loaded.version,
      plan: JSON.stringify(loaded.plan),
    })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

/** The plan a decision was made under: kept by hash; else its published version. */
export async function planByHash(db: Db, hash: string): Promise<LoadedPlan | null> {
  const kept = await db
    .selectFrom('rule_plan')
    .select(['flow_id', 'rule_version', 'plan'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  if (kept) return { flowId: kept.flow_id, version: kept.rule_version, plan: kept.plan as RulePlan };
  const published = await db
    .selectFrom('rule_version')
    .select(['flow_id', 'version', 'plan'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  return published
    ? { flowId: published.flow_id, version: published.version, plan: published.plan as RulePlan }
    : null;
}

export interface RecordInput {
  jobId: number;
  /** Null for job-level flows (job opened/closed). */
  personId: string | null;
  loaded: LoadedPlan;
  event: FlowEvent;
  evaluation: Evaluation;
  /** Credited with exports: the approving or pressing user, or `autopilot`. */
  requestedBy: string;
  timeoutScale: number;
  /** When false, the person's pipeline stage is left as it is (events no flow acted on). */
  setStage?: boolean;
}

/**
 * Writes the trace and what must exist before the workflow acts (the approval request), and returns the
 * steps. Runs inside the caller's transaction when given one, so deciding and recording are one unit.
 */
export async function recordEvaluation(db: Db, input: RecordInput): Promise<DecisionStep[]> {
  const { jobId, personId, loaded, evaluation } = input;
  await keepPlan(db, jobId, loaded);
  const { id: traceId } = await db
    .insertInto('decision_trace')
    .values({
      job_id: jobId,
      person_id: personId,
      flow_id: loaded.version === null ? null : loaded.flowId,
      rule_version: loaded.version,
      plan_hash: loaded.plan.hash,
      event: JSON.stringify(input.event),
      decisions: JSON.stringify(evaluation.decisions),
      trace: JSON.stringify(evaluation.trace),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const steps: DecisionStep[] = [];
  let stage: string | null = evaluation.decisions.length === 0 ? 'not_selected' : null;
  for (const [index, decision] of evaluation.decisions.entries()) {
    const ref = { traceId: Number(traceId), index, personId };
    switch (decision.type) {
      case 'export':
        if (personId === null) break;
        steps.push({
          ...ref,
          type: 'export',
          request: { jobId, personId, target: exportTarget(decision), requestedBy: input.requestedBy },
        });
        stage = 'approved';
        break;
      case 'requestApproval': {
        if (personId === null) break;
        const approval = await openApproval(db, jobId, personId, loaded, decision, input.timeoutScale);
        steps.push({ ...ref, type: 'requestApproval', approval });
        stage = 'pending_approval';
        break;
      }
      case 'wait':
        steps.push({ ...ref, type: 'wait', durationMs: decision.durationMs });
        break;
      case 'stop':
        stage ??= 'not_selected';
        steps.push({ ...ref, type: decision.type });
        break;
      default:
        steps.push({ ...ref, type: decision.type });
    }
  }
  if (stage && personId !== null && input.setStage !== false) {
    await db
      .updateTable('job_person')
      .set({ pipeline_stage: stage, updated_at: sql`now()` })
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .execute();
  }
  return steps;
}

async function openApproval(
  db: Db,
  jobId: number,
  personId: string,
  loaded: LoadedPlan,
  decision: Extract<Decision, { type: 'requestApproval' }>,
  timeoutScale: number,
): Promise<TimedApproval> {
  const memo: ApprovalMemo = {
    flowId: loaded.flowId,
    version: loaded.version,
    planHash: loaded.plan.hash,
    resume: decision.resume,
    timeoutMs: Math.max(1_000, Math.round(decision.timeoutMs * timeoutScale)),
    onTimeout: decision.onTimeout.then,
    escalateTo: decision.onTimeout.then === 'escalate' ? decision.onTimeout.to.name : null,
    escalateToApprover: decision.onTimeout.then === 'escalate' ? decision.onTimeout.to : null,
  };
  const dueAt = new Date(Date.now() + memo.timeoutMs);
  // One open request per person and job: a second cycle must not ask again.
  await sql`
    insert into approval_request (job_id, person_id, workflow_id, requested_from, approver, due_at, trace)
    values (${jobId}, ${personId}, ${autopilotWorkflowId(jobId)}, ${decision.approver.name},
            ${JSON.stringify(decision.approver)}::jsonb, ${dueAt}, ${JSON.stringify(memo)}::jsonb)
    on conflict (job_id, person_id) where status = 'pending' do nothing`.execute(db);
  const row = await db
    .selectFrom('approval_request as a')
    .innerJoin('job_person as jp', (join) =>
      join.onRef('jp.job_id', '=', 'a.job_id').onRef('jp.person_id', '=', 'a.person_id'),
    )
    .select(['a.id', 'a.requested_from', 'a.due_at', 'a.trace', 'jp.score'])
    .where('a.job_id', '=', jobId)
    .where('a.person_id', '=', personId)
    .where('a.status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return {
    approvalId: row.id,
    personId,
    requestedFrom: row.requested_from,
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    score: row.score,
    onTimeout: (row.trace as unknown as ApprovalMemo).onTimeout ?? 'expire',
  };
}

/** Reads back one decision a step refers to. */
export async function loadDecision(db: Db, traceId: number, index: number) {
  const row = await db
    .selectFrom('decision_trace')
    .select(['job_id', 'person_id', 'decisions', 'plan_hash'])
    .where('id', '=', traceId)
    .executeTakeFirst();
  const decisions = row ? (row.decisions as Decision[]) : [];
  const decision = decisions[index];
  if (!row || !decision) return null;
  return { jobId: Number(row.job_id), personId: row.person_id, planHash: row.plan_hash, decision, decisions };
}
