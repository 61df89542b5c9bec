// The pure half of publishing: deciding whether a flow may be published and building the immutable version
// record. Storing it and signalling the running workflows happen elsewhere.
import { compile } from './compile';
import type { ValidationContext } from './context';
import type { FlowDiff } from './diff';
import { diffFlows } from './diff';
import type { RuleFlow } from './flow-schema';
import type { ValidationIssue } from './issues';
import { publishBlockers } from './issues';
import type { RulePlan } from './plan';
import { validateFlow } from './validate';

export type PublishedRuleVersion = {
  flowId: string;
  jobId: number;
  /** 1 for a flow's first publication, then one more each time. */
  version: number;
  flow: RuleFlow;
  plan: RulePlan;
  hash: string;
  publishedBy: { userId: number | null; name: string };
  /** ISO 8601. */
  publishedAt: string;
  /**
   * Whether the new rules also apply to people the autopilot has already handled. Off unless the admin
   * asks: publishing a rule should not suddenly export everyone seen last month.
   */
  retroactive: boolean;
  /** The diff's lines against the previous version, kept for the audit log. */
  changes: string[];
};

export type PublishRequest = {
  flow: RuleFlow;
  context: ValidationContext;
  previous: PublishedRuleVersion | null;
  publishedBy: PublishedRuleVersion['publishedBy'];
  publishedAt: string;
  retroactive?: boolean;
};

export type PublishResult =
  | {
      ok: true;
      version: PublishedRuleVersion;
      diff: FlowDiff;
      /** The plan does exactly what the previous version's did. */
      unchanged: boolean;
      warnings: ValidationIssue[];
    }
  | { ok: false; blockers: ValidationIssue[] };

export function preparePublication(request: PublishRequest): PublishResult {
  const { flow, context, previous } = request;
  if (previous && previous.flowId !== flow.id) {
    throw new Error(`Cannot publish flow "${flow.id}" as a new version of flow "${previous.flowId}"`);
  }
  const blockers = publishBlockers(validateFlow(flow, context));
  if (blockers.length > 0) return { ok: false, blockers };
  const compiled = compile(flow, context);
  if (!compiled.ok) return { ok: false, blockers: compiled.issues };
  const diff = diffFlows(previous?.flow ?? null, flow, context);
  const version: PublishedRuleVersion = {
    flowId: flow.id,
    jobId: flow.jobId,
    version: (previous?.version ?? 0) + 1,
    flow,
    plan: compiled.plan,
    hash: compiled.plan.hash,
    publishedBy: request.publishedBy,
    publishedAt: request.publishedAt,
    retroactive: request.retroactive ?? false,
    changes: diff.lines,
  };
  return { ok: true, version, diff, unchanged: previous?.hash === version.hash, warnings: compiled.warnings };
}
