// Auto-layout on the rule canvas: every branching step's "then" branch lies on its left and "otherwise" on
// its right (as its exits sit on the box), so no two edges cross — whatever order the steps were drawn in.
import type { Edge } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultFlow, sourceHandlesOf, type FlowNode } from '../../../rules/index';
import {
  autoLayout,
  NODE_HEIGHT,
  NODE_WIDTH,
  toCanvas,
  type RuleCanvasNode,
} from '../../../web/components/rule-canvas/flow-model';
import {
  approval,
  exportAsCandidate,
  fromUser,
  flowOf,
  note,
  requestApproval,
  score,
  stop,
  tag,
  trigger,
  when,
} from '../rules/fixtures/build-flow';
import { validFlow } from '../rules/fixtures/random-flows';

type Point = { x: number; y: number };
type Segment = { from: Point; to: Point; id: string };

/** Each edge as drawn: from its exit on the bottom of the step (spread as nodes.tsx spreads them) to the top of the next. */
function drawnEdges(nodes: RuleCanvasNode[], edges: Edge[]): Segment[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return edges.map((edge) => {
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    const exits = sourceHandlesOf({ type: source.type!, data: source.data.rule } as FlowNode);
    const index = Math.max(
      0,
      exits.findIndex((e) => e.id === (edge.sourceHandle ?? 'next')),
    );
    return {
      id: edge.id,
      from: {
        x: source.position.x + (NODE_WIDTH * (index + 1)) / (exits.length + 1),
        y: source.position.y + NODE_HEIGHT,
      },
      to: { x: target.position.x + NODE_WIDTH / 2, y: target.position.y },
    };
  });
}

function cross(a: Segment, b: Segment): boolean {
  const shared = [a.from, a.to].some((p) => [b.from, b.to].some((q) => p.x === q.x && p.y === q.y));
  if (shared) return false;
  const side = (p: Point, q: Point, r: Point) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return (
    side(a.from, a.to, b.from) * side(a.from, a.to, b.to) < 0 &&
    side(b.from, b.to, a.from) * side(b.from, b.to, a.to) < 0
  );
}

function crossings(nodes: RuleCanvasNode[], edges: Edge[]): string[] {
  const drawn = drawnEdges(nodes, edges);
  const found: string[] = [];
  for (let i = 0; i < drawn.length; i++)
    for (let j = i + 1; j < drawn.length; j++)
      if (cross(drawn[i]!, drawn[j]!)) found.push(`${drawn[i]!.id} × ${drawn[j]!.id}`);
  return found;
}

/** Steps and edges in the order given: an admin may drop and connect the "otherwise" side first. */
function laidOut(flow: ReturnType<typeof flowOf>, order: (ids: string[]) => string[] = (ids) => ids) {
  const canvas = toCanvas(flow);
  const ids = order(canvas.nodes.map((n) => n.id));
  const nodes = ids.map((id) => canvas.nodes.find((n) => n.id === id)!);
  const edges = order(canvas.edges.map((e) => e.id)).map((id) => canvas.edges.find((e) => e.id === id)!);
  return { nodes: autoLayout(nodes, edges), edges };
}

/** A few fixed shuffles (a small seeded generator): the order steps were drawn in must not matter. */
function shuffles(count: number): ((ids: string[]) => string[])[] {
  const orders: ((ids: string[]) => string[])[] = [(ids) => ids, (ids) => [...ids].reverse()];
  for (let seed = 1; orders.length < count; seed++) {
    orders.push((ids) => {
      let state = seed * 7919;
      const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
      const copy = [...ids];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    });
  }
  return orders;
}

const centre = (nodes: RuleCanvasNode[], id: string) =>
  nodes.find((n) => n.id === id)!.position.x + NODE_WIDTH / 2;

describe('auto-layout of a rule flow', () => {
  // matched → score ≥ 70 → (then) request approval → (approved) export / (rejected) stop; (otherwise) stop
  const journey = flowOf(trigger.personMatched(), [
    when(
      score('gte', 70),
      [approval(requestApproval(fromUser(7)), [exportAsCandidate()], [stop()], 'ask')],
      [stop(), tag('not-now')],
      'fit',
    ),
  ]);

  it('puts "then" left of "otherwise" and "approved" left of "rejected", with no edges crossing', () => {
    for (const order of shuffles(12)) {
      const { nodes, edges } = laidOut(journey, order);
      const thenTarget = edges.find((e) => e.source === 'fit' && e.sourceHandle === 'then')!.target;
      const otherwiseTarget = edges.find((e) => e.source === 'fit' && e.sourceHandle === 'otherwise')!.target;
      expect(centre(nodes, thenTarget)).toBeLessThan(centre(nodes, otherwiseTarget));
      const approved = edges.find((e) => e.source === 'ask' && e.sourceHandle === 'approved')!.target;
      const rejected = edges.find((e) => e.source === 'ask' && e.sourceHandle === 'rejected')!.target;
      expect(centre(nodes, approved)).toBeLessThan(centre(nodes, rejected));
      expect(crossings(nodes, edges)).toEqual([]);
    }
  });

  it('lays out the default flow a new job starts with without a crossing', () => {
    const flow = createDefaultFlow({ jobId: 4001, flowId: 'default' });
    for (const order of shuffles(6)) {
      const { nodes, edges } = laidOut(flow, order);
      expect(centre(nodes, 'approval')).toBeLessThan(centre(nodes, 'below-threshold'));
      expect(centre(nodes, 'export')).toBeLessThan(centre(nodes, 'not-approved'));
      expect(crossings(nodes, edges)).toEqual([]);
    }
  });

  it('keeps nested conditions in order on both sides, whichever way round the steps were drawn', () => {
    const nested = flowOf(trigger.personMatched(), [
      when(
        score('gte', 80),
        [when(score('gte', 90), [tag('star'), exportAsCandidate()], [note('good')], 'great')],
        [when(score('lt', 30), [stop()], [tag('maybe')], 'weak')],
        'strong',
      ),
    ]);
    for (const order of shuffles(12)) {
      const { nodes, edges } = laidOut(nested, order);
      for (const branching of ['strong', 'great', 'weak']) {
        const thenTarget = edges.find((e) => e.source === branching && e.sourceHandle === 'then')!.target;
        const otherwiseTarget = edges.find(
          (e) => e.source === branching && e.sourceHandle === 'otherwise',
        )!.target;
        expect(centre(nodes, thenTarget), branching).toBeLessThan(centre(nodes, otherwiseTarget));
      }
      expect(crossings(nodes, edges)).toEqual([]);
    }
  });

  it('draws any flow without joins (every step reached by one edge) with no two edges crossing', () => {
    const withoutJoins = validFlow.filter((flow) =>
      flow.nodes.every((n) => flow.edges.filter((e) => e.target === n.id).length <= 1),
    );
    fc.assert(
      fc.property(withoutJoins, (flow) => {
        const { nodes, edges } = laidOut(flow);
        expect(crossings(nodes, edges)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
