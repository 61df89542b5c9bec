// Where an evaluation begins: at the trigger, when the event is one the flow listens to, or just after an
// approval or a wait the same plan paused at. Otherwise nowhere, with a sentence saying why.
import { describeMs } from './describe';
import type { EventOf, FlowEvent } from './facts';
import type { Branch } from './node-types';
import type { CompiledTrigger, RulePlan } from './plan';
import { crossesThreshold } from './score-crossing';

export type Start =
  | { kind: 'trigger'; text: string }
  | { kind: 'resume'; step: number; branch: Branch | null; text: string }
  | { kind: 'none'; why: string };

const OUTREACH_EVENT_TEXT = {
  addedToSequence: 'Added to an outreach sequence',
  replied: 'Replied to outreach',
  repliedInterested: 'Replied and is interested',
} as const;

export function findStart(plan: RulePlan, event: FlowEvent, stageName: (id: number) => string): Start {
  const trigger = plan.steps[0];
  const starts = matchesTrigger(trigger.trigger, event);
  if ((event.type === 'approvalDecided' || event.type === 'waitElapsed') && event.resume) {
    const resumed = resumeFrom(plan, event);
    // A decision on another plan's approval step may still start this flow if decisions trigger it.
    if (resumed.kind === 'resume' || !starts) return resumed;
  }
  if (starts) return { kind: 'trigger', text: describeEvent(event, stageName) };
  return {
    kind: 'none',
    why: `Not started: this flow runs "${trigger.text}"; the event was "${describeEvent(event, stageName)}".`,
  };
}

function resumeFrom(
  plan: RulePlan,
  event: EventOf<'approvalDecided'> | EventOf<'waitElapsed'>,
): Extract<Start, { kind: 'resume' | 'none' }> {
  const point = event.resume!;
  if (point.planHash !== plan.hash) {
    return {
      kind: 'none',
      why: `Not resumed: the step "${point.nodeId}" belongs to plan ${point.planHash.slice(0, 12)}, not this one (${plan.hash.slice(0, 12)}).`,
    };
  }
  const at = plan.steps.findIndex((s) => s.nodeId === point.nodeId);
  const step = plan.steps[at];
  const expected = event.type === 'approvalDecided' ? 'requestApproval' : 'wait';
  if (!step || step.kind !== 'action' || step.action.type !== expected) {
    return {
      kind: 'none',
      why: `Not resumed: "${point.nodeId}" is not a ${expected === 'wait' ? 'wait' : 'approval'} step of this plan.`,
    };
  }
  if (event.type === 'waitElapsed') {
    return {
      kind: 'resume',
      step: at,
      branch: 'next',
      text: `Waited ${step.action.type === 'wait' ? describeMs(step.action.ms) : ''}`,
    };
  }
  return {
    kind: 'resume',
    step: at,
    branch: event.outcome === 'approved' ? 'approved' : 'rejected',
    text: describeApproval(event),
  };
}

function matchesTrigger(trigger: CompiledTrigger, event: FlowEvent): boolean {
  switch (trigger.kind) {
    case 'scoreCrossed':
      // Every change of score is an event; only one that crosses this flow's threshold its way starts it.
      return (
        event.type === 'scoreCrossed' &&
        crossesThreshold(trigger.threshold, trigger.direction, event.from, event.to)
      );
    case 'approvalDecided':
      return (
        event.type === 'approvalDecided' &&
        (trigger.outcome === 'either' || trigger.outcome === event.outcome)
      );
    case 'outreachEvent':
      // An interested reply is a reply too: a flow waiting for replies hears it.
      return (
        event.type === 'outreachEvent' &&
        (trigger.events.includes(event.event) ||
          (event.event === 'repliedInterested' && trigger.events.includes('replied')))
      );
    case 'stageChanged':
      return (
        event.type === 'stageChanged' &&
        (trigger.from === null || trigger.from.stageId === event.fromStageId) &&
        (trigger.to === null || trigger.to.stageId === event.toStageId)
      );
    default:
      return event.type === trigger.kind;
  }
}

function describeApproval(event: EventOf<'approvalDecided'>): string {
  const verb = event.outcome === 'approved' ? 'approved' : 'declined';
  const reason = event.reason ? ` ("${event.reason}")` : '';
  return event.decidedBy === null
    ? `Nobody decided in time, so ${verb} automatically`
    : `${event.decidedBy.name} ${verb}${reason}`;
}

function describeEvent(event: FlowEvent, stageName: (id: number) => string): string {
  switch (event.type) {
    case 'personMatched':
      return `Matched with score ${event.score}`;
    case 'scoreCrossed':
      return `Match score went from ${event.from} to ${event.to}`;
    case 'approvalDecided':
      return describeApproval(event);
    case 'outreachEvent':
      return OUTREACH_EVENT_TEXT[event.event];
    case 'stageChanged':
      return event.fromStageId === null
        ? `Moved to "${stageName(event.toStageId)}"`
        : `Moved from "${stageName(event.fromStageId)}" to "${stageName(event.toStageId)}"`;
    case 'applicationRejected':
      return 'Application rejected in Greenhouse';
    case 'candidateHired':
      return 'Hired';
    case 'jobOpened':
      return 'The job opened';
    case 'jobClosed':
      return 'The job closed';
    case 'manualExportRequested':
      return `${event.requestedBy.name} asked to export to Greenhouse`;
    case 'waitElapsed':
      return 'A wait ended';
  }
}
