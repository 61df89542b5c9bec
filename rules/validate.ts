// Everything wrong with a flow, in one list: the shape, each node's contents, and the policy that nobody
// is rejected without a person having had a say unless an admin has explicitly accepted it.
import type { ValidationContext } from './context';
import { stepName, type Names } from './describe';
import { registryEntryOf, type AnyEntry } from './registry';
import type { Acknowledgement, RuleFlow } from './flow-schema';
import type { FlowIndex } from './graph';
import { branchOf, indexFlow, reachableFrom } from './graph';
import type { ValidationIssue } from './issues';
import { validateGraph } from './validate-graph';
import { flowSubject, validateNode } from './validate-nodes';

/**
 * Validates a flow. With a context, references to Greenhouse data and the connection's scopes are checked
 * too; without one (a draft being drawn, an import), only what the document itself can tell.
 * Issues come in a stable order: the shape first, then each node in document order, then policy.
 */
export function validateFlow(flow: RuleFlow, context?: ValidationContext): ValidationIssue[] {
  const index = indexFlow(flow);
  const subject = flowSubject(flow.nodes);
  const issues = validateGraph(flow, index);
  for (const node of index.nodes.values()) issues.push(...validateNode(node, subject, context));
  issues.push(...rejectionsWithoutApproval(index, context));
  return applyAcknowledgements(issues, flow.acknowledgements);
}

/**
 * A reject step that some path reaches without a person deciding first. Paths through an approval count as
 * decided by a person, except the branch its timeout takes by itself (auto-approve, auto-reject).
 */
function rejectionsWithoutApproval(
  index: FlowIndex,
  context: ValidationContext | undefined,
): ValidationIssue[] {
  const trigger = [...index.nodes.values()].find((n) => n.type === 'trigger');
  if (!trigger || trigger.data.kind === 'approvalDecided') return [];
  const unattended = reachableFrom(index, [trigger.id], (edge) => {
    const source = index.nodes.get(edge.source)!;
    if (source.type !== 'action' || source.data.kind !== 'requestApproval') return true;
    const branch = branchOf(source, edge.sourceHandle);
    const automatic = source.data.onTimeout.then;
    return (
      (automatic === 'approve' && branch === 'approved') || (automatic === 'reject' && branch === 'rejected')
    );
  });
  const issues: ValidationIssue[] = [];
  for (const node of index.nodes.values()) {
    if (node.type !== 'action' || node.data.kind !== 'reject' || !unattended.has(node.id)) continue;
    issues.push({
      severity: 'warning',
      code: 'reject-without-approval',
      nodeId: node.id,
      requiresAcknowledgement: true,
      acknowledged: false,
      message: `“${stepName(node, context)}” can reject someone without a person approving it first: put a "Request approval" step before it, or acknowledge that this rule may reject on its own.`,
    });
  }
  return issues;
}

function applyAcknowledgements(
  issues: ValidationIssue[],
  acknowledgements: readonly Acknowledgement[],
): ValidationIssue[] {
  return issues.map((issue) =>
    issue.requiresAcknowledgement &&
    acknowledgements.some((ack) => ack.nodeId === issue.nodeId && ack.code === issue.code)
      ? { ...issue, acknowledged: true }
      : issue,
  );
}

/**
 * Steps of a kind the running autopilot does not carry out yet (the registry's `carriedOut`). The palette
 * does not offer them, but an imported or older draft may hold one; publishing refuses it, so a published
 * rule never promises what nobody does. Apart from `validateFlow` because it is about this deployment's
 * runtime, not about the document: the evaluator and compiler handle every kind.
 */
export function stepsNotCarriedOut(
  flow: RuleFlow,
  names?: Names,
  carriedOut: (entry: AnyEntry) => boolean = (entry) => entry.carriedOut,
): ValidationIssue[] {
  return flow.nodes.flatMap((node): ValidationIssue[] => {
    const entry = registryEntryOf(node);
    if (carriedOut(entry)) return [];
    return [
      {
        severity: 'error',
        code: 'kind-not-carried-out',
        nodeId: node.id,
        message: `“${stepName(node, names)}”: "${entry.palette.label}" steps are not carried out by the autopilot yet, so this rule would silently skip it. Remove the step or replace it.`,
      },
    ];
  });
}
