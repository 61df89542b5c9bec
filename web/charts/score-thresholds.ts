import type { CompiledCondition, Comparison, RulePlan } from '../../rules/plan';

// The score lines the job's rules draw (e.g. "score at least 75 → ask for approval"), read from the plans
// the autopilot runs, so the histogram shows where the rules cut the job's people.

export interface ScoreThreshold {
  value: number;
  op: Comparison;
  /** In words, as a recruiter says it: "Score at least 75". */
  label: string;
  /** The rule flows that test it. */
  flows: string[];
}

const WORDS: Record<Comparison, string> = {
  gte: 'at least',
  gt: 'above',
  lte: 'at most',
  lt: 'below',
};

export function thresholdLabel(op: Comparison, value: number): string {
  return `Score ${WORDS[op]} ${value}`;
}

function scoreTests(condition: CompiledCondition): { op: Comparison; threshold: number }[] {
  if (condition.test === 'score') return [{ op: condition.op, threshold: condition.threshold }];
  if (condition.test === 'all' || condition.test === 'any') return condition.conditions.flatMap(scoreTests);
  return [];
}

/** Every distinct score test in the plans' conditions, lowest first. */
export function scoreThresholds(plans: readonly Pick<RulePlan, 'flowName' | 'steps'>[]): ScoreThreshold[] {
  const found = new Map<string, ScoreThreshold>();
  for (const plan of plans) {
    for (const step of plan.steps) {
      if (step.kind !== 'condition') continue;
      for (const { op, threshold } of scoreTests(step.condition)) {
        const key = `${op}:${threshold}`;
        const known = found.get(key);
        if (known) {
          if (!known.flows.includes(plan.flowName)) known.flows.push(plan.flowName);
        } else
          found.set(key, {
            value: threshold,
            op,
            label: thresholdLabel(op, threshold),
            flows: [plan.flowName],
          });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.value - b.value || a.op.localeCompare(b.op));
}

/** How many of these scores the rule's test lets through (e.g. scored at least 75). */
export function peopleThrough(
  scores: readonly number[],
  threshold: Pick<ScoreThreshold, 'op' | 'value'>,
): number {
  const passes = {
    gte: (s: number) => s >= threshold.value,
    gt: (s: number) => s > threshold.value,
    lte: (s: number) => s <= threshold.value,
    lt: (s: number) => s < threshold.value,
  }[threshold.op];
  return scores.filter(passes).length;
}
