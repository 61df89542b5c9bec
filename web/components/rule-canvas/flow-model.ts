// Converting between the rule document (rules/flow-schema) and React Flow's nodes and edges, plus the
// palette's starting data. Pure: unit-tested without a browser.
import type { Edge, Node } from '@xyflow/react';
import dagre from '@dagrejs/dagre';
import { PALETTE_ENTRIES, type FlowNode, type RuleFlow } from '../../../rules';

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

/** Top-to-bottom layout of the whole graph (dagre), keeping branch order. */
export function autoLayout(nodes: RuleCanvasNode[], edges: Edge[]): RuleCanvasNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? NODE_WIDTH,
      height: node.measured?.height ?? NODE_HEIGHT,
    });
  }
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? NODE_WIDTH;
    const height = node.measured?.height ?? NODE_HEIGHT;
    return placed ? { ...node, position: { x: placed.x - width / 2, y: placed.y - height / 2 } } : node;
  });
}

/** A fresh id for a node of this kind that does not clash with the flow's ids. */
export function freshNodeId(kind: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`;
    if (!taken.has(id)) return id;
  }
}
