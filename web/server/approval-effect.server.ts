import type { GreenhousePresence } from '../../db/tables/people';
import { evaluate, type RulePlan } from '../../rules';
import { personFacts } from '../../activities/autopilot/person-facts';
import { loadRulePlans } from '../../activities/autopilot/rule-plans';
import { describeApproveEffect, type ApproveEffect } from './approval-effect';
import type { PilothouseContext } from './load-context';

/** What the autopilot stored with the request (activities/autopilot/select.ts ApprovalMemo), read defensively. */
interface StoredRequest {
  flowId?: string;
  version?: number | null;
  planHash?: string;
  resume?: { planHash: string; nodeId: string };
}

export interface EffectInput {
  jobId: number;
  trace: unknown;
  facts: {
    person_id: string;
    first_name: string;
    last_name: string;
    emails: string[];
    linkedin_url: string | null;
    location: string | null;
    source_kind: string;
    greenhouse: GreenhousePresence;
    score: number | null;
    last_activity_at: Date | string | null;
    explanation?: unknown;
  };
}

/**
 * For each pending request, what Approve does: the plan the request was created under (its published
 * version, or the default rules with the same hash) evaluated from the request's own resume point —
 * a dry run of exactly what the autopilot carries out on approval. Plans are read once per request
 * to the page.
 */
export async function approveEffects(
  context: PilothouseContext,
  inputs: EffectInput[],
): Promise<ApproveEffect[]> {
  const plans = new Map<string, Promise<RulePlan | null>>();
  const planOf = (jobId: number, memo: StoredRequest): Promise<RulePlan | null> => {
    const key = `${jobId}:${memo.flowId}:${memo.version ?? 'default'}:${memo.planHash}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = (async () => {
        if (memo.version !== null && memo.version !== undefined && memo.flowId) {
          const row = await context.db
            .selectFrom('rule_version')
            .select('plan')
            .where('flow_id', '=', memo.flowId)
            .where('version', '=', memo.version)
            .executeTakeFirst();
          return row ? (row.plan as RulePlan) : null;
        }
        const loaded = await loadRulePlans(context.db, jobId).catch(() => []);
        return loaded.find((p) => p.plan.hash === memo.planHash)?.plan ?? null;
      })();
      plans.set(key, plan);
    }
    return plan;
  };
  const now = new Date().toISOString();
  return Promise.all(
    inputs.map(async ({ jobId, trace, facts }) => {
      const memo = (trace ?? {}) as StoredRequest;
      const plan = memo.resume ? await planOf(jobId, memo) : null;
      if (!plan || plan.hash !== memo.resume?.planHash) {
        return {
          kind: 'unknown',
          text: 'the rules that asked for this approval are no longer stored; approving follows the current rules',
        } satisfies ApproveEffect;
      }
      const evaluation = evaluate(
        plan,
        { type: 'approvalDecided', outcome: 'approved', decidedBy: null, resume: memo.resume },
        personFacts(facts, now),
      );
      return describeApproveEffect(evaluation.decisions);
    }),
  );
}
