// What validation reports. Every issue names the node or edge it is about and says how to fix it, so the
// canvas can put it next to the right box and the admin knows what to do.

export type IssueSeverity = 'error' | 'warning';

export type ValidationIssue = {
  severity: IssueSeverity;
  code: IssueCode;
  nodeId?: string;
  edgeId?: string;
  /** Where inside the node the problem is, e.g. `data.when.conditions[1].value`. */
  path?: string;
  message: string;
  /** A warning the admin must explicitly accept before the flow can be published. */
  requiresAcknowledgement?: boolean;
  acknowledged?: boolean;
};

export const ISSUE_CODES = [
  // the graph
  'node-duplicate-id',
  'edge-duplicate-id',
  'trigger-missing',
  'trigger-multiple',
  'trigger-unwired',
  'edge-dangling',
  'edge-self-loop',
  'edge-into-trigger',
  'edge-from-stop',
  'edge-unknown-handle',
  'edge-duplicate',
  'handle-multiple-edges',
  'cycle',
  'node-disconnected',
  'node-unreachable',
  'branch-unwired',
  // node contents
  'condition-empty-group',
  'condition-operator',
  'condition-operand-type',
  'score-out-of-range',
  'duration-out-of-range',
  'requirement-missing',
  'requirement-unknown',
  'needs-person',
  'trigger-no-events',
  'trigger-score-threshold',
  'stage-missing',
  'stage-unmapped',
  'stage-inactive',
  'job-missing',
  'job-not-open',
  'pool-missing',
  'pool-stage-missing',
  'rejection-reason-missing',
  'approver-missing',
  'user-missing',
  'user-disabled',
  'webhook-url-invalid',
  'text-empty',
  'template-unknown-placeholder',
  'scope-missing',
  'kind-not-carried-out',
  // policy
  'reject-without-approval',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Errors, and warnings that need an acknowledgement nobody has given yet. */
export function publishBlockers(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.filter(
    (issue) =>
      issue.severity === 'error' || (issue.requiresAcknowledgement === true && issue.acknowledged !== true),
  );
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
