// Converting between the rule document (rules/flow-schema) and React Flow's nodes and edges, plus the
// palette's starting data. Pure: unit-tested without a browser.
import type { Edge, Node } from '@xyflow/react';
import dagre from '@dagrejs/dagre';
import type { ActionData, ConditionData, FlowNode, RuleFlow, TriggerData } from '../../../rules';

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
  node: Pick<FlowNode, 'type' | 'data'>;
};

const trigger = (key: string, label: string, data: TriggerData): PaletteItem => ({
  group: 'trigger',
  key,
  label,
  node: { type: 'trigger', data },
});
const condition = (key: string, label: string, data: ConditionData): PaletteItem => ({
  group: 'condition',
  key,
  label,
  node: { type: 'condition', data },
});
const action = (key: string, label: string, data: ActionData): PaletteItem => ({
  group: 'action',
  key,
  label,
  node: { type: 'action', data },
});

export const PALETTE: readonly PaletteItem[] = [
  trigger('personMatched', 'Matched', { kind: 'personMatched' }),
  trigger('approvalDecided', 'Approval decided', { kind: 'approvalDecided', outcome: 'either' }),
  trigger('outreachEvent', 'Outreach reply', { kind: 'outreachEvent', events: ['repliedInterested'] }),
  trigger('stageChanged', 'Stage changed', { kind: 'stageChanged', from: null, to: null }),
  trigger('applicationRejected', 'Rejected in Greenhouse', { kind: 'applicationRejected' }),
  trigger('candidateHired', 'Hired', { kind: 'candidateHired' }),
  trigger('manualExportRequested', 'Export pressed', { kind: 'manualExportRequested' }),
  trigger('jobOpened', 'Job opened', { kind: 'jobOpened' }),
  trigger('jobClosed', 'Job closed', { kind: 'jobClosed' }),
  condition('score', 'Score ≥ 70', { when: { field: 'score', op: 'gte', value: 70 } }),
  condition('requirement', 'Requirement met', {
    when: { field: 'requirement', op: 'is', value: 'met', requirement: '' },
  }),
  condition('presence', 'Not in Greenhouse', {
    when: { field: 'greenhousePresence', op: 'is', value: 'none' },
  }),
  condition('hasEmail', 'Has email', { when: { field: 'hasEmail', op: 'is', value: true } }),
  condition('location', 'Location', { when: { field: 'location', op: 'in', value: [] } }),
  condition('inactive', 'Inactive 14 days', {
    when: { field: 'timeSinceLastActivity', op: 'gte', value: { amount: 14, unit: 'days' } },
  }),
  action('requestApproval', 'Request approval', {
    kind: 'requestApproval',
    approver: { kind: 'hiringTeam', role: 'recruiter' },
    timeout: { amount: 3, unit: 'days' },
    onTimeout: { then: 'escalate', to: { kind: 'hiringTeam', role: 'hiringManager' } },
  }),
  action('exportAsCandidate', 'Export to Greenhouse', {
    kind: 'exportAsCandidate',
    stage: { kind: 'mapped', pipelineStage: 'exported' },
  }),
  action('exportAsProspect', 'Export as prospect', {
    kind: 'exportAsProspect',
    poolId: null,
    poolStageId: null,
  }),
  action('moveToStage', 'Move to stage', { kind: 'moveToStage', stage: null }),
  action('advanceStage', 'Advance stage', { kind: 'advanceStage' }),
  action('reject', 'Reject', { kind: 'reject', rejectionReasonId: null, sendEmail: false }),
  action('addNote', 'Add note', {
    kind: 'addNote',
    body: 'Matched {{name}} at {{score}}: {{reasons}}',
    visibility: 'private',
  }),
  action('tag', 'Tag', { kind: 'tag', tag: 'pilothouse', where: 'pilothouse' }),
  action('notify', 'Notify', {
    kind: 'notify',
    channel: { type: 'inApp', to: { kind: 'hiringTeam', role: 'recruiter' } },
    message: '',
  }),
  action('wait', 'Wait', { kind: 'wait', duration: { amount: 2, unit: 'days' } }),
  action('stop', 'Stop', { kind: 'stop', reason: '' }),
];

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
