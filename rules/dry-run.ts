// "What would this rule have done?" — a plan run over sample people before it is published. Nothing is
// carried out; the answer is counts per outcome and a few named examples of each.
import type { Decision } from './decisions';
import { evaluate } from './evaluate';
import type { Facts, FlowEvent } from './facts';
import type { RulePlan } from './plan';

export type DryRunCase = { personId: string; event: FlowEvent; facts: Facts };

export const DRY_RUN_OUTCOMES = [
  'exported',
  'moved',
  'rejected',
  'sentForApproval',
  'other',
  'noAction',
] as const;
/**
 * exported/moved/rejected/sentForApproval: the case had at least one such decision (a case may count in
 * several; a transfer to another job counts as moved); other: only notes, tags, notifications, waits,
 * unrejections or prospects made candidates; noAction: nothing but a stop, or nothing.
 */
export type DryRunOutcome = (typeof DRY_RUN_OUTCOMES)[number];

export type DryRunExample = { personId: string; because: string };
export type DryRunCaseResult = {
  personId: string;
  outcomes: DryRunOutcome[];
  decisions: Decision[];
  summary: string;
};

export type DryRunReport = {
  planHash: string;
  total: number;
  counts: Record<DryRunOutcome, number>;
  examples: Record<DryRunOutcome, DryRunExample[]>;
  results: DryRunCaseResult[];
};

const OUTCOME_OF: Partial<Record<Decision['type'], DryRunOutcome>> = {
  export: 'exported',
  move: 'moved',
  advance: 'moved',
  transfer: 'moved',
  reject: 'rejected',
  requestApproval: 'sentForApproval',
};

function emptyByOutcome<T>(make: () => T): Record<DryRunOutcome, T> {
  return Object.fromEntries(DRY_RUN_OUTCOMES.map((o) => [o, make()])) as Record<DryRunOutcome, T>;
}

export function dryRun(
  plan: RulePlan,
  cases: readonly DryRunCase[],
  options: { examplesPerOutcome?: number } = {},
): DryRunReport {
  const examplesPerOutcome = options.examplesPerOutcome ?? 5;
  const counts = emptyByOutcome(() => 0);
  const examples = emptyByOutcome<DryRunExample[]>(() => []);
  const results: DryRunCaseResult[] = [];

  for (const sample of cases) {
    const { decisions, trace } = evaluate(plan, sample.event, sample.facts);
    const outcomes: DryRunOutcome[] = [];
    for (const decision of decisions) {
      const outcome = OUTCOME_OF[decision.type];
      if (outcome && !outcomes.includes(outcome)) outcomes.push(outcome);
    }
    if (outcomes.length === 0) {
      outcomes.push(decisions.some((d) => d.type !== 'stop') ? 'other' : 'noAction');
    }
    for (const outcome of outcomes) {
      counts[outcome]++;
      if (examples[outcome].length < examplesPerOutcome) {
        const decision =
          decisions.find((d) => OUTCOME_OF[d.type] === outcome) ?? decisions.find((d) => d.type !== 'stop');
        examples[outcome].push({ personId: sample.personId, because: decision?.because ?? trace.summary });
      }
    }
    results.push({ personId: sample.personId, outcomes, decisions, summary: trace.summary });
  }
  return { planHash: plan.hash, total: cases.length, counts, examples, results };
}
