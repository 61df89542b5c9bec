// Converting between the rule document (rules/flow-schema) and React Flow's nodes and edges, plus the
// palette's starting data. Pure: unit-tested without a browser.
import type { Edge, Node } from '@xyflow/react';
import dagre from '@dagrejs/dagre';
import { PALETTE_ENTRIES, sourceHandlesOf, type FlowNode, type RuleFlow } from '../../../rules';

export type RuleNodeData = { rule: FlowNode['data'] };
export type RuleCanvasNode = Node<RuleNodeData, FlowNode['type']>;

export function toCanvas(flow: RuleFlow): { nodes: RuleCanvasNode[]; edges: Edge[] } {
  return {
    nodes: flow.nodes.map((node) => ({
      id: node.id,
      type: node.type,
      position: node.position,
      data: { rule: node.data },
    })),
    edges: flow.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
      targetHandle: edge.targetHandle ?? 'in',
      label: edge.sourceHandle && edge.sourceHandle !== 'next' ? edge.sourceHandle : undefined,
    })),
  };
}

export function toRuleFlow(
  meta: Omit<RuleFlow, 'nodes' | 'edges'>,
  nodes: RuleCanvasNode[],
  edges: Edge[],
): RuleFlow {
  return {
    ...meta,
    nodes: nodes.map(
      (node) =>
        ({
          id: node.id,
          type: node.type,
          position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
          data: node.data.rule,
        }) as FlowNode,
    ),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
      targetHandle: edge.targetHandle ?? 'in',
    })),
  };
}

export type PaletteItem = {
  group: 'trigger' | 'condition' | 'action';
  key: string;
  label: string;
  description: string;
  /** A fresh node of this kind (new objects each call). */
  create: () => Pick<FlowNode, 'type' | 'data'>;
};

/** The canvas palette: the registry's kinds the autopilot carries out, in registry order. */
export const PALETTE: readonly PaletteItem[] = PALETTE_ENTRIES.map((entry) => ({
  group: entry.group,
  key: entry.kind,
  label: entry.palette.label,
  description: entry.palette.description,
  create: () => ({ type: entry.group, data: entry.start() }) as Pick<FlowNode, 'type' | 'data'>,
}));

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 96;

/**
 * Top-to-bottom layout of the whole graph (dagre), with every branch on the side its exit sits on: a
 * condition's "then" leaves the left of its box and "otherwise" the right (an approval's "approved" and
 * "rejected" likewise), so the "then" steps go left of the "otherwise" ones or their edges cross. Dagre
 * knows nothing of exits, so it is given the steps and edges in reading order (each branch in exit
 * order) and told which of two sibling steps goes left.
 */
export function autoLayout(nodes: RuleCanvasNode[], edges: Edge[]): RuleCanvasNode[] {
  return treeLayout(nodes, edges) ?? dagreLayout(nodes, edges);
}

const NODE_GAP = 40;
const RANK_GAP = 70;

/**
 * A flow without joins (every step reached by at most one edge, no loop) is a forest, and a forest can
 * always be drawn without a crossing: each step's subtree gets its own strip of the page, children side by
 * side in the order their exits sit on the box, the step centred above them. Dagre only tries to avoid
 * crossings (it drew some for such flows), so it is left for flows with joins. Null: not a forest.
 */
function treeLayout(nodes: RuleCanvasNode[], edges: Edge[]): RuleCanvasNode[] | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outgoing = outgoingInExitOrder(nodes, edges);
  const incoming = new Map<string, number>();
  for (const edge of edges) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  if ([...incoming.values()].some((count) => count > 1)) return null;
  const widthOf = (node: RuleCanvasNode) => node.measured?.width ?? NODE_WIDTH;
  const heightOf = (node: RuleCanvasNode) => node.measured?.height ?? NODE_HEIGHT;

  const roots = startOrder(nodes).filter((n) => !incoming.has(n.id));
  const depth = new Map<string, number>();
  const span = new Map<string, number>();
  const childrenOf = (id: string) =>
    (outgoing.get(id) ?? []).map((e) => e.target).filter((target) => byId.has(target));
  // Depth first from the roots; a step seen twice means a loop (or a join the count missed): not a forest.
  const measure = (id: string, level: number): number | null => {
    if (depth.has(id)) return null;
    depth.set(id, level);
    let children = 0;
    const targets = childrenOf(id);
    for (const target of targets) {
      const width = measure(target, level + 1);
      if (width === null) return null;
      children += width;
    }
    children += NODE_GAP * Math.max(0, targets.length - 1);
    const width = Math.max(widthOf(byId.get(id)!), children);
    span.set(id, width);
    return width;
  };
  for (const root of roots) if (measure(root.id, 0) === null) return null;
  if (depth.size !== nodes.length) return null;

  // Each level as tall as its tallest step.
  const levelHeight: number[] = [];
  for (const node of nodes) {
    const level = depth.get(node.id)!;
    levelHeight[level] = Math.max(levelHeight[level] ?? 0, heightOf(node));
  }
  const levelTop: number[] = [];
  levelHeight.forEach((height, level) => {
    levelTop[level] = level === 0 ? 0 : levelTop[level - 1]! + levelHeight[level - 1]! + RANK_GAP;
  });

  const placed = new Map<string, { x: number; y: number }>();
  const place = (id: string, left: number) => {
    const node = byId.get(id)!;
    const width = span.get(id)!;
    placed.set(id, { x: left + (width - widthOf(node)) / 2, y: levelTop[depth.get(id)!]! });
    const targets = childrenOf(id);
    const childrenWidth =
      targets.reduce((sum, target) => sum + span.get(target)!, 0) +
      NODE_GAP * Math.max(0, targets.length - 1);
    let x = left + (width - childrenWidth) / 2;
    for (const target of targets) {
      place(target, x);
      x += span.get(target)! + NODE_GAP;
    }
  };
  let left = 0;
  for (const root of roots) {
    place(root.id, left);
    left += span.get(root.id)! + NODE_GAP * 2;
  }
  return nodes.map((node) => ({ ...node, position: placed.get(node.id)! }));
}

function dagreLayout(nodes: RuleCanvasNode[], edges: Edge[]): RuleCanvasNode[] {
  const { order, edgesInOrder, siblings } = readingOrder(nodes, edges);
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: RANK_GAP });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of order) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? NODE_WIDTH,
      height: node.measured?.height ?? NODE_HEIGHT,
    });
  }
  for (const edge of edgesInOrder) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph, { constraints: siblings });
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? NODE_WIDTH;
    const height = node.measured?.height ?? NODE_HEIGHT;
    return placed ? { ...node, position: { x: placed.x - width / 2, y: placed.y - height / 2 } } : node;
  });
}

/**
 * The steps as a reader follows them: from each trigger (left to right as drawn) down every exit in
 * the order the exits sit on the box; then any step nothing leads to. `siblings` pairs the next steps of
 * one step's neighbouring exits, left before right.
 */
function readingOrder(nodes: RuleCanvasNode[], edges: Edge[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outgoing = outgoingInExitOrder(nodes, edges);

  const order: RuleCanvasNode[] = [];
  const edgesInOrder: Edge[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id) || !byId.has(id)) return;
    seen.add(id);
    order.push(byId.get(id)!);
    for (const edge of outgoing.get(id) ?? []) {
      edgesInOrder.push(edge);
      visit(edge.target);
    }
  };
  for (const node of startOrder(nodes)) visit(node.id);

  const siblings: { left: string; right: string }[] = [];
  for (const list of outgoing.values()) {
    for (let i = 1; i < list.length; i++) {
      const left = list[i - 1]!.target;
      const right = list[i]!.target;
      if (left !== right) siblings.push({ left, right });
    }
  }
  return { order, edgesInOrder, siblings };
}

/** Each step's edges in the order its exits sit on the box, left to right. */
function outgoingInExitOrder(nodes: RuleCanvasNode[], edges: Edge[]): Map<string, Edge[]> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const exitIndex = (edge: Edge) => {
    const source = byId.get(edge.source);
    if (!source?.type) return 0;
    const exits = sourceHandlesOf({ type: source.type, data: source.data.rule } as FlowNode);
    const index = exits.findIndex((e) => e.id === (edge.sourceHandle ?? 'next'));
    return index < 0 ? exits.length : index;
  };
  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  for (const list of outgoing.values()) list.sort((a, b) => exitIndex(a) - exitIndex(b));
  return outgoing;
}

/** Triggers first, then as drawn, left to right. */
function startOrder(nodes: RuleCanvasNode[]): RuleCanvasNode[] {
  return [...nodes].sort(
    (a, b) =>
      Number(b.type === 'trigger') - Number(a.type === 'trigger') ||
      a.position.x - b.position.x ||
      a.position.y - b.position.y,
  );
}

/** A fresh id for a node of this kind that does not clash with the flow's ids. */
export function freshNodeId(kind: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`;
    if (!taken.has(id)) return id;
  }
}
