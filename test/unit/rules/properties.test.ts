import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowEvent, FlowNode, RuleFlow, RulePlan, ValidationIssue } from '../../../rules/index';
import { compile, evaluate, sourceHandlesOf, validateFlow, verifyPlanHash } from '../../../rules/index';
import { indexFlow, reachableFrom } from '../../../rules/graph';
import { jobContext } from './fixtures/job';
import { facts, flowAndEvent, validFlow } from './fixtures/random-flows';

const context = jobContext();
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function compiled(flow: RuleFlow): RulePlan {
  const result = compile(flow, context);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return result.plan;
}

/** The events that come back after a first evaluation: an answer to each approval request, each wait's end. */
function followUps(decisions: ReturnType<typeof evaluate>['decisions']): FlowEvent[] {
  return decisions.flatMap((d): FlowEvent[] => {
    if (d.type === 'wait') return [{ type: 'waitElapsed', resume: d.resume }];
    if (d.type !== 'requestApproval') return [];
    return [
      {
        type: 'approvalDecided',
        outcome: 'approved',
        decidedBy: { userId: 7, name: 'Riley' },
        resume: d.resume,
      },
      { type: 'approvalDecided', outcome: 'rejected', decidedBy: null, resume: d.resume },
    ];
  });
}

describe('property: every valid flow compiles and decides deterministically', () => {
  it('random valid graphs validate without errors and compile to a verifiable plan', () => {
    fc.assert(
      fc.property(validFlow, (flow) => {
        const errors = validateFlow(flow, context).filter((i) => i.severity === 'error');
        expect(errors).toEqual([]);
        const plan = compiled(flow);
        expect(verifyPlanHash(plan)).toBe(true);
        expect(plan.steps).toHaveLength(flow.nodes.length);
        // Every step comes after every step that leads to it.
        for (const step of plan.steps) {
          if (step.kind !== 'trigger')
            for (const a of step.activatedBy) expect(a.step).toBeLessThan(step.index);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('compiling the same flow twice, or after a JSON round trip, gives the same plan and hash', () => {
    fc.assert(
      fc.property(validFlow, (flow) => {
        const plan = compiled(flow);
        expect(compiled(flow)).toEqual(plan);
        expect(compiled(roundTrip(flow)).hash).toBe(plan.hash);
      }),
      { numRuns: 100 },
    );
  });

  it('the same plan, event and facts give the same decisions and trace, also after a JSON round trip', () => {
    fc.assert(
      fc.property(flowAndEvent, facts, ([flow, firstEvent], known) => {
        const plan = compiled(flow);
        const first = evaluate(plan, firstEvent, known);
        expect(evaluate(plan, firstEvent, known)).toEqual(first);
        expect(evaluate(roundTrip(plan), roundTrip(firstEvent), roundTrip(known))).toEqual(first);
        expect(roundTrip(first)).toEqual(first);

        for (const next of followUps(first.decisions)) {
          const later = evaluate(plan, next, known);
          expect(evaluate(roundTrip(plan), roundTrip(next), roundTrip(known))).toEqual(later);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every decision comes from an action node of the flow and is explained in the trace', () => {
    fc.assert(
      fc.property(flowAndEvent, facts, ([flow, firstEvent], known) => {
        const plan = compiled(flow);
        const { decisions, trace } = evaluate(plan, firstEvent, known);
        const actions = new Set(flow.nodes.filter((n) => n.type === 'action').map((n) => n.id));
        for (const decision of decisions) {
          expect(actions.has(decision.nodeId)).toBe(true);
          expect(decision.because).toMatch(/ → /);
        }
        const decided = trace.entries.filter((e) => e.outcome === 'decided' || e.outcome === 'waiting');
        expect(decided.map((e) => e.nodeId)).toEqual(decisions.map((d) => d.nodeId));
        // A step runs at most once, in plan order.
        const steps = trace.entries.map((e) => e.step);
        expect([...steps].sort((a, b) => a - b)).toEqual(steps);
        expect(new Set(steps).size).toBe(steps.length);
      }),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------------------------------ malformed

type Mutation = {
  name: string;
  apply: (
    flow: RuleFlow,
    pick: number,
  ) => { flow: RuleFlow; expect: Partial<ValidationIssue> & { code: string } } | null;
};

const hasNextExit = (n: FlowNode) => sourceHandlesOf(n).some((h) => h.id === 'next');
const nonTrigger = (flow: RuleFlow) => flow.nodes.filter((n) => n.type !== 'trigger');
const pickFrom = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];

const mutations: Mutation[] = [
  {
    name: 'an edge from a later step back to an earlier one',
    apply: (flow, pick) => {
      const index = indexFlow(flow);
      const loops = nonTrigger(flow).flatMap((start) =>
        [...reachableFrom(index, [start.id])]
          .filter((id) => id !== start.id && hasNextExit(index.nodes.get(id)!))
          .map((end) => ({ start: start.id, end })),
      );
      const loop = pickFrom(loops, pick);
      if (!loop) return null;
      const onLoop = [...reachableFrom(index, [loop.start])].filter((id) =>
        reachableFrom(index, [id]).has(loop.end),
      );
      const edges = [
        ...flow.edges,
        { id: 'loop-back', source: loop.end, target: loop.start, sourceHandle: 'next' },
      ];
      return {
        flow: { ...flow, edges },
        expect: { code: 'cycle', nodeId: expect.toBeOneOf(onLoop) as unknown as string },
      };
    },
  },
  {
    name: 'an edge to a node that does not exist',
    apply: (flow, pick) => {
      const source = pickFrom(flow.nodes.filter(hasNextExit), pick)!;
      return {
        flow: {
          ...flow,
          edges: [
            ...flow.edges,
            { id: 'to-ghost', source: source.id, target: 'ghost', sourceHandle: 'next' },
          ],
        },
        expect: { code: 'edge-dangling', edgeId: 'to-ghost' },
      };
    },
  },
  {
    name: 'a step nothing connects to',
    apply: (flow) => ({
      flow: {
        ...flow,
        nodes: [
          ...flow.nodes,
          { id: 'orphan', type: 'action', position: { x: 0, y: 0 }, data: { kind: 'stop' } },
        ],
      },
      expect: { code: 'node-disconnected', nodeId: 'orphan' },
    }),
  },
  {
    name: 'a condition branch disconnected',
    apply: (flow, pick) => {
      const branch = pickFrom(
        flow.edges.filter((e) => e.sourceHandle === 'then' || e.sourceHandle === 'otherwise'),
        pick,
      );
      if (!branch) return null;
      return {
        flow: { ...flow, edges: flow.edges.filter((e) => e !== branch) },
        expect: { code: 'branch-unwired', nodeId: branch.source },
      };
    },
  },
  {
    name: 'a second trigger',
    apply: (flow) => ({
      flow: {
        ...flow,
        nodes: [
          ...flow.nodes,
          { id: 'second-trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'jobOpened' } },
        ],
      },
      expect: { code: 'trigger-multiple', nodeId: 'second-trigger' },
    }),
  },
  {
    name: 'a score threshold above 100',
    apply: (flow, pick) => {
      const target = pickFrom(
        flow.nodes.filter((n) => n.type === 'condition'),
        pick,
      );
      if (!target) return null;
      const nodes = flow.nodes.map((n) =>
        n.id === target.id
          ? {
              ...n,
              data: { when: { field: 'score' as const, op: 'gte' as const, value: 100 + (pick % 50) + 1 } },
            }
          : n,
      ) as FlowNode[];
      return { flow: { ...flow, nodes }, expect: { code: 'score-out-of-range', nodeId: target.id } };
    },
  },
  {
    name: 'an email condition compared with a word',
    apply: (flow, pick) => {
      const target = pickFrom(
        flow.nodes.filter((n) => n.type === 'condition'),
        pick,
      );
      if (!target) return null;
      const nodes = flow.nodes.map((n) =>
        n.id === target.id
          ? { ...n, data: { when: { field: 'hasEmail' as const, op: 'is' as const, value: 'yes' } } }
          : n,
      ) as FlowNode[];
      return { flow: { ...flow, nodes }, expect: { code: 'condition-operand-type', nodeId: target.id } };
    },
  },
  {
    name: 'an edge into the trigger',
    apply: (flow, pick) => {
      const source = pickFrom(nonTrigger(flow).filter(hasNextExit), pick);
      if (!source) return null;
      return {
        flow: {
          ...flow,
          edges: [
            ...flow.edges,
            { id: 'into-trigger', source: source.id, target: 'trigger', sourceHandle: 'next' },
          ],
        },
        expect: { code: 'edge-into-trigger', edgeId: 'into-trigger' },
      };
    },
  },
  {
    name: 'a move to a stage deleted in Greenhouse',
    apply: (flow, pick) => {
      const target = pickFrom(
        flow.nodes.filter((n) => n.type === 'action' && hasNextExit(n)),
        pick,
      );
      if (!target) return null;
      const nodes = flow.nodes.map((n) =>
        n.id === target.id
          ? {
              ...n,
              data: { kind: 'moveToStage' as const, stage: { kind: 'greenhouse' as const, stageId: 9999 } },
            }
          : n,
      ) as FlowNode[];
      return { flow: { ...flow, nodes }, expect: { code: 'stage-missing', nodeId: target.id } };
    },
  },
];

describe('property: malformed flows are refused, pointing at the right node or edge', () => {
  it('each kind of mistake is reported as an error on the node or edge that has it, and compile refuses', () => {
    fc.assert(
      fc.property(validFlow, fc.constantFrom(...mutations), fc.nat(), (flow, mutation, pick) => {
        const broken = mutation.apply(structuredClone(flow), pick);
        fc.pre(broken !== null);
        const issues = validateFlow(broken!.flow, context);
        expect(issues, mutation.name).toContainEqual(
          expect.objectContaining({ severity: 'error', ...broken!.expect }),
        );
        const result = compile(broken!.flow, context);
        expect(result.ok, mutation.name).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
