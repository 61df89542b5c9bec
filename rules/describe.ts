// Plain-English text for every part of a rule. Validation messages, diffs, the canvas and the evaluation
// trace all speak through these, so a recruiter reads the same words everywhere.
// Every function tolerates half-finished or wrongly-typed nodes: they describe drafts too.
import type { ValidationContext } from './context';
import type { FlowNode } from './flow-schema';
import type {
  ActionData,
  Approver,
  ConditionExpr,
  ConditionLeaf,
  ConditionOperator,
  Duration,
  HiringTeamRole,
  StageRef,
  TriggerData,
} from './node-types';
import { isConditionGroup } from './node-types';
import { greenhouseStageFor } from './stage-mapping';
import { describeScoreTrigger } from './score-crossing';

/** The context names are looked up in; any part may be missing when describing without synced data. */
export type Names = Partial<
  Pick<
    ValidationContext,
    'greenhouseStages' | 'stageMapping' | 'users' | 'rejectionReasons' | 'prospectPools' | 'otherJobs'
  >
>;

const MS_PER_UNIT = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export function durationToMs(duration: Duration): number {
  return duration.amount * MS_PER_UNIT[duration.unit];
}

export function describeDuration(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.amount} ${unit}`;
}

/** A configured span in the largest unit that divides it evenly, so 14 days never reads as 336 hours. */
export function describeMs(ms: number): string {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    if (ms >= MS_PER_UNIT[unit] && ms % MS_PER_UNIT[unit] === 0) {
      return describeDuration({ amount: ms / MS_PER_UNIT[unit], unit });
    }
  }
  return `${Math.round(ms / 1000)} seconds`;
}

/** An observed span, rounded down to the largest unit it fills: "16 days", "3 hours". */
export function describeElapsed(ms: number): string {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    const amount = Math.floor(ms / MS_PER_UNIT[unit]);
    if (amount >= 1) return describeDuration({ amount, unit });
  }
  return 'less than a minute';
}

export function greenhouseStageName(stageId: number, names?: Names): string {
  const stage = names?.greenhouseStages?.find((s) => s.id === stageId);
  return stage ? `"${stage.name}"` : `stage ${stageId}`;
}

export function describeStageRef(ref: StageRef | null, names?: Names): string {
  if (ref === null) return 'a stage not chosen yet';
  if (ref.kind === 'greenhouse') return greenhouseStageName(ref.stageId, names);
  const mapped = names?.stageMapping ? greenhouseStageFor(names.stageMapping, ref.pipelineStage) : null;
  return mapped === null ? `the stage mapped to "${ref.pipelineStage}"` : greenhouseStageName(mapped, names);
}

const ROLE_TEXT: Record<HiringTeamRole, string> = {
  recruiter: "the job's recruiter",
  coordinator: "the job's coordinator",
  hiringManager: "the job's hiring manager",
  sourcer: "the job's sourcer",
};

export function describeApprover(approver: Approver | null, names?: Names): string {
  if (approver === null) return 'someone not chosen yet';
  if (approver.kind === 'hiringTeam') return ROLE_TEXT[approver.role];
  return names?.users?.find((u) => u.id === approver.userId)?.name ?? `user ${approver.userId}`;
}

// --------------------------------------------------------------------------------------------- triggers

const OUTREACH_TEXT = {
  addedToSequence: 'is added to an outreach sequence',
  replied: 'replies to outreach',
  repliedInterested: 'replies and is interested',
} as const;

export function describeTrigger(trigger: TriggerData, names?: Names): string {
  switch (trigger.kind) {
    case 'personMatched':
      return 'When a person is matched to the job';
    case 'scoreCrossed':
      return describeScoreTrigger(trigger.threshold, trigger.direction);
    case 'approvalDecided':
      return trigger.outcome === 'either'
        ? 'When a recruiter decides an approval'
        : `When a recruiter ${trigger.outcome} a person`;
    case 'outreachEvent':
      return trigger.events.length === 0
        ? 'When an outreach event (not chosen yet) happens'
        : `When a person ${trigger.events.map((e) => OUTREACH_TEXT[e]).join(' or ')}`;
    case 'stageChanged': {
      const from = trigger.from ? ` from ${describeStageRef(trigger.from, names)}` : '';
      const to = trigger.to ? ` to ${describeStageRef(trigger.to, names)}` : '';
      return `When an application moves${from}${to}${from || to ? '' : ' to any stage'}`;
    }
    case 'applicationRejected':
      return 'When an application is rejected in Greenhouse';
    case 'candidateHired':
      return 'When a candidate is hired';
    case 'jobOpened':
      return 'When the job opens';
    case 'jobClosed':
      return 'When the job closes';
    case 'manualExportRequested':
      return 'When someone presses "Export to Greenhouse"';
  }
}

// ------------------------------------------------------------------------------------------- conditions

export const OPERATOR_SYMBOLS: Partial<Record<ConditionOperator, string>> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
};

const PRESENCE_TEXT: Record<string, string> = {
  none: 'not in Greenhouse',
  prospect: 'a prospect in Greenhouse',
  prospectOnThisJob: 'a prospect on this job',
  prospectOnAnotherJob: 'a prospect on another job',
  applicant: 'an applicant in Greenhouse',
  applicantOnThisJob: 'an applicant on this job',
  applicantOnAnotherJob: 'an applicant on another job',
};

export function describePresence(value: string): string {
  return PRESENCE_TEXT[value] ?? value;
}

const SOURCE_TEXT: Record<string, string> = {
  inbound: 'applied in Greenhouse',
  prospect_pool: 'a prospect from a Greenhouse pool',
  import: 'imported from a file',
  outreach: 'replied to outreach',
};

/** How a person came to the job, in words ("applied in Greenhouse"); stored by its key ("inbound"). */
export function describeSource(value: string): string {
  return SOURCE_TEXT[value] ?? value;
}

const REQUIREMENT_TEXT: Record<string, string> = { met: 'met', partly: 'partly met', notMet: 'not met' };

/**
 * What a condition check saw, for the Why page ("saw an applicant on this job"): presences and requirement
 * levels are stored in traces by their keys ("applicantOnThisJob", "notMet").
 */
export function describeSeen(check: { field: string; actual: unknown }): string {
  if (check.actual === null || check.actual === undefined) return 'nothing known';
  const actual = String(check.actual);
  if (check.field === 'greenhousePresence') return describePresence(actual);
  if (check.field === 'source') return describeSource(actual);
  // Traces keep the moment of the last activity; the check's own text says how long ago it was.
  if (check.field === 'timeSinceLastActivity' && !Number.isNaN(Date.parse(actual)))
    return `last activity on ${new Date(actual).toISOString().slice(0, 10)}`;
  if (check.field.startsWith('requirement:')) return REQUIREMENT_TEXT[actual] ?? actual;
  return actual;
}

function listText(value: unknown, names?: Names): string {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => valueText(item, names)).join(', ');
}

function valueText(value: unknown, names?: Names): string {
  if (value === null || value === undefined) return '(not chosen yet)';
  if (typeof value === 'object' && 'kind' in value) return describeStageRef(value as StageRef, names);
  if (typeof value === 'object' && 'unit' in value) return describeDuration(value as Duration);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function describeLeaf(leaf: ConditionLeaf, names?: Names): string {
  const symbol = OPERATOR_SYMBOLS[leaf.op];
  const negated = leaf.op === 'isNot' || leaf.op === 'notIn';
  switch (leaf.field) {
    case 'score':
      return `Score ${symbol ?? leaf.op} ${valueText(leaf.value)}`;
    case 'requirement': {
      const level = REQUIREMENT_TEXT[String(leaf.value)] ?? valueText(leaf.value);
      const how = leaf.op === 'atLeast' ? 'is at least' : negated ? 'is not' : 'is';
      return `Requirement "${leaf.requirement ?? '(not chosen yet)'}" ${how} ${level}`;
    }
    case 'source': {
      const values = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map((v) =>
        v === null || v === undefined ? '(not chosen yet)' : describeSource(String(v)),
      );
      return `Source ${negated ? 'is not' : 'is'} ${values.length === 0 ? '(not chosen yet)' : values.map((v) => `"${v}"`).join(' or ')}`;
    }
    case 'greenhousePresence': {
      const values = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map((v) =>
        describePresence(String(v)),
      );
      return `${negated ? 'Is not' : 'Is'} ${values.join(' or ')}`;
    }
    case 'hasEmail':
    case 'hasLinkedIn': {
      const [some, none] =
        leaf.field === 'hasEmail'
          ? ['an email address', 'no email address']
          : ['a LinkedIn profile', 'no LinkedIn profile'];
      const expected = leaf.op === 'isNot' ? leaf.value !== true : leaf.value === true;
      return `Has ${expected ? some : none}`;
    }
    case 'location':
      return `Location ${negated ? 'is outside' : 'is within'} ${listText(leaf.value)}`;
    case 'stage':
      return `Stage ${negated ? 'is not' : 'is'} ${Array.isArray(leaf.value) && leaf.value.length > 1 ? 'one of ' : ''}${listText(leaf.value, names)}`;
    case 'timeSinceLastActivity':
      return `Time since last activity ${symbol ?? leaf.op} ${valueText(leaf.value)}`;
  }
}

export function describeCondition(expr: ConditionExpr, names?: Names): string {
  if (!isConditionGroup(expr)) return describeLeaf(expr, names);
  if (expr.conditions.length === 0) return `(empty ${expr.combinator.toUpperCase()} group)`;
  const parts = expr.conditions.map((c) => {
    const text = describeCondition(c, names);
    return isConditionGroup(c) ? `(${text})` : text;
  });
  return parts.join(expr.combinator === 'and' ? ' and ' : ' or ');
}

// ---------------------------------------------------------------------------------------------- actions

export function poolName(poolId: number, names?: Names): string {
  const pool = names?.prospectPools?.find((p) => p.id === poolId);
  return pool ? `"${pool.name}"` : `pool ${poolId}`;
}

export function poolStageName(poolId: number | null, stageId: number, names?: Names): string {
  const stage = names?.prospectPools?.find((p) => p.id === poolId)?.stages.find((s) => s.id === stageId);
  return stage ? `"${stage.name}"` : `pool stage ${stageId}`;
}

export function rejectionReasonName(reasonId: number, names?: Names): string {
  const reason = names?.rejectionReasons?.find((r) => r.id === reasonId);
  return reason ? `"${reason.name}"` : `reason ${reasonId}`;
}

/** Short form, as it reads after an arrow: "Score 82 ≥ 70 → request approval from Riley". */
export function describeAction(action: ActionData, names?: Names): string {
  switch (action.kind) {
    case 'exportAsCandidate':
      return `export to Greenhouse as a candidate at ${describeStageRef(action.stage, names)}`;
    case 'exportAsProspect': {
      if (action.poolId === null) return 'export to Greenhouse as a prospect';
      const stage =
        action.poolStageId === null
          ? ''
          : `, stage ${poolStageName(action.poolId, action.poolStageId, names)}`;
      return `export to Greenhouse as a prospect in ${poolName(action.poolId, names)}${stage}`;
    }
    case 'requestApproval':
      return `request approval from ${describeApprover(action.approver, names)}`;
    case 'moveToStage':
      return `move to ${describeStageRef(action.stage, names)}`;
    case 'advanceStage':
      return 'advance to the next stage';
    case 'transferToJob':
      return describeTransfer(action.jobId, action.stageId, names);
    case 'convertToCandidate':
      return action.stage === null
        ? "make a candidate for this job, at the job's first stage"
        : `make a candidate for this job, at ${describeStageRef(action.stage, names)}`;
    case 'unreject':
      return 'unreject, back to the stage it was rejected from';
    case 'reject': {
      const reason =
        action.rejectionReasonId === null
          ? 'a reason not chosen yet'
          : rejectionReasonName(action.rejectionReasonId, names);
      return `reject (${reason}, ${action.sendEmail ? 'emailing the candidate' : 'no email'})`;
    }
    case 'addNote':
      return `add a ${action.visibility.replace('_', '-')} note`;
    case 'tag':
      return `tag "${action.tag}"${action.where === 'greenhouse' ? ' in Greenhouse' : ''}`;
    case 'notify':
      return action.channel.type === 'webhook'
        ? `notify ${action.channel.url}`
        : `notify ${describeApprover(action.channel.to, names)} in Pilothouse`;
    case 'wait':
      return `wait ${describeDuration(action.duration)}`;
    case 'stop':
      return action.reason ? `stop (${action.reason})` : 'stop';
  }
}

function describeTransfer(jobId: number | null, stageId: number | null, names?: Names): string {
  if (jobId === null) return 'transfer to another job (not chosen yet)';
  const job = names?.otherJobs?.find((j) => j.id === jobId);
  const jobName = job ? `"${job.name}"` : `job ${jobId}`;
  if (stageId === null) return `transfer to ${jobName} (stage not chosen yet)`;
  const stage = job?.stages.find((s) => s.id === stageId);
  return `transfer to ${jobName} at ${stage ? `"${stage.name}"` : `stage ${stageId}`}`;
}

/** Long form for diffs and tooltips: the short form plus the settings it hides. */
export function describeActionInFull(action: ActionData, names?: Names): string {
  const short = describeAction(action, names);
  switch (action.kind) {
    case 'requestApproval': {
      const after =
        action.onTimeout.then === 'escalate'
          ? `escalate to ${describeApprover(action.onTimeout.to, names)}`
          : `${action.onTimeout.then} automatically`;
      return `${short}; if nobody decides within ${describeDuration(action.timeout)}, ${after}`;
    }
    case 'addNote':
      return `${short}: "${action.body}"`;
    case 'notify':
      return `${short}: "${action.message}"`;
    default:
      return short;
  }
}

/** One line for any node: the trigger sentence, the condition, or the action's short form. */
export function describeNode(node: FlowNode, names?: Names): string {
  if (node.type === 'trigger') return describeTrigger(node.data, names);
  if (node.type === 'condition') return describeCondition(node.data.when, names);
  return describeAction(node.data, names);
}

const COMPARISON_WORDS: [string, string][] = [
  [' ≥ ', ' at least '],
  [' > ', ' above '],
  [' ≤ ', ' at most '],
  [' < ', ' below '],
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A step's name as people say it — its label when the admin gave one, else "Score at least 75",
 * "Reject in Greenhouse (…)", "When a candidate is hired". Everything a person reads about a step
 * (inspector, validation, connection refusals, publish summary, version history, the Why page) names it
 * so, never by its internal id.
 */
export function stepName(node: FlowNode, names?: Names): string {
  const label = node.data.label?.trim();
  if (label) return label;
  if (node.type === 'condition') {
    let text = describeCondition(node.data.when, names);
    for (const [symbol, words] of COMPARISON_WORDS) text = text.split(symbol).join(words);
    return capitalise(text);
  }
  if (node.type === 'action' && node.data.kind === 'reject') {
    return `Reject in Greenhouse${describeAction(node.data, names).slice('reject'.length)}`;
  }
  return capitalise(describeNode(node, names));
}

/** The step's name in typographic quotes, which stay readable around names that hold "quotes" themselves. */
export function quotedStep(node: FlowNode, names?: Names): string {
  return `“${stepName(node, names)}”`;
}

/** `stepName` for a node id, falling back to a neutral word when the id names no node. */
export function stepNameById(
  nodes: readonly FlowNode[],
  id: string,
  names?: Names,
  fallback = 'a step that no longer exists',
): string {
  const node = nodes.find((n) => n.id === id);
  return node ? stepName(node, names) : fallback;
}
