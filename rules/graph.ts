// Graph walking over a rule flow, used while drawing, validating and compiling — never while evaluating:
// evaluation runs the compiled plan, a flat list.
// Maps and Sets here are local to each call; nothing built here leaves as data.
import type { FlowEdge, FlowNode, RuleFlow } from './flow-schema';
import type { Branch } from './node-types';
import { sourceHandlesOf, TARGET_HANDLE } from './node-types';

export type FlowIndex = {
  nodes: Map<string, FlowNode>;
  /** Edges whose two ends exist, in a stable order: by exit (then before otherwise), then target id. */
  outgoing: Map<string, FlowEdge[]>;
  incoming: Map<string, FlowEdge[]>;
};

/**
 * The branch an edge leaves by. React Flow leaves `sourceHandle` null when a node has one unnamed exit,
 * so null means "the only exit" and is refused where there is a choice to make.
 */
export function branchOf(node: FlowNode, sourceHandle: string | null | undefined): Branch | null {
  const handles = sourceHandlesOf(node);
  if (sourceHandle === null || sourceHandle === undefined)
    return handles.length === 1 ? handles[0]!.id : null;
  return handles.find((h) => h.id === sourceHandle)?.id ?? null;
}

export function isKnownTargetHandle(targetHandle: string | null | undefined): boolean {
  return targetHandle === null || targetHandle === undefined || targetHandle === TARGET_HANDLE;
}

function exitRank(node: FlowNode, edge: FlowEdge): number {
  const branch = branchOf(node, edge.sourceHandle);
  const rank = sourceHandlesOf(node).findIndex((h) => h.id === branch);
  return rank < 0 ? Number.MAX_SAFE_INTEGER : rank;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function indexFlow(flow: Pick<RuleFlow, 'nodes' | 'edges'>): FlowIndex {
  const nodes = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const outgoing = new Map<string, FlowEdge[]>();
  const incoming = new Map<string, FlowEdge[]>();
  for (const node of nodes.values()) {
    outgoing.set(node.id, []);
    incoming.set(node.id, []);
  }
  for (const edge of flow.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }
  for (const [id, edges] of outgoing) {
    const node = nodes.get(id)!;
    edges.sort(
      (a, b) =>
        exitRank(node, a) - exitRank(node, b) || compareIds(a.target, b.target) || compareIds(a.id, b.id),
    );
  }
  return { nodes, outgoing, incoming };
}

/** The nodes one step downstream of a node, as React Flow's `getOutgoers` would give them. */
export function outgoers(index: FlowIndex, nodeId: string): FlowNode[] {
  return (index.outgoing.get(nodeId) ?? []).map((edge) => index.nodes.get(edge.target)!);
}

/** Every node reachable from the start nodes (inclusive), following only the edges `follow` accepts. */
export function reachableFrom(
  index: FlowIndex,
  start: readonly string[],
  follow: (edge: FlowEdge) => boolean = () => true,
): Set<string> {
  const seen = new Set<string>();
  const todo = start.filter((id) => index.nodes.has(id));
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of index.outgoing.get(id) ?? [])
      if (follow(edge) && !seen.has(edge.target)) todo.push(edge.target);
  }
  return seen;
}

export type CycleFound = {
  /** The edge that closes the loop; removing it breaks this cycle. */
  closingEdge: FlowEdge;
  /** The nodes around the loop, starting and ending at the same node. */
  path: string[];
};

/** Each loop once, found by a depth-first search in a stable order so the same flow reports the same edges. */
export function findCycles(index: FlowIndex): CycleFound[] {
  const state = new Map<string, 'open' | 'done'>();
  const found: CycleFound[] = [];
  const roots = [...index.nodes.keys()].sort((a, b) => {
    const triggerFirst =
      Number(index.nodes.get(b)!.type === 'trigger') - Number(index.nodes.get(a)!.type === 'trigger');
    return triggerFirst || compareIds(a, b);
  });
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = index.outgoing.get(frame.id)!;
      const edge = edges[frame.next++];
      if (!edge) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(edge.target);
      if (seen === 'open') {
        const from = stack.findIndex((f) => f.id === edge.target);
        found.push({ closingEdge: edge, path: [...stack.slice(from).map((f) => f.id), edge.target] });
      } else if (seen === undefined) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
  return found;
}

/** Would an edge from `source` to `target` close a loop? True when `source` is already downstream of `target`. */
export function wouldCreateCycle(index: FlowIndex, source: string, target: string): boolean {
  if (source === target) return true;
  return reachableFrom(index, [target]).has(source);
}

/**
 * The reachable nodes in the order a recruiter reads the canvas: each branch followed to its end before the
 * next (then before otherwise, approved before rejected), and every node after all nodes that lead to it.
 * This is a reverse post-order of a depth-first search; children are visited last-first so the first
 * branch comes out first. Only meaningful for a flow without cycles.
 */
export function readingOrder(index: FlowIndex, startId: string): string[] {
  const done = new Set<string>();
  const postOrder: string[] = [];
  const stack: { id: string; children: string[] }[] = [];
  const open = (id: string) => {
    done.add(id);
    const children = (index.outgoing.get(id) ?? []).map((e) => e.target).reverse();
    stack.push({ id, children });
  };
  if (!index.nodes.has(startId)) return [];
  open(startId);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children.shift();
    if (child === undefined) {
      postOrder.push(frame.id);
      stack.pop();
    } else if (!done.has(child)) {
      open(child);
    }
  }
  return postOrder.reverse();
}
