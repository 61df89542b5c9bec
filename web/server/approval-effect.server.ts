import { keptPlan, publishedVersionPlan } from '../../db/queries/rule-plans';
import type { GreenhousePresence } from '../../db/tables/people';
import { evaluate, type RulePlan } from '../../rules';
import { personFacts } from '../../rules/person-facts';
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
 * For each pending request, what Approve does: the plan the request was created under — kept by its
 * hash (rule_plan), else its published version, as the autopilot looks it up when the decision comes
 * (activities/autopilot/select.ts planFor) — evaluated from the request's own resume point: a dry run
 * of exactly the steps the autopilot carries out on approval. Each plan is read once per page.
 */
export async function approveEffects(
  context: PilothouseContext,
  inputs: EffectInput[],
): Promise<ApproveEffect[]> {
  const plans = new Map<string, Promise<RulePlan | null>>();
  const planOf = (memo: StoredRequest & { resume: { planHash: string } }): Promise<RulePlan | null> => {
    const key = memo.resume.planHash;
    let plan = plans.get(key);
    if (!plan) {
      plan = (async () => {
        const kept = await keptPlan(context.db, key);
        if (kept) return kept;
        if (memo.version === null || memo.version === undefined || !memo.flowId) return null;
        const published = await publishedVersionPlan(context.db, {
          flowId: memo.flowId,
          version: memo.version,
        });
        return published?.plan ?? null;
      })();
      plans.set(key, plan);
    }
    return plan;
  };
  const now = new Date().toISOString();
  return Promise.all(
    inputs.map(async ({ trace, facts }) => {
      const memo = (trace ?? {}) as StoredRequest;
      const plan = memo.resume ? await planOf({ ...memo, resume: memo.resume }) : null;
      if (!plan || plan.hash !== memo.resume?.planHash) {
        return {
          kind: 'unknown',
          text: 'the rules that asked are not stored any more; approving follows the job’s current rules',
        } satisfies ApproveEffect;
      }
      const evaluation = evaluate(
        plan,
        { type: 'approvalDecided', outcome: 'approved', decidedBy: null, resume: memo.resume },
        personFacts(facts, now),
      );
      return describeApproveEffect(
        evaluation.decisions,
        evaluation.trace.entries.filter((e) => e.outcome === 'skipped').map((e) => e.text),
      );
    }),
  );
}
