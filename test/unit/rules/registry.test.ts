// The node-kind registry is the one list of what an admin can draw. Every entry must come with a scenario
// here — a smallest flow using it, an event and facts, and what the evaluator decides — so a kind added to
// the registry without one fails this suite.
import { describe, expect, it } from 'vitest';
import {
  ACTION_KINDS,
  ACTION_REGISTRY,
  CONDITION_FIELDS,
  CONDITION_REGISTRY,
  evaluate,
  HARVEST_SCOPES_BY_ACTION,
  NODE_REGISTRY,
  PALETTE_ENTRIES,
  stepsNotCarriedOut,
  TRIGGER_KINDS,
  TRIGGER_REGISTRY,
  type ActionData,
  type ConditionLeaf,
  type DecisionType,
  type Facts,
  type FlowEvent,
  type TriggerData,
} from '../../../rules/index';
import { PALETTE } from '../../../web/components/rule-canvas/flow-model';
import { act, flowOf, stop, trigger, when, type Step } from './fixtures/build-flow';
import { OTHER_JOBS, POOLS, REJECTION_REASONS, STAGES, USERS } from './fixtures/job';
import { applicant, NOW, person, planFor } from './fixtures/plans';

type Scenario = { flow: ReturnType<typeof flowOf>; event: FlowEvent; facts: Facts; decides: DecisionType[] };

const matched: FlowEvent = { type: 'personMatched', score: 80 };

function triggerScenario(data: TriggerData, event: FlowEvent, facts: Facts = person()): Scenario {
  return { flow: flowOf(data, [stop('ran')]), event, facts, decides: ['stop'] };
}

/** A condition that holds for these facts leads to "then" (a stop); the scenario asserts it was taken. */
function conditionScenario(leaf: ConditionLeaf, facts: Facts): Scenario {
  const flow = flowOf(trigger.personMatched(), [
    when(leaf, [stop('held')], [act({ kind: 'tag', tag: 'not-held', where: 'pilothouse' })]),
  ]);
  return { flow, event: matched, facts, decides: ['stop'] };
}

function actionScenario(
  data: ActionData,
  decides: DecisionType[],
  facts: Facts = applicant(STAGES.applicationReview.id),
): Scenario {
  const steps: Step[] =
    data.kind === 'requestApproval'
      ? [{ step: 'approval', data, approved: [stop()], rejected: [] }]
      : [act(data)];
  return { flow: flowOf(trigger.personMatched(), steps), event: matched, facts, decides };
}

const SCENARIOS: Record<string, Scenario> = {
  'trigger:personMatched': triggerScenario(trigger.personMatched(), matched),
  'trigger:scoreCrossed': triggerScenario(trigger.scoreCrossed(70, 'rises'), {
    type: 'scoreCrossed',
    from: 61,
    to: 77,
  }),
  'trigger:approvalDecided': triggerScenario(trigger.approvalDecided('approved'), {
    type: 'approvalDecided',
    outcome: 'approved',
    decidedBy: { userId: USERS.riley.id, name: USERS.riley.name },
  }),
  'trigger:outreachEvent': triggerScenario(trigger.outreach('repliedInterested'), {
    type: 'outreachEvent',
    event: 'repliedInterested',
  }),
  'trigger:stageChanged': triggerScenario(
    trigger.stageChanged(null, { kind: 'greenhouse', stageId: STAGES.phoneScreen.id }),
    { type: 'stageChanged', fromStageId: STAGES.applicationReview.id, toStageId: STAGES.phoneScreen.id },
  ),
  'trigger:applicationRejected': triggerScenario(trigger.applicationRejected(), {
    type: 'applicationRejected',
    rejectionReasonId: REJECTION_REASONS.lacksSkills.id,
  }),
  'trigger:candidateHired': triggerScenario(trigger.candidateHired(), { type: 'candidateHired' }),
  'trigger:jobOpened': triggerScenario(trigger.jobOpened(), { type: 'jobOpened' }, { now: NOW }),
  'trigger:jobClosed': triggerScenario(trigger.jobClosed(), { type: 'jobClosed' }, { now: NOW }),
  'trigger:manualExportRequested': triggerScenario(trigger.manualExportRequested(), {
    type: 'manualExportRequested',
    requestedBy: { userId: USERS.riley.id, name: USERS.riley.name },
  }),

  'condition:score': conditionScenario({ field: 'score', op: 'gte', value: 75 }, person({ score: 80 })),
  'condition:requirement': conditionScenario(
    { field: 'requirement', requirement: 'TypeScript', op: 'atLeast', value: 'partly' },
    person({ requirements: { TypeScript: 'met' } }),
  ),
  'condition:source': conditionScenario(
    { field: 'source', op: 'in', value: ['prospect_pool'] },
    person({ source: 'prospect_pool' }),
  ),
  'condition:greenhousePresence': conditionScenario(
    { field: 'greenhousePresence', op: 'is', value: 'none' },
    person(),
  ),
  'condition:hasEmail': conditionScenario(
    { field: 'hasEmail', op: 'is', value: true },
    person({ hasEmail: true }),
  ),
  'condition:hasLinkedIn': conditionScenario(
    { field: 'hasLinkedIn', op: 'is', value: true },
    person({ hasLinkedIn: true }),
  ),
  'condition:location': conditionScenario(
    { field: 'location', op: 'in', value: ['Lisbon'] },
    person({ location: 'Lisbon, Portugal' }),
  ),
  'condition:stage': conditionScenario(
    { field: 'stage', op: 'in', value: [{ kind: 'greenhouse', stageId: STAGES.phoneScreen.id }] },
    applicant(STAGES.phoneScreen.id),
  ),
  'condition:timeSinceLastActivity': conditionScenario(
    { field: 'timeSinceLastActivity', op: 'gte', value: { amount: 14, unit: 'days' } },
    person({ lastActivityAt: '2025-02-01T09:00:00.000Z' }),
  ),

  'action:requestApproval': actionScenario(
    {
      kind: 'requestApproval',
      approver: { kind: 'user', userId: USERS.riley.id },
      timeout: { amount: 3, unit: 'days' },
      onTimeout: { then: 'reject' },
    },
    ['requestApproval'],
  ),
  'action:exportAsCandidate': actionScenario(
    { kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } },
    ['export'],
    person(),
  ),
  'action:exportAsProspect': actionScenario(
    { kind: 'exportAsProspect', poolId: POOLS.futureEngineers.id, poolStageId: null },
    ['export'],
    person(),
  ),
  'action:moveToStage': actionScenario(
    { kind: 'moveToStage', stage: { kind: 'greenhouse', stageId: STAGES.onsite.id } },
    ['move'],
  ),
  'action:advanceStage': actionScenario({ kind: 'advanceStage' }, ['advance']),
  'action:transferToJob': actionScenario(
    { kind: 'transferToJob', jobId: OTHER_JOBS.platform.id, stageId: OTHER_JOBS.platform.stages[1]!.id },
    ['transfer'],
  ),
  'action:unreject': actionScenario({ kind: 'unreject' }, ['unreject'], {
    ...person(),
    greenhouse: { presence: 'applicant', onThisJob: true, applicationId: 9001, status: 'rejected' },
  }),
  'action:convertToCandidate': actionScenario({ kind: 'convertToCandidate', stage: null }, ['convert'], {
    ...person(),
    greenhouse: { presence: 'prospect', onThisJob: true, applicationId: 9100, status: 'in_process' },
  }),
  'action:reject': actionScenario(
    { kind: 'reject', rejectionReasonId: REJECTION_REASONS.lacksSkills.id, sendEmail: true },
    ['reject'],
  ),
  'action:addNote': actionScenario({ kind: 'addNote', body: 'Matched: {{reasons}}', visibility: 'private' }, [
    'note',
  ]),
  'action:tag': actionScenario({ kind: 'tag', tag: 'strong-match', where: 'greenhouse' }, ['tag']),
  'action:notify': actionScenario(
    {
      kind: 'notify',
      channel: { type: 'inApp', to: { kind: 'user', userId: USERS.riley.id } },
      message: '{{name}}',
    },
    ['notify'],
  ),
  'action:wait': actionScenario({ kind: 'wait', duration: { amount: 2, unit: 'days' } }, ['wait']),
  'action:stop': actionScenario({ kind: 'stop', reason: 'enough' }, ['stop']),
};

describe('the node-kind registry', () => {
  it('has one entry for every trigger, condition field and action kind', () => {
    expect(Object.keys(TRIGGER_REGISTRY).sort()).toEqual([...TRIGGER_KINDS].sort());
    expect(Object.keys(CONDITION_REGISTRY).sort()).toEqual([...CONDITION_FIELDS].sort());
    expect(Object.keys(ACTION_REGISTRY).sort()).toEqual([...ACTION_KINDS].sort());
  });

  it('every entry has a scenario below, and the evaluator does what the scenario says', () => {
    for (const entry of NODE_REGISTRY) {
      const key = `${entry.group}:${entry.kind}`;
      const scenario = SCENARIOS[key];
      expect(scenario, `${key} has no scenario in test/unit/rules/registry.test.ts`).toBeDefined();
      const { decisions, trace } = evaluate(planFor(scenario!.flow), scenario!.event, scenario!.facts);
      expect(
        decisions.map((d) => d.type),
        `${key}: ${trace.summary}`,
      ).toEqual(scenario!.decides);
    }
    expect(Object.keys(SCENARIOS).length).toBe(NODE_REGISTRY.length);
  });

  it("every entry's starting data is a node of its own kind that its schema accepts, fresh each time", () => {
    for (const entry of NODE_REGISTRY) {
      const data = entry.start();
      expect(entry.schema.parse(data), `${entry.group}:${entry.kind}`).toEqual(data);
      if (entry.group === 'condition')
        expect((data as { when: { field: string } }).when.field).toBe(entry.kind);
      else expect((data as { kind: string }).kind).toBe(entry.kind);
      expect(entry.start()).not.toBe(data);
    }
  });

  it('palette entries are named and described in recruiting words, each label once per group', () => {
    for (const entry of NODE_REGISTRY) {
      expect(entry.palette.label.length, entry.kind).toBeGreaterThan(2);
      expect(entry.palette.description, entry.kind).toMatch(/^[A-Z].*\.$/);
      expect(entry.palette.description).not.toMatch(/\b[a-z]+[A-Z]\w*/); // no camelCase ids
    }
    for (const group of ['trigger', 'condition', 'action'] as const) {
      const labels = NODE_REGISTRY.filter((e) => e.group === group).map((e) => e.palette.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('the Harvest scopes each action needs are the registry’s', () => {
    for (const kind of ACTION_KINDS)
      expect(HARVEST_SCOPES_BY_ACTION[kind]).toBe(ACTION_REGISTRY[kind].scopes);
    expect(ACTION_REGISTRY.reject.scopes).toEqual(['harvest:applications:reject']);
  });
});

describe('the canvas palette reads the registry', () => {
  it('offers exactly the kinds the autopilot carries out, with the registry’s labels', () => {
    expect(PALETTE.map((item) => `${item.group}:${item.key}:${item.label}`)).toEqual(
      PALETTE_ENTRIES.map((entry) => `${entry.group}:${entry.kind}:${entry.palette.label}`),
    );
    expect(PALETTE_ENTRIES.every((entry) => entry.carriedOut)).toBe(true);
    for (const entry of NODE_REGISTRY.filter((e) => !e.carriedOut))
      expect(PALETTE.some((item) => item.group === entry.group && item.key === entry.kind)).toBe(false);
  });

  it('a dropped palette item is a fresh node of its kind', () => {
    for (const item of PALETTE) {
      const node = item.create();
      expect(node.type).toBe(item.group);
      expect(item.create().data).not.toBe(node.data);
    }
  });

  it('publishing refuses a step the autopilot does not carry out, naming it as people do', () => {
    const flow = flowOf(trigger.personMatched(), [
      act({ kind: 'wait', duration: { amount: 1, unit: 'days' } }, 'the-step'),
    ]);
    expect(stepsNotCarriedOut(flow)).toEqual([]);
    const issues = stepsNotCarriedOut(flow, undefined, (entry) => entry.kind !== 'wait');
    expect(issues).toMatchObject([{ code: 'kind-not-carried-out', nodeId: 'the-step', severity: 'error' }]);
    expect(issues[0]!.message).toBe(
      '“Wait 1 day”: "Wait" steps are not carried out by the autopilot yet, so this rule would silently skip it. Remove the step or replace it.',
    );
  });
});
