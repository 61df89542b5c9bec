// Turns a validated flow into a plan: steps in reading order, references resolved against the job's synced
// Greenhouse data, hashed. The same flow and context always give the same plan and the same hash.
import type { ValidationContext } from './context';
import {
  describeAction,
  describeApprover,
  describeCondition,
  describeTrigger,
  durationToMs,
} from './describe';
import type { RuleFlow, TriggerNode } from './flow-schema';
import { branchOf, indexFlow, readingOrder } from './graph';
import { hashJson } from './hash';
import type { ValidationIssue } from './issues';
import { hasErrors } from './issues';
import type {
  ActionData,
  Approver,
  ConditionExpr,
  ConditionLeaf,
  Duration,
  StageRef,
  TriggerData,
} from './node-types';
import { isConditionGroup, triggerSubject } from './node-types';
import type {
  Activation,
  CompiledAction,
  CompiledCondition,
  CompiledTrigger,
  Comparison,
  PlanStep,
  ResolvedApprover,
  ResolvedStage,
  RulePlan,
} from './plan';
import { PLAN_FORMAT } from './plan';
import { greenhouseStageFor } from './stage-mapping';
import { validateFlow } from './validate';

export type CompileResult =
  { ok: true; plan: RulePlan; warnings: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

/** Compiles a flow, or refuses with every issue when it has errors. Warnings travel along with the plan. */
export function compile(flow: RuleFlow, context: ValidationContext): CompileResult {
  const issues = validateFlow(flow, context);
  if (hasErrors(issues)) return { ok: false, issues };

  const index = indexFlow(flow);
  const triggerNode = flow.nodes.find((n): n is TriggerNode => n.type === 'trigger')!;
  const order = readingOrder(index, triggerNode.id);
  const position = new Map(order.map((id, i) => [id, i]));
  const resolve = resolver(context);

  const steps = order.map((nodeId, i): PlanStep => {
    const node = index.nodes.get(nodeId)!;
    if (node.type === 'trigger') {
      return {
        index: i,
        nodeId,
        kind: 'trigger',
        text: describeTrigger(node.data, context),
        trigger: resolve.trigger(node.data),
      };
    }
    const activatedBy: Activation[] = index.incoming
      .get(nodeId)!
      .map((edge) => ({
        step: position.get(edge.source)!,
        branch: branchOf(index.nodes.get(edge.source)!, edge.sourceHandle)!,
      }))
      .sort((a, b) => a.step - b.step || (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0));
    if (node.type === 'condition') {
      return {
        index: i,
        nodeId,
        kind: 'condition',
        text: describeCondition(node.data.when, context),
        condition: resolve.condition(node.data.when),
        activatedBy,
      };
    }
    return {
      index: i,
      nodeId,
      kind: 'action',
      text: describeAction(node.data, context),
      action: resolve.action(node.data),
      activatedBy,
    };
  });

  const body: Omit<RulePlan, 'hash'> = {
    format: PLAN_FORMAT,
    flowId: flow.id,
    flowName: flow.name,
    jobId: flow.jobId,
    subject: triggerSubject(triggerNode.data.kind),
    steps: steps as RulePlan['steps'],
    stageNames: context.greenhouseStages
      .filter((s) => s.job_id === context.jobId)
      .map((s) => ({ id: s.id, name: s.name }))
      .sort((a, b) => a.id - b.id),
  };
  return { ok: true, plan: { ...body, hash: hashPlan(body) }, warnings: issues };
}

export function hashPlan(plan: Omit<RulePlan, 'hash'> | RulePlan): string {
  const { hash: _ignored, ...body } = plan as RulePlan;
  return hashJson(body);
}

/** True when the plan is exactly what was compiled: nobody edited it on the way into the workflow. */
export function verifyPlanHash(plan: RulePlan): boolean {
  return hashPlan(plan) === plan.hash;
}

/** The step a canvas node compiled to. */
export function planStepFor(plan: RulePlan, nodeId: string): PlanStep | undefined {
  return plan.steps.find((s) => s.nodeId === nodeId);
}

// ------------------------------------------------------------------------------------------- resolution

/** Resolves references in a flow that validation has passed, so every lookup here is known to succeed. */
function resolver(context: ValidationContext) {
  // Validation has already refused anything these would not find; reaching `must` failing is a bug here.
  const must = <T>(value: T | null | undefined, what: string): T => {
    if (value === null || value === undefined)
      throw new Error(`compile: ${what} (validation should have refused this flow)`);
    return value;
  };
  const stage = (ref: StageRef | null): ResolvedStage => {
    const known = must(ref, 'a stage was not chosen');
    const stageId =
      known.kind === 'greenhouse'
        ? known.stageId
        : must(
            greenhouseStageFor(must(context.stageMapping, 'no stage mapping'), known.pipelineStage),
            `"${known.pipelineStage}" is unmapped`,
          );
    return {
      stageId,
      name: must(
        context.greenhouseStages.find((s) => s.id === stageId),
        `stage ${stageId} is missing`,
      ).name,
    };
  };
  const approver = (who: Approver | null): ResolvedApprover => {
    const known = must(who, 'an approver was not chosen');
    const name = describeApprover(known, context);
    return known.kind === 'user'
      ? { kind: 'user', userId: known.userId, name }
      : { kind: 'hiringTeam', role: known.role, name };
  };
  const ms = (duration: Duration) => durationToMs(duration);

  function trigger(data: TriggerData): CompiledTrigger {
    switch (data.kind) {
      case 'approvalDecided':
        return { kind: data.kind, outcome: data.outcome };
      case 'scoreCrossed':
        return { kind: data.kind, threshold: data.threshold, direction: data.direction };
      case 'outreachEvent':
        return { kind: data.kind, events: [...new Set(data.events)].sort() };
      case 'stageChanged':
        return {
          kind: data.kind,
          from: data.from ? stage(data.from) : null,
          to: data.to ? stage(data.to) : null,
        };
      default:
        return { kind: data.kind };
    }
  }

  function leaf(expr: ConditionLeaf): CompiledCondition {
    const negate = expr.op === 'isNot' || expr.op === 'notIn';
    const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [value as T]);
    switch (expr.field) {
      case 'score':
        return { test: 'score', op: expr.op as Comparison, threshold: expr.value as number };
      case 'requirement':
        return {
          test: 'requirement',
          requirement: must(expr.requirement, 'a requirement was not chosen').trim(),
          op: expr.op as 'is' | 'isNot' | 'atLeast',
          level: expr.value as 'met' | 'partly' | 'notMet',
        };
      case 'source':
        return { test: 'source', negate, sources: list<string>(expr.value).map((s) => s.trim()) };
      case 'greenhousePresence':
        return { test: 'greenhousePresence', negate, presences: list(expr.value) };
      case 'hasEmail':
      case 'hasLinkedIn':
        return {
          test: expr.field,
          expected: expr.op === 'isNot' ? expr.value !== true : expr.value === true,
        };
      case 'location':
        return { test: 'location', negate, places: list<string>(expr.value).map((p) => p.trim()) };
      case 'stage':
        return { test: 'stage', negate, stages: list<StageRef>(expr.value).map(stage) };
      case 'timeSinceLastActivity':
        return { test: 'timeSinceLastActivity', op: expr.op as Comparison, ms: ms(expr.value as Duration) };
    }
  }

  function condition(expr: ConditionExpr): CompiledCondition {
    if (!isConditionGroup(expr)) return leaf(expr);
    return { test: expr.combinator === 'and' ? 'all' : 'any', conditions: expr.conditions.map(condition) };
  }

  function action(data: ActionData): CompiledAction {
    switch (data.kind) {
      case 'exportAsCandidate':
        return { type: 'export', as: 'candidate', stage: stage(data.stage) };
      case 'exportAsProspect': {
        const pool =
          data.poolId === null ? undefined : context.prospectPools.find((p) => p.id === data.poolId);
        const poolStage = pool?.stages.find((s) => s.id === data.poolStageId);
        return {
          type: 'export',
          as: 'prospect',
          pool: pool ? { id: pool.id, name: pool.name } : null,
          poolStage: poolStage ? { id: poolStage.id, name: poolStage.name } : null,
        };
      }
      case 'requestApproval':
        return {
          type: 'requestApproval',
          approver: approver(data.approver),
          timeoutMs: ms(data.timeout),
          onTimeout:
            data.onTimeout.then === 'escalate'
              ? { then: 'escalate', to: approver(data.onTimeout.to) }
              : { then: data.onTimeout.then },
        };
      case 'moveToStage':
        return { type: 'move', stage: stage(data.stage) };
      case 'advanceStage':
        return { type: 'advance' };
      case 'transferToJob': {
        const job = must(
          context.otherJobs?.find((j) => j.id === data.jobId),
          `job ${data.jobId} to transfer to is missing`,
        );
        const to = must(
          job.stages.find((s) => s.id === data.stageId),
          `stage ${data.stageId} of job ${job.id} is missing`,
        );
        return {
          type: 'transfer',
          job: { id: job.id, name: job.name },
          stage: { stageId: to.id, name: to.name },
        };
      }
      case 'convertToCandidate':
        return { type: 'convert', stage: data.stage === null ? null : stage(data.stage) };
      case 'unreject':
        return { type: 'unreject' };
      case 'reject': {
        const reason = must(
          context.rejectionReasons.find((r) => r.id === data.rejectionReasonId),
          `rejection reason ${data.rejectionReasonId} is missing`,
        );
        return { type: 'reject', reason: { id: reason.id, name: reason.name }, sendEmail: data.sendEmail };
      }
      case 'addNote':
        return { type: 'note', template: data.body, visibility: data.visibility };
      case 'tag':
        return { type: 'tag', tag: data.tag.trim(), where: data.where };
      case 'notify':
        return {
          type: 'notify',
          target:
            data.channel.type === 'webhook'
              ? { type: 'webhook', url: data.channel.url }
              : { type: 'inApp', to: approver(data.channel.to) },
          template: data.message,
        };
      case 'wait':
        return { type: 'wait', ms: ms(data.duration) };
      case 'stop':
        return { type: 'stop', reason: data.reason?.trim() || null };
    }
  }

  return { trigger, condition, action };
}
