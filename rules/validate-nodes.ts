// What is inside each node: operands of the right type and range, and references (stages, pools, rejection
// reasons, users, requirements, scopes) that still exist in the job's synced Greenhouse data.
// Without a context only what the document alone can tell is checked.
import { CONDITION_FIELD_CATALOGUE, takesList } from './condition-fields';
import type { ValidationContext } from './context';
import { describeDuration, durationToMs, stepName } from './describe';
import type { ActionNode, ConditionNode, FlowNode, TriggerNode } from './flow-schema';
import type { ValidationIssue } from './issues';
import type { ActionOf, Approver, ConditionExpr, ConditionLeaf, Duration, StageRef } from './node-types';
import {
  isConditionGroup,
  JOB_LEVEL_ACTIONS,
  PRESENCE_VALUES,
  SOURCE_VALUES,
  REQUIREMENT_LEVELS,
  triggerSubject,
} from './node-types';
import { missingScopes } from './scopes';
import { unknownPlaceholders } from './templates';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Bounds on durations an admin types: below them is a typo, above them the person is long gone. */
export const DURATION_LIMITS = {
  wait: { min: MINUTE, max: 365 * DAY },
  approvalTimeout: { min: MINUTE, max: 90 * DAY },
  timeSinceLastActivity: { min: MINUTE, max: 3 * 365 * DAY },
} as const;

type Report = (
  issue: Omit<ValidationIssue, 'severity' | 'nodeId'> & { severity?: 'error' | 'warning' },
) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStageRef(value: unknown): value is StageRef {
  return (
    isObject(value) &&
    ((value.kind === 'mapped' && typeof value.pipelineStage === 'string') ||
      (value.kind === 'greenhouse' && typeof value.stageId === 'number'))
  );
}

function isDuration(value: unknown): value is Duration {
  return (
    isObject(value) &&
    typeof value.amount === 'number' &&
    (value.unit === 'minutes' || value.unit === 'hours' || value.unit === 'days')
  );
}

function quoteList(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.map((i) => `"${i}"`).join(', ');
}

/** Checks one node. `subject` is what the flow's trigger is about; null when the flow has no trigger yet. */
export function validateNode(
  node: FlowNode,
  subject: 'person' | 'job' | null,
  context: ValidationContext | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report: Report = ({ severity = 'error', ...rest }) =>
    issues.push({ severity, nodeId: node.id, ...rest });
  const name = `“${stepName(node, context)}”`;
  const refs = referenceChecks(name, report, context);
  if (node.type === 'trigger') checkTrigger(node, name, report, refs);
  else if (node.type === 'condition') checkCondition(node, name, subject, report, refs, context);
  else checkAction(node, name, subject, report, refs, context);
  return issues;
}

// -------------------------------------------------------------------------------------------- references

type ReferenceChecks = ReturnType<typeof referenceChecks>;

function referenceChecks(name: string, report: Report, context: ValidationContext | undefined) {
  const stageNames = () =>
    quoteList((context?.greenhouseStages ?? []).filter((s) => s.active).map((s) => s.name));

  function greenhouseStage(stageId: number, path: string, via: string) {
    if (!context) return;
    const stage = context.greenhouseStages.find((s) => s.id === stageId);
    if (!stage || stage.job_id !== context.jobId) {
      report({
        code: 'stage-missing',
        path,
        message: `${name} uses Greenhouse stage ${stageId}${via}, which is not a stage of job ${context.jobId} any more: choose one of ${stageNames()}.`,
      });
    } else if (!stage.active) {
      report({
        severity: 'warning',
        code: 'stage-inactive',
        path,
        message: `${name} uses "${stage.name}"${via}, which is inactive in Greenhouse: choose an active stage.`,
      });
    }
  }

  /** The active Greenhouse stage the mapping page suggests for a Pilothouse stage nobody linked, by name. */
  function suggestedStageName(pipelineStage: string): string | null {
    const id = context?.stageSuggestions?.links.find(
      (l) => l.pipelineStage === pipelineStage,
    )?.greenhouseStageId;
    return context?.greenhouseStages.find((s) => s.id === id && s.active)?.name ?? null;
  }

  function stage(ref: StageRef | null, path: string) {
    if (ref === null) {
      report({ code: 'stage-missing', path, message: `${name} has no stage chosen: choose a stage.` });
      return;
    }
    if (ref.kind === 'greenhouse') return greenhouseStage(ref.stageId, path, '');
    if (!context) return;
    const mapping = context.stageMapping;
    const link = mapping?.links.find((l) => l.pipelineStage === ref.pipelineStage);
    if (!mapping || !mapping.pipelineStages.some((p) => p.key === ref.pipelineStage) || !link) {
      report({
        code: 'stage-unmapped',
        path,
        message: `${name} uses the pipeline stage "${ref.pipelineStage}", which ${mapping ? 'is not in' : 'cannot be looked up: there is no'} this job's stage mapping: ${mapping ? 'add it on the Stage mapping page, or choose a Greenhouse stage directly' : 'set up the stage mapping first'}.`,
      });
      return;
    }
    if (link.greenhouseStageId === null) {
      const label =
        mapping.pipelineStages.find((p) => p.key === ref.pipelineStage)?.label ?? ref.pipelineStage;
      const suggestion = suggestedStageName(ref.pipelineStage);
      report({
        code: 'stage-unmapped',
        path,
        message: suggestion
          ? `${name} uses the Pilothouse stage "${label}", linked to "${suggestion}" only by a Stage mapping suggestion nobody saved${ref.pipelineStage === 'exported' ? ' (the default rules export there until a flow is published)' : ''}: save the mapping to publish this flow, or choose a Greenhouse stage.`
          : `${name} uses the Pilothouse stage "${label}", which no saved stage mapping links to a Greenhouse stage: link it on the Stage mapping page and save, or choose a Greenhouse stage directly.`,
      });
      return;
    }
    greenhouseStage(link.greenhouseStageId, path, ` (mapped to "${ref.pipelineStage}")`);
  }

  function approver(who: Approver | null, path: string, role: string) {
    if (who === null) {
      report({
        code: 'approver-missing',
        path,
        message: `${name} has no ${role} chosen: choose a person or a hiring-team role.`,
      });
      return;
    }
    if (who.kind !== 'user' || !context) return;
    const user = context.users.find((u) => u.id === who.userId);
    if (!user) {
      report({
        code: 'user-missing',
        path,
        message: `${name} names Greenhouse user ${who.userId} as ${role}, who is not a user of this Greenhouse account any more: choose someone else.`,
      });
    } else if (user.disabled) {
      report({
        severity: 'warning',
        code: 'user-disabled',
        path,
        message: `${name} names ${user.name} as ${role}, whose Greenhouse account is disabled: choose someone who can act.`,
      });
    }
  }

  function duration(value: Duration, path: string, limits: { min: number; max: number }, what: string) {
    const ms = Number.isFinite(value.amount) ? durationToMs(value) : NaN;
    if (!(ms >= limits.min && ms <= limits.max)) {
      report({
        code: 'duration-out-of-range',
        path,
        message: `${name} ${what} ${describeDuration(value)}; use between ${describeDuration({ amount: limits.min / MINUTE, unit: 'minutes' })} and ${describeDuration({ amount: limits.max / DAY, unit: 'days' })}.`,
      });
    }
  }

  function text(value: string, path: string, what: string, template: boolean) {
    if (value.trim() === '') {
      report({ code: 'text-empty', path, message: `${name} has an empty ${what}: write one.` });
      return;
    }
    const unknown = template ? unknownPlaceholders(value) : [];
    if (unknown.length > 0) {
      report({
        severity: 'warning',
        code: 'template-unknown-placeholder',
        path,
        message: `${name} uses ${unknown.map((u) => `{{${u}}}`).join(', ')} in its ${what}, which will print as nothing: use {{name}}, {{score}}, {{reasons}} or another known placeholder.`,
      });
    }
  }

  return { stage, greenhouseStage, approver, duration, text };
}

// ---------------------------------------------------------------------------------------------- triggers

function checkTrigger(node: TriggerNode, name: string, report: Report, refs: ReferenceChecks) {
  const data = node.data;
  if (data.kind === 'outreachEvent' && data.events.length === 0) {
    report({
      code: 'trigger-no-events',
      path: 'data.events',
      message: `Trigger ${name} has no outreach events chosen: choose added to sequence, replied, or replied and interested.`,
    });
  }
  if (
    data.kind === 'scoreCrossed' &&
    !(Number.isFinite(data.threshold) && data.threshold >= 0 && data.threshold <= 100)
  ) {
    report({
      code: 'trigger-score-threshold',
      path: 'data.threshold',
      message: `Trigger ${name} needs a score threshold from 0 to 100 (match scores run from 0 to 100).`,
    });
  }
  if (data.kind === 'stageChanged') {
    if (data.from) refs.stage(data.from, 'data.from');
    if (data.to) refs.stage(data.to, 'data.to');
  }
}

// -------------------------------------------------------------------------------------------- conditions

function checkCondition(
  node: ConditionNode,
  name: string,
  subject: 'person' | 'job' | null,
  report: Report,
  refs: ReferenceChecks,
  context: ValidationContext | undefined,
) {
  if (subject === 'job') {
    report({
      code: 'needs-person',
      path: 'data.when',
      message: `Condition ${name} reads facts about a person, but this flow starts from a job event, where there is no person: move it into a flow that starts from a person's event.`,
    });
  }
  const visit = (expr: ConditionExpr, path: string) => {
    if (isConditionGroup(expr)) {
      if (expr.conditions.length === 0) {
        report({
          code: 'condition-empty-group',
          path,
          message: `Condition ${name} has an empty ${expr.combinator.toUpperCase()} group: add a condition to it or remove it.`,
        });
      }
      expr.conditions.forEach((child, i) => visit(child, `${path}.conditions[${i}]`));
      return;
    }
    checkLeaf(expr, path, name, report, refs, context);
  };
  visit(node.data.when, 'data.when');
}

function checkLeaf(
  leaf: ConditionLeaf,
  path: string,
  name: string,
  report: Report,
  refs: ReferenceChecks,
  context: ValidationContext | undefined,
) {
  const spec = CONDITION_FIELD_CATALOGUE[leaf.field];
  if (!spec.operators.includes(leaf.op)) {
    report({
      code: 'condition-operator',
      path: `${path}.op`,
      message: `Condition ${name} compares ${spec.label.toLowerCase()} with "${leaf.op}", which does not apply to it: use ${quoteList(spec.operators)}.`,
    });
    return;
  }
  const value = leaf.value;
  const wrongType = () =>
    report({
      code: 'condition-operand-type',
      path: `${path}.value`,
      message: `Condition ${name} compares ${spec.label.toLowerCase()} ("${leaf.op}") with ${JSON.stringify(value)}; it needs ${spec.expects}.`,
    });
  const list = takesList(leaf.op);
  const items: unknown[] = list ? (Array.isArray(value) ? value : []) : [value];
  if (list && (!Array.isArray(value) || value.length === 0)) return wrongType();
  if (!list && Array.isArray(value)) return wrongType();

  switch (spec.operand) {
    case 'score':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType();
      if (value < 0 || value > 100) {
        report({
          code: 'score-out-of-range',
          path: `${path}.value`,
          message: `Condition ${name} uses a score threshold of ${value}; scores run from 0 to 100.`,
        });
      }
      return;
    case 'requirementLevel': {
      if (!REQUIREMENT_LEVELS.includes(value as never)) return wrongType();
      const requirement = leaf.requirement?.trim() ?? '';
      if (requirement === '') {
        report({
          code: 'requirement-missing',
          path: `${path}.requirement`,
          message: `Condition ${name} does not say which requirement: choose a must-have from the job profile.`,
        });
      } else if (context && !context.requirementNames.includes(requirement)) {
        report({
          code: 'requirement-unknown',
          path: `${path}.requirement`,
          message: `Condition ${name} checks "${requirement}", which is not a must-have in this job's profile: choose one of ${quoteList(context.requirementNames)}.`,
        });
      }
      return;
    }
    case 'text':
      if (!items.every((item) => typeof item === 'string' && item.trim() !== '')) return wrongType();
      return;
    case 'source':
      if (!items.every((item) => SOURCE_VALUES.includes(item as never))) return wrongType();
      return;
    case 'presence':
      if (!items.every((item) => PRESENCE_VALUES.includes(item as never))) return wrongType();
      return;
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType();
      return;
    case 'stage':
      if (!items.every(isStageRef)) return wrongType();
      items.forEach((item, i) =>
        refs.stage(item as StageRef, list ? `${path}.value[${i}]` : `${path}.value`),
      );
      return;
    case 'duration':
      if (!isDuration(value)) return wrongType();
      refs.duration(
        value,
        `${path}.value`,
        DURATION_LIMITS.timeSinceLastActivity,
        'compares time since last activity with',
      );
      return;
  }
}

// ----------------------------------------------------------------------------------------------- actions

function checkAction(
  node: ActionNode,
  name: string,
  subject: 'person' | 'job' | null,
  report: Report,
  refs: ReferenceChecks,
  context: ValidationContext | undefined,
) {
  const action = node.data;
  if (subject === 'job' && !JOB_LEVEL_ACTIONS.includes(action.kind)) {
    report({
      code: 'needs-person',
      message: `${name} acts on a person, but this flow starts from a job event, where there is no person: only notify, wait and stop can follow a job event.`,
    });
  }
  switch (action.kind) {
    case 'exportAsCandidate':
    case 'moveToStage':
      refs.stage(action.stage, 'data.stage');
      break;
    case 'exportAsProspect': {
      if (action.poolId === null) {
        if (action.poolStageId !== null) {
          report({
            code: 'pool-missing',
            path: 'data.poolId',
            message: `${name} has a pool stage but no pool: choose the prospect pool too.`,
          });
        }
        break;
      }
      if (!context) break;
      const pool = context.prospectPools.find((p) => p.id === action.poolId);
      if (!pool) {
        report({
          code: 'pool-missing',
          path: 'data.poolId',
          message: `${name} uses prospect pool ${action.poolId}, which no longer exists in Greenhouse: choose one of ${quoteList(context.prospectPools.map((p) => p.name))}.`,
        });
      } else if (action.poolStageId !== null && !pool.stages.some((s) => s.id === action.poolStageId)) {
        report({
          code: 'pool-stage-missing',
          path: 'data.poolStageId',
          message: `${name} uses stage ${action.poolStageId} of pool "${pool.name}", which that pool does not have: choose one of ${quoteList(pool.stages.map((s) => s.name))}.`,
        });
      }
      break;
    }
    case 'requestApproval':
      refs.approver(action.approver, 'data.approver', 'approver');
      refs.duration(
        action.timeout,
        'data.timeout',
        DURATION_LIMITS.approvalTimeout,
        'waits for a decision for',
      );
      if (action.onTimeout.then === 'escalate') {
        refs.approver(action.onTimeout.to, 'data.onTimeout.to', 'person to escalate to');
      }
      break;
    case 'reject':
      if (action.rejectionReasonId === null) {
        report({
          code: 'rejection-reason-missing',
          path: 'data.rejectionReasonId',
          message: `${name} has no rejection reason: choose one, so Greenhouse reports stay meaningful.`,
        });
      } else if (context && !context.rejectionReasons.some((r) => r.id === action.rejectionReasonId)) {
        report({
          code: 'rejection-reason-missing',
          path: 'data.rejectionReasonId',
          message: `${name} uses rejection reason ${action.rejectionReasonId}, which no longer exists in Greenhouse: choose one of ${quoteList(context.rejectionReasons.map((r) => r.name))}.`,
        });
      }
      break;
    case 'convertToCandidate':
      // No stage: Greenhouse starts the new application on the job's first stage.
      if (action.stage !== null) refs.stage(action.stage, 'data.stage');
      break;
    case 'transferToJob':
      checkTransfer(action, name, report, context);
      break;
    case 'addNote':
      refs.text(action.body, 'data.body', 'note', true);
      break;
    case 'tag':
      refs.text(action.tag, 'data.tag', 'tag', false);
      break;
    case 'notify':
      if (action.channel.type === 'webhook') {
        // Candidate data leaves Pilothouse here, so only over TLS.
        if (!/^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/.test(action.channel.url)) {
          report({
            code: 'webhook-url-invalid',
            path: 'data.channel.url',
            message: `${name} sends to "${action.channel.url}", which is not an https:// web address: enter the full https URL of the receiving webhook.`,
          });
        }
      } else {
        refs.approver(action.channel.to, 'data.channel.to', 'person to notify');
      }
      refs.text(action.message, 'data.message', 'message', true);
      break;
    case 'wait':
      refs.duration(action.duration, 'data.duration', DURATION_LIMITS.wait, 'waits');
      break;
    case 'advanceStage':
    case 'unreject':
    case 'stop':
      break;
  }
  if (context) {
    const missing = missingScopes(action, context.grantedScopes);
    if (missing.length > 0) {
      report({
        code: 'scope-missing',
        message: `${name} needs the Harvest permission${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the Greenhouse connection was not granted: add ${missing.length > 1 ? 'them' : 'it'} to Pilothouse's API credential in Greenhouse, or remove this step.`,
      });
    }
  }
}

/** Another job Pilothouse knows, open, and a stage of that job that is still in its interview plan. */
function checkTransfer(
  action: ActionOf<'transferToJob'>,
  name: string,
  report: Report,
  context: ValidationContext | undefined,
) {
  if (action.jobId === null) {
    report({
      code: 'job-missing',
      path: 'data.jobId',
      message: `${name} has no job chosen: choose the job to transfer to.`,
    });
    return;
  }
  if (action.stageId === null) {
    report({
      code: 'stage-missing',
      path: 'data.stageId',
      message: `${name} has no stage chosen: choose the stage of the other job the person should land in.`,
    });
  }
  if (!context) return;
  if (action.jobId === context.jobId) {
    report({
      code: 'job-missing',
      path: 'data.jobId',
      message: `${name} transfers to this same job: choose another job, or use "Move to stage" instead.`,
    });
    return;
  }
  const jobs = context.otherJobs ?? [];
  const job = jobs.find((j) => j.id === action.jobId);
  if (!job) {
    report({
      code: 'job-missing',
      path: 'data.jobId',
      message: `${name} transfers to job ${action.jobId}, which Pilothouse does not know (deleted in Greenhouse, or not synced): choose one of ${quoteList(jobs.filter((j) => j.status === 'open').map((j) => j.name))}.`,
    });
    return;
  }
  if (job.status !== 'open') {
    report({
      severity: 'warning',
      code: 'job-not-open',
      path: 'data.jobId',
      message: `${name} transfers to "${job.name}", which is ${job.status} in Greenhouse: Greenhouse may refuse, and nobody works a ${job.status} job.`,
    });
  }
  if (action.stageId === null) return;
  const stage = job.stages.find((s) => s.id === action.stageId);
  if (!stage) {
    report({
      code: 'stage-missing',
      path: 'data.stageId',
      message: `${name} uses stage ${action.stageId}, which is not a stage of "${job.name}" any more: choose one of ${quoteList(job.stages.filter((s) => s.active).map((s) => s.name))}.`,
    });
  } else if (!stage.active) {
    report({
      severity: 'warning',
      code: 'stage-inactive',
      path: 'data.stageId',
      message: `${name} uses "${stage.name}" of "${job.name}", which is inactive in Greenhouse: choose an active stage.`,
    });
  }
}

export function flowSubject(nodes: readonly FlowNode[]): 'person' | 'job' | null {
  const trigger = nodes.find((n): n is TriggerNode => n.type === 'trigger');
  return trigger ? triggerSubject(trigger.data.kind) : null;
}
