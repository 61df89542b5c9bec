// Turns one evaluation into what the autopilot carries out: the decision trace row (the "why", with the
// plan it was made under), the approval request a "Request approval" decision opens, the person's
// pipeline stage, and one step per decision for the workflow's executor.
import type { Db } from '../../db/database';
import { openApprovalRequest, type PendingApprovalRow } from '../../db/queries/approvals';
import { decisionsOf, recordDecisionTrace } from '../../db/queries/decision-traces';
import { setPipelineStage } from '../../db/queries/pipeline';
import { keepPlan, type LoadedPlan } from '../../db/queries/rule-plans';
import type { ApprovalMemo } from '../../db/tables/approvals';
import type { Decision, Evaluation, ExportDecision, FlowEvent } from '../../rules';
import type { ExportTarget } from '../../temporal/autopilot-api';
import type { DecisionStep, TimedApproval } from '../../workflows/decision-steps';
import { autopilotWorkflowId } from '../../temporal/workflow-ids';

/** A pending request as the workflow tracks it (its deadline, and what the deadline does). */
export function timedApproval(row: PendingApprovalRow): TimedApproval {
  return {
    approvalId: row.id,
    personId: row.person_id,
    requestedFrom: row.requested_from,
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    score: row.score,
    // Requests stored without a memo (the column's default) simply expire.
    onTimeout: row.trace.onTimeout ?? 'expire',
  };
}

export function exportTarget(decision: ExportDecision): ExportTarget {
  return decision.as === 'candidate'
    ? { kind: 'candidate', stageId: decision.stageId }
    : { kind: 'prospect', poolId: decision.poolId, poolStageId: decision.poolStageId };
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
  const traceId = await recordDecisionTrace(db, { jobId, personId, loaded, event: input.event, evaluation });
  const steps: DecisionStep[] = [];
  let stage: string | null = evaluation.decisions.length === 0 ? 'not_selected' : null;
  for (const [index, decision] of evaluation.decisions.entries()) {
    const ref = { traceId, index, personId };
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
  if (stage && personId !== null && input.setStage !== false)
    await setPipelineStage(db, { jobId, personId, stage });
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
  const row = await openApprovalRequest(db, {
    jobId,
    personId,
    workflowId: autopilotWorkflowId(jobId),
    approver: decision.approver,
    dueAt: new Date(Date.now() + memo.timeoutMs),
    memo,
  });
  return timedApproval(row);
}

/** Reads back one decision a step refers to. */
export async function loadDecision(db: Db, traceId: number, index: number) {
  const row = await decisionsOf(db, traceId);
  const decision = row?.decisions[index];
  if (!row || !decision) return null;
  return { ...row, decision };
}
