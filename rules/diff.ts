// What changed between two versions of a flow, for the publish dialog and the audit log. Edges are compared
// by what they join, not by id, because the canvas gives a redrawn edge a new id; moving boxes around is
// reported apart from changes in what the rule does.
import type { Names } from './describe';
import { describeActionInFull, describeNode, stepName } from './describe';
import type { FlowEdge, FlowNode, RuleFlow } from './flow-schema';
import { branchOf } from './graph';
import { canonicalJson } from './hash';

export type NodeChange = { nodeId: string; before: string; after: string; fields: string[] };
export type EdgeChange = { edgeId: string; source: string; target: string; branch: string };

export type FlowDiff = {
  nodesAdded: { nodeId: string; text: string }[];
  nodesRemoved: { nodeId: string; text: string }[];
  nodesChanged: NodeChange[];
  /** Nodes only dragged to another place on the canvas. */
  nodesMoved: string[];
  edgesAdded: EdgeChange[];
  edgesRemoved: EdgeChange[];
  /** One line per change, in a recruiter's words, for the publish dialog. */
  lines: string[];
  /** False when only layout, labels or the flow's name changed: the plan does the same thing. */
  changesBehaviour: boolean;
};

const KIND_WORD: Record<FlowNode['type'], string> = {
  trigger: 'trigger',
  condition: 'condition',
  action: 'step',
};

const ACK_WORDS: Record<string, string> = {
  'reject-without-approval': 'rejecting without a person approving first',
};

function fullText(node: FlowNode, names?: Names): string {
  return node.type === 'action' ? describeActionInFull(node.data, names) : describeNode(node, names);
}

function edgeChange(edge: FlowEdge, nodes: Map<string, FlowNode>): EdgeChange {
  const source = nodes.get(edge.source);
  const branch = (source ? branchOf(source, edge.sourceHandle) : null) ?? edge.sourceHandle ?? 'next';
  return { edgeId: edge.id, source: edge.source, target: edge.target, branch };
}

function edgeKey(change: EdgeChange): string {
  return `${change.source}\u0000${change.branch}\u0000${change.target}`;
}

function changedFields(before: FlowNode, after: FlowNode): string[] {
  if (before.type !== after.type) return ['type'];
  const left = before.data as Record<string, unknown>;
  const right = after.data as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => canonicalJson(left[key] ?? null) !== canonicalJson(right[key] ?? null))
    .sort();
}

/** Compares two versions; `previous` is null for a flow's first publication. */
export function diffFlows(previous: RuleFlow | null, next: RuleFlow, names?: Names): FlowDiff {
  const before = new Map((previous?.nodes ?? []).map((n) => [n.id, n]));
  const after = new Map(next.nodes.map((n) => [n.id, n]));
  const diff: FlowDiff = {
    nodesAdded: [],
    nodesRemoved: [],
    nodesChanged: [],
    nodesMoved: [],
    edgesAdded: [],
    edgesRemoved: [],
    lines: [],
    changesBehaviour: false,
  };

  // Steps are named as people read them (label, or "Score ≥ 70"), never by their internal ids.
  const nameIn = (nodes: Map<string, FlowNode>, id: string) => {
    const node = nodes.get(id);
    return node ? stepName(node, names) : 'a removed step';
  };
  const labelled = (node: FlowNode, text: string) =>
    node.data.label?.trim() ? `“${node.data.label.trim()}” (${text})` : text;
  const via = (edge: EdgeChange) => (edge.branch === 'next' ? '' : ` (${edge.branch})`);

  if (previous && previous.name !== next.name)
    diff.lines.push(`Renamed the flow from "${previous.name}" to "${next.name}"`);

  for (const node of next.nodes) {
    const old = before.get(node.id);
    if (!old) {
      const text = fullText(node, names);
      diff.nodesAdded.push({ nodeId: node.id, text });
      diff.lines.push(`Added ${KIND_WORD[node.type]}: ${labelled(node, text)}`);
      continue;
    }
    const fields = changedFields(old, node);
    if (fields.length > 0) {
      const change = { nodeId: node.id, before: fullText(old, names), after: fullText(node, names), fields };
      diff.nodesChanged.push(change);
      diff.lines.push(
        change.before === change.after
          ? `Relabelled ${KIND_WORD[node.type]} “${stepName(old, names)}” as “${stepName(node, names)}”`
          : `Changed ${KIND_WORD[node.type]} “${stepName(old, names)}”: ${change.before} → ${change.after}`,
      );
    } else if (old.position.x !== node.position.x || old.position.y !== node.position.y) {
      diff.nodesMoved.push(node.id);
    }
  }
  for (const node of previous?.nodes ?? []) {
    if (after.has(node.id)) continue;
    const text = fullText(node, names);
    diff.nodesRemoved.push({ nodeId: node.id, text });
    diff.lines.push(`Removed ${KIND_WORD[node.type]}: ${labelled(node, text)}`);
  }

  const oldEdges = (previous?.edges ?? []).map((e) => edgeChange(e, before));
  const newEdges = next.edges.map((e) => edgeChange(e, after));
  const oldKeys = new Set(oldEdges.map(edgeKey));
  const newKeys = new Set(newEdges.map(edgeKey));
  for (const edge of newEdges) {
    if (oldKeys.has(edgeKey(edge))) continue;
    diff.edgesAdded.push(edge);
    diff.lines.push(
      `Connected “${nameIn(after, edge.source)}”${via(edge)} to “${nameIn(after, edge.target)}”`,
    );
  }
  for (const edge of oldEdges) {
    if (newKeys.has(edgeKey(edge))) continue;
    diff.edgesRemoved.push(edge);
    diff.lines.push(
      `Disconnected “${nameIn(before, edge.source)}”${via(edge)} from “${nameIn(before, edge.target)}”`,
    );
  }

  const acknowledged = new Set((previous?.acknowledgements ?? []).map((a) => `${a.nodeId}\u0000${a.code}`));
  for (const ack of next.acknowledgements) {
    if (!acknowledged.has(`${ack.nodeId}\u0000${ack.code}`)) {
      diff.lines.push(
        `${ack.acknowledgedBy} accepted ${ACK_WORDS[ack.code] ?? `"${ack.code}"`} for “${nameIn(after, ack.nodeId)}”`,
      );
    }
  }

  if (diff.nodesMoved.length > 0) {
    diff.lines.push(
      `Moved ${diff.nodesMoved.length} node${diff.nodesMoved.length > 1 ? 's' : ''} on the canvas`,
    );
  }
  diff.changesBehaviour =
    diff.nodesAdded.length > 0 ||
    diff.nodesRemoved.length > 0 ||
    diff.edgesAdded.length > 0 ||
    diff.edgesRemoved.length > 0 ||
    diff.nodesChanged.some((c) => c.fields.some((f) => f !== 'label'));
  return diff;
}
