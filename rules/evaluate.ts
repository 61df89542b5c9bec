// Running a compiled plan against one event. Pure and deterministic: the same plan, event and facts give
// the same decisions and the same trace, inside a workflow, on replay, or in a dry run in the web app.
// One pass over the steps; a step runs when a step before it left by the branch that leads to it.
import { checkCondition } from './check-condition';
import type { Decision, Evaluation, KnownPresence, TraceEntry } from './decisions';
import { findStart } from './evaluation-start';
import type { Facts, FlowEvent } from './facts';
import type { Branch } from './node-types';
import type { ActionStep, RulePlan } from './plan';
import { renderDecided } from './templates';

/** The condition results on the way to a step, latest first; null at the trigger. */
type Reasons = { text: string; earlier: Reasons; count: number; first: string } | null;

function addReason(earlier: Reasons, text: string): Reasons {
  return { text, earlier, count: (earlier?.count ?? 0) + 1, first: earlier?.first ?? text };
}

/** Reasons a recruiter reads in one line; a long path keeps its first and latest few (the trace has all). */
export const MAX_REASONS_IN_A_SENTENCE = 6;

function reasonText(reasons: Reasons): string {
  if (reasons === null) return '';
  const latest: string[] = [];
  const keep = reasons.count > MAX_REASONS_IN_A_SENTENCE ? MAX_REASONS_IN_A_SENTENCE - 2 : reasons.count;
  for (let at: Reasons = reasons; at !== null && latest.length < keep; at = at.earlier) latest.push(at.text);
  latest.reverse();
  if (keep === reasons.count) return latest.join('; ');
  return [reasons.first, `… ${reasons.count - keep - 1} more …`, ...latest].join('; ');
}

type Outcome = { kind: 'decided'; decision: Decision } | { kind: 'skipped'; why: string };

function decided(decision: Decision): Outcome {
  return { kind: 'decided', decision };
}

function noApplication(step: ActionStep, verb: string, transferredTo: string | null = null): Outcome {
  return skipped(
    step,
    `no application on this job to ${verb}${transferredTo === null ? '' : ` (transferred to "${transferredTo}" just before)`}`,
  );
}

function skipped(step: ActionStep, why: string): Outcome {
  return { kind: 'skipped', why: `Skipped "${step.text}": ${why}` };
}

/** The reason alone of a skipped step's trace text ("already an applicant on this job, so not exported again"). */
export function skipReason(traceText: string): string {
  return traceText.replace(/^Skipped "[^]*?": /, '');
}

function statusWords(status: string): string {
  return status === 'in_process' ? 'active' : status;
}

export function evaluate(plan: RulePlan, event: FlowEvent, facts: Facts): Evaluation {
  const stageName = (stageId: number) =>
    plan.stageNames.find((s) => s.id === stageId)?.name ?? `stage ${stageId}`;
  const start = findStart(plan, event, stageName);
  const trace = { planHash: plan.hash, flowId: plan.flowId, eventType: event.type };
  if (start.kind === 'none') {
    return { decisions: [], trace: { ...trace, start: 'none', entries: [], summary: start.why } };
  }

  const nowParsed = Date.parse(facts.now);
  const nowMs = Number.isNaN(nowParsed) ? null : nowParsed;
  const score =
    facts.score ??
    (event.type === 'personMatched' ? event.score : event.type === 'scoreCrossed' ? event.to : undefined);
  let currentStageId =
    facts.greenhouse?.currentStageId ?? (event.type === 'stageChanged' ? event.toStageId : null);
  const steps = plan.steps;
  const fired: (Branch | null)[] = new Array<Branch | null>(steps.length).fill(null);
  // Why each step that ran was reached: a chain of condition results shared along the path, so a deep
  // flow does not copy every earlier reason into every later step.
  const reasons: (Reasons | undefined)[] = new Array<Reasons | undefined>(steps.length).fill(undefined);
  const decisions: Decision[] = [];
  const decidedSteps: string[] = [];
  const entries: TraceEntry[] = [];
  // An export decided earlier in this same evaluation creates the application later steps act on.
  let exportedToStageId: number | null = null;
  // A prospect export decided earlier creates the prospect application a "Make candidate" converts.
  let exportedAsProspect = false;
  // A "Make candidate" decided earlier creates the candidate application later steps act on.
  let convertedHere = false;
  // After a transfer the application belongs to another job: no later step acts on it here.
  let transferredTo: string | null = null;
  // The application's status as the steps decided so far leave it (null: not known).
  let status: string | null = facts.greenhouse?.status ?? null;

  let from: number;
  if (start.kind === 'trigger') {
    fired[0] = 'next';
    reasons[0] = null;
    entries.push({
      step: 0,
      nodeId: steps[0].nodeId,
      kind: 'trigger',
      outcome: 'started',
      branch: 'next',
      checks: [],
      text: start.text,
    });
    from = 1;
  } else {
    const paused = steps[start.step]!;
    fired[start.step] = start.branch;
    reasons[start.step] = addReason(null, start.text);
    entries.push({
      step: start.step,
      nodeId: paused.nodeId,
      kind: paused.kind,
      outcome: 'resumed',
      branch: start.branch,
      checks: [],
      text: start.text,
    });
    from = start.step + 1;
  }

  for (let i = from; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind === 'trigger') continue;
    let via = -1;
    for (const activation of step.activatedBy) {
      if (fired[activation.step] === activation.branch) {
        via = activation.step;
        break;
      }
    }
    if (via < 0) continue;
    const chain = reasons[via]!;

    if (step.kind === 'condition') {
      const result = checkCondition(step.condition, { facts, score, currentStageId, nowMs, stageName });
      const branch: Branch = result.held ? 'then' : 'otherwise';
      fired[i] = branch;
      reasons[i] = addReason(chain, result.text);
      entries.push({
        step: i,
        nodeId: step.nodeId,
        kind: 'condition',
        outcome: result.held ? 'held' : 'notHeld',
        branch,
        checks: result.checks,
        text: result.text,
      });
      continue;
    }

    const because = `${chain === null ? start.text : reasonText(chain)} → ${step.text}`;
    const outcome = decide(step, because, chain);
    if (outcome.kind === 'skipped') {
      fired[i] = 'next';
      reasons[i] = chain;
      entries.push({
        step: i,
        nodeId: step.nodeId,
        kind: 'action',
        outcome: 'skipped',
        branch: 'next',
        checks: [],
        text: outcome.why,
      });
      continue;
    }
    decisions.push(outcome.decision);
    decidedSteps.push(step.text);
    const pauses = outcome.decision.type === 'requestApproval' || outcome.decision.type === 'wait';
    const ends = pauses || outcome.decision.type === 'stop';
    fired[i] = ends ? null : 'next';
    reasons[i] = chain;
    entries.push({
      step: i,
      nodeId: step.nodeId,
      kind: 'action',
      outcome: pauses ? 'waiting' : 'decided',
      branch: ends ? null : 'next',
      checks: [],
      text: because,
    });
  }

  // One decision explains itself; for several, the list of what was decided is what a log reader scans.
  const summary =
    decisions.length === 0
      ? `No decision: ${entries[entries.length - 1]!.text}`
      : decisions.length === 1
        ? decisions[0]!.because
        : `${decisions.length} decisions: ${decidedSteps.join('; ')}`;
  return { decisions, trace: { ...trace, start: start.kind, entries, summary } };

  function decide(step: ActionStep, because: string, chain: Reasons): Outcome {
    const nodeId = step.nodeId;
    const action = step.action;
    const greenhouse = facts.greenhouse;
    const exportedHere = exportedToStageId !== null || convertedHere;
    const stillHere = transferredTo === null;
    // Prospects sit in pool stages, not interview stages: only an applicant can be moved or advanced.
    const applicantHere =
      stillHere && ((greenhouse?.onThisJob === true && greenhouse.presence === 'applicant') || exportedHere);
    const inGreenhouseHere =
      stillHere && ((greenhouse?.onThisJob === true && greenhouse.presence !== 'none') || exportedHere);
    // Null when a step before creates the application: the activity finds it once it exists.
    const applicationId = exportedHere ? null : (greenhouse?.applicationId ?? null);

    switch (action.type) {
      case 'export': {
        const presence: KnownPresence = greenhouse?.presence ?? 'unknown';
        const alreadyHere =
          greenhouse?.onThisJob === true &&
          (greenhouse.presence === 'applicant' ||
            (action.as === 'prospect' && greenhouse.presence === 'prospect'));
        if (alreadyHere || exportedToStageId !== null) {
          return skipped(
            step,
            `already ${greenhouse?.presence === 'prospect' ? 'a prospect' : 'an applicant'} on this job, so not exported again`,
          );
        }
        status = 'in_process';
        if (action.as === 'candidate') {
          exportedToStageId = action.stage.stageId;
          currentStageId = action.stage.stageId;
          return decided({
            type: 'export',
            as: 'candidate',
            nodeId,
            because,
            alreadyInGreenhouse: presence,
            stageId: action.stage.stageId,
            stageName: action.stage.name,
          });
        }
        exportedAsProspect = true;
        return decided({
          type: 'export',
          as: 'prospect',
          nodeId,
          because,
          alreadyInGreenhouse: presence,
          poolId: action.pool?.id ?? null,
          poolName: action.pool?.name ?? null,
          poolStageId: action.poolStage?.id ?? null,
          poolStageName: action.poolStage?.name ?? null,
        });
      }
      case 'requestApproval':
        return decided({
          type: 'requestApproval',
          nodeId,
          because,
          approver: action.approver,
          timeoutMs: action.timeoutMs,
          onTimeout: action.onTimeout,
          resume: { planHash: plan.hash, nodeId },
        });
      case 'move': {
        if (!applicantHere) return noApplication(step, 'move', transferredTo);
        if (currentStageId === action.stage.stageId) {
          return skipped(step, `already in "${action.stage.name}"`);
        }
        const fromStageId = currentStageId ?? null;
        currentStageId = action.stage.stageId;
        return decided({
          type: 'move',
          nodeId,
          because,
          applicationId,
          fromStageId,
          toStageId: action.stage.stageId,
          toStageName: action.stage.name,
        });
      }
      case 'advance': {
        if (!applicantHere) return noApplication(step, 'advance', transferredTo);
        const fromStageId = currentStageId ?? null;
        // Greenhouse picks the next stage; which one it is is only known once it has moved.
        currentStageId = null;
        return decided({ type: 'advance', nodeId, because, applicationId, fromStageId });
      }
      case 'reject':
        if (!inGreenhouseHere) return noApplication(step, 'reject', transferredTo);
        status = 'rejected';
        return decided({
          type: 'reject',
          nodeId,
          because,
          applicationId,
          rejectionReasonId: action.reason.id,
          rejectionReasonName: action.reason.name,
          sendEmail: action.sendEmail,
        });
      case 'unreject':
        if (!inGreenhouseHere) return noApplication(step, 'unreject', transferredTo);
        // Unknown status: the activity reads Greenhouse and does nothing when there is no rejection.
        if (status !== null && status !== 'rejected')
          return skipped(step, `the application is not rejected (${statusWords(status)}), nothing to undo`);
        status = 'in_process';
        return decided({ type: 'unreject', nodeId, because, applicationId });
      case 'transfer': {
        if (!applicantHere) return noApplication(step, 'transfer', transferredTo);
        if (status !== null && status !== 'in_process')
          return skipped(
            step,
            `the application is ${statusWords(status)}; only an active one can be transferred`,
          );
        const fromStageId = currentStageId ?? null;
        transferredTo = action.job.name;
        currentStageId = null;
        return decided({
          type: 'transfer',
          nodeId,
          because,
          applicationId,
          fromStageId,
          toJobId: action.job.id,
          toJobName: action.job.name,
          toStageId: action.stage.stageId,
          toStageName: action.stage.name,
        });
      }
      case 'convert': {
        if (!stillHere) return noApplication(step, 'make a candidate of', transferredTo);
        if (applicantHere) return skipped(step, 'already a candidate on this job');
        const prospectHere =
          exportedAsProspect || (greenhouse?.onThisJob === true && greenhouse.presence === 'prospect');
        if (!prospectHere) return skipped(step, 'not a prospect for this job in Greenhouse');
        if (status !== null && status !== 'in_process')
          return skipped(
            step,
            `the prospect is ${statusWords(status)}; only an active prospect can be made a candidate`,
          );
        convertedHere = true;
        currentStageId = action.stage?.stageId ?? null;
        status = 'in_process';
        return decided({
          type: 'convert',
          nodeId,
          because,
          applicationId: exportedAsProspect ? null : (greenhouse?.applicationId ?? null),
          toStageId: action.stage?.stageId ?? null,
          toStageName: action.stage?.name ?? null,
        });
      }
      case 'note':
        return decided({
          type: 'note',
          nodeId,
          because,
          body: render(action.template, chain),
          visibility: action.visibility,
        });
      case 'tag':
        return decided({ type: 'tag', nodeId, because, tag: action.tag, where: action.where });
      case 'notify':
        return decided({
          type: 'notify',
          nodeId,
          because,
          target: action.target,
          message: render(action.template, chain),
        });
      case 'wait':
        return decided({
          type: 'wait',
          nodeId,
          because,
          durationMs: action.ms,
          resumeAt: nowMs === null ? null : new Date(nowMs + action.ms).toISOString(),
          resume: { planHash: plan.hash, nodeId },
        });
      case 'stop':
        return decided({ type: 'stop', nodeId, because, reason: action.reason });
    }
  }

  /** The person's name and location stay placeholders: the activity that writes fills them (see templates.ts). */
  function render(template: string, chain: Reasons): string {
    return renderDecided(template, {
      personId: facts.personId ?? '',
      score: score === undefined ? '' : String(score),
      source: facts.source ?? '',
      stage: currentStageId === null || currentStageId === undefined ? '' : stageName(currentStageId),
      jobId: String(plan.jobId),
      reasons: template.includes('reasons') ? reasonText(chain) : '',
    });
  }
}
