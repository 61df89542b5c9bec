// The shape of a flow: one trigger, edges that join real nodes by real exits, no loops, nothing left
// hanging. Content of the nodes is checked in validate-nodes.
import { stepName } from './describe';
import type { FlowNode, RuleFlow } from './flow-schema';
import type { FlowIndex } from './graph';
import { branchOf, findCycles, indexFlow, isKnownTargetHandle, reachableFrom } from './graph';
import type { ValidationIssue } from './issues';
import { sourceHandlesOf } from './node-types';

// Steps are named as people read them ("Score at least 70"), never by their internal ids.
function named(node: FlowNode): string {
  return `“${stepName(node)}”`;
}

export function validateGraph(flow: RuleFlow, index: FlowIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nameOf = (id: string) => {
    const node = index.nodes.get(id);
    return node ? named(node) : 'a step that no longer exists';
  };

  const seenNodeIds = new Set<string>();
  for (const node of flow.nodes) {
    if (seenNodeIds.has(node.id)) {
      issues.push({
        severity: 'error',
        code: 'node-duplicate-id',
        nodeId: node.id,
        message: `Two steps share one id (${named(node)} and a copy of it): give the copy a new id in the imported file (connections cannot tell them apart).`,
      });
    }
    seenNodeIds.add(node.id);
  }
  const seenEdgeIds = new Set<string>();
  for (const edge of flow.edges) {
    if (seenEdgeIds.has(edge.id)) {
      issues.push({
        severity: 'error',
        code: 'edge-duplicate-id',
        edgeId: edge.id,
        message: `Two connections share one id (from ${nameOf(edge.source)} to ${nameOf(edge.target)}): give the copy a new id in the imported file.`,
      });
    }
    seenEdgeIds.add(edge.id);
  }

  const triggers = [...index.nodes.values()].filter((n) => n.type === 'trigger');
  if (triggers.length === 0) {
    issues.push({
      severity: 'error',
      code: 'trigger-missing',
      message: 'This flow has no trigger: add one (e.g. "Person matched") so the flow knows when to start.',
    });
  }
  for (const extra of triggers.slice(1)) {
    issues.push({
      severity: 'error',
      code: 'trigger-multiple',
      nodeId: extra.id,
      message: `Trigger ${named(extra)} is a second trigger; a flow has exactly one (the first is ${named(triggers[0]!)}). Delete it, or move it into a flow of its own.`,
    });
  }

  // Edges whose problems are already reported are left out of the loop search, so one mistake is one issue.
  const reported = new Set<string>();
  const seenConnections = new Set<string>();
  const usedSingleExits = new Set<string>();
  for (const edge of flow.edges) {
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    const fail = (issue: Omit<ValidationIssue, 'severity' | 'edgeId'>) => {
      issues.push({ severity: 'error', edgeId: edge.id, ...issue });
      reported.add(edge.id);
    };
    if (!source || !target) {
      fail({
        code: 'edge-dangling',
        message: `A connection goes from ${nameOf(edge.source)} to ${nameOf(edge.target)}: delete the connection or reconnect it.`,
      });
      continue;
    }
    if (edge.source === edge.target) {
      fail({
        code: 'edge-self-loop',
        nodeId: source.id,
        message: `A connection leads from ${named(source)} back into itself: a step cannot follow itself. Delete the connection.`,
      });
      continue;
    }
    if (target.type === 'trigger') {
      fail({
        code: 'edge-into-trigger',
        nodeId: target.id,
        message: `A connection leads into the trigger ${named(target)}; a trigger only starts a flow. Delete the connection.`,
      });
      continue;
    }
    const exits = sourceHandlesOf(source);
    if (exits.length === 0) {
      fail({
        code: 'edge-from-stop',
        nodeId: source.id,
        message: `A connection leaves ${named(source)}, but nothing follows a Stop. Delete the connection, or replace the Stop.`,
      });
      continue;
    }
    const branch = branchOf(source, edge.sourceHandle);
    if (branch === null) {
      const choices = exits.map((h) => `"${h.id}"`).join(' or ');
      fail({
        code: 'edge-unknown-handle',
        nodeId: source.id,
        message:
          edge.sourceHandle == null
            ? `A connection leaves ${named(source)} without saying which way: connect it from ${choices}.`
            : `A connection leaves ${named(source)} by "${edge.sourceHandle}", which it does not have: use ${choices}.`,
      });
      continue;
    }
    if (!isKnownTargetHandle(edge.targetHandle)) {
      fail({
        code: 'edge-unknown-handle',
        nodeId: target.id,
        message: `A connection enters ${named(target)} by "${edge.targetHandle}"; steps have one entry, at the top. Reconnect it.`,
      });
      continue;
    }
    const connection = `${source.id}\u0000${branch}\u0000${target.id}`;
    if (seenConnections.has(connection)) {
      fail({
        code: 'edge-duplicate',
        nodeId: source.id,
        message: `The connection from ${named(source)} (${branch}) to ${named(target)} is drawn twice: delete one of them.`,
      });
      continue;
    }
    seenConnections.add(connection);
    const exit = exits.find((h) => h.id === branch)!;
    const exitKey = `${source.id}\u0000${branch}`;
    if (!exit.allowsSeveralEdges && usedSingleExits.has(exitKey)) {
      fail({
        code: 'handle-multiple-edges',
        nodeId: source.id,
        message: `The "${branch}" branch of ${named(source)} already leads somewhere; a second connection to ${named(target)} would make it lead to two places. Put the steps one after another instead.`,
      });
      continue;
    }
    usedSingleExits.add(exitKey);
  }

  const clean = indexFlow({
    nodes: [...index.nodes.values()],
    edges: flow.edges.filter((e) => !reported.has(e.id)),
  });
  for (const cycle of findCycles(clean)) {
    issues.push({
      severity: 'error',
      code: 'cycle',
      edgeId: cycle.closingEdge.id,
      nodeId: cycle.closingEdge.source,
      message: `The connection from ${nameOf(cycle.closingEdge.source)} back to ${nameOf(cycle.closingEdge.target)} closes a loop (${cycle.path.map(nameOf).join(' → ')}): a rule must always move forward. Delete the connection or point it at a later step.`,
    });
  }

  for (const trigger of triggers) {
    if ((index.outgoing.get(trigger.id) ?? []).length === 0) {
      issues.push({
        severity: 'error',
        code: 'trigger-unwired',
        nodeId: trigger.id,
        message: `Trigger ${named(trigger)} leads nowhere: connect it to the first condition or action.`,
      });
    }
  }

  if (triggers.length > 0) {
    const reachable = reachableFrom(index, [triggers[0]!.id]);
    for (const node of index.nodes.values()) {
      if (node.type === 'trigger' || reachable.has(node.id)) continue;
      const touched = index.incoming.get(node.id)!.length + index.outgoing.get(node.id)!.length > 0;
      issues.push({
        severity: 'error',
        code: touched ? 'node-unreachable' : 'node-disconnected',
        nodeId: node.id,
        message: touched
          ? `${capitalized(named(node))} cannot be reached from the trigger: connect it after a step that runs, or delete it.`
          : `${capitalized(named(node))} is not connected to anything: connect it after a step, or delete it.`,
      });
    }
  }

  for (const node of index.nodes.values()) {
    const usedExits = new Set((index.outgoing.get(node.id) ?? []).map((e) => branchOf(node, e.sourceHandle)));
    if (node.type === 'condition') {
      for (const branch of ['then', 'otherwise'] as const) {
        if (usedExits.has(branch)) continue;
        issues.push({
          severity: 'error',
          code: 'branch-unwired',
          nodeId: node.id,
          message: `The "${branch}" branch of condition ${named(node)} leads nowhere: connect it to the next step, or to a Stop if nothing should happen.`,
        });
      }
    }
    if (node.type === 'action' && node.data.kind === 'requestApproval' && !usedExits.has('approved')) {
      issues.push({
        severity: 'error',
        code: 'branch-unwired',
        nodeId: node.id,
        message: `Nothing follows "approved" on ${named(node)}: connect what should happen once the person is approved.`,
      });
    }
  }

  return issues;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
