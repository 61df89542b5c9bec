import { z } from 'zod';
import { round } from './text';

// The four-fifths rule (EEOC Uniform Guidelines, 29 CFR 1607.4(D)): a group selected at less than 80% of
// the rate of the most-selected group is evidence of adverse impact. Categories are the ones people
// self-reported in Greenhouse's EEOC questions; anyone who did not answer is counted as unknown, never guessed.

export const eeocDimensions = ['race', 'gender', 'veteran_status', 'disability_status'] as const;
export type EeocDimension = (typeof eeocDimensions)[number];

/** Greenhouse answers come as `{ id, description }` (or `message` for veteran status); plain strings are accepted too. */
const eeocAnswer = z
  .union([
    z.string(),
    z.object({ id: z.number().optional(), description: z.string().nullish(), message: z.string().nullish() }),
  ])
  .nullish();

export const selectionDecisionSchema = z.object({
  personId: z.string().min(1),
  jobId: z.string().min(1),
  /** The published rule that made the decision; absent for a recruiter's own choice. */
  ruleId: z.string().min(1).optional(),
  selected: z.boolean(),
  eeoc: z
    .object({
      race: eeocAnswer,
      gender: eeocAnswer,
      veteran_status: eeocAnswer,
      disability_status: eeocAnswer,
    })
    .partial()
    .nullish(),
});
export type SelectionDecision = z.input<typeof selectionDecisionSchema>;

export type ImpactGroup = {
  category: string;
  considered: number;
  selected: number;
  selectionRate: number;
  /** Rate divided by the highest group's rate; null when nobody in any group was selected. */
  impactRatio: number | null;
  belowFourFifths: boolean;
  /** Fewer people than `minGroupSize`: a ratio this small a sample gives is not evidence either way. */
  smallSample: boolean;
};

export type ImpactDimensionReport = {
  dimension: EeocDimension;
  groups: ImpactGroup[];
  highestGroup: string | null;
  unknown: { considered: number; selected: number };
  /** Groups below four fifths, small samples included but marked in `groups`. */
  flagged: string[];
};

export type AdverseImpactReport = {
  jobId: string;
  /** null: every decision on the job; otherwise the decisions one rule made. */
  ruleId: string | null;
  considered: number;
  selected: number;
  dimensions: ImpactDimensionReport[];
};

export const fourFifths = 0.8;
const declined =
  /decline|don'?t wish|do not wish|prefer not|not to (say|answer|disclose)|choose not|no answer|unknown|not specified/i;

function categoryOf(answer: z.infer<typeof eeocAnswer>): string | null {
  const text = typeof answer === 'string' ? answer : (answer?.description ?? answer?.message ?? null);
  const trimmed = text?.trim();
  if (!trimmed || declined.test(trimmed)) return null;
  return trimmed;
}

/** Selection rates by self-reported category for one set of decisions. */
export function adverseImpactReport(
  input: readonly SelectionDecision[],
  scope: { jobId: string; ruleId: string | null },
  options: { minGroupSize?: number } = {},
): AdverseImpactReport {
  const decisions = input.map((d) => selectionDecisionSchema.parse(d));
  const minGroupSize = options.minGroupSize ?? 5;
  const dimensions = eeocDimensions.map((dimension): ImpactDimensionReport => {
    const tallies = new Map<string, { considered: number; selected: number }>();
    const unknown = { considered: 0, selected: 0 };
    for (const decision of decisions) {
      const category = categoryOf(decision.eeoc?.[dimension]);
      const tally = category === null ? unknown : (tallies.get(category) ?? { considered: 0, selected: 0 });
      tally.considered++;
      if (decision.selected) tally.selected++;
      if (category !== null) tallies.set(category, tally);
    }
    const rates = [...tallies.entries()].map(([category, t]) => ({
      category,
      ...t,
      rate: t.selected / t.considered,
    }));
    const highest = rates.reduce<(typeof rates)[number] | undefined>(
      (best, r) => (!best || r.rate > best.rate ? r : best),
      undefined,
    );
    const groups = rates
      .map((r): ImpactGroup => {
        const ratio = highest && highest.rate > 0 ? r.rate / highest.rate : null;
        return {
          category: r.category,
          considered: r.considered,
          selected: r.selected,
          selectionRate: round(r.rate, 4),
          impactRatio: ratio === null ? null : round(ratio, 4),
          belowFourFifths: ratio !== null && ratio < fourFifths,
          smallSample: r.considered < minGroupSize,
        };
      })
      .sort((a, b) => b.considered - a.considered || a.category.localeCompare(b.category));
    return {
      dimension,
      groups,
      highestGroup: highest && highest.rate > 0 ? highest.category : null,
      unknown,
      flagged: groups.filter((g) => g.belowFourFifths).map((g) => g.category),
    };
  });
  return {
    jobId: scope.jobId,
    ruleId: scope.ruleId,
    considered: decisions.length,
    selected: decisions.filter((d) => d.selected).length,
    dimensions,
  };
}

/** One report per job over all its decisions, then one per rule that made decisions on that job. */
export function adverseImpactReports(
  decisions: readonly SelectionDecision[],
  options: { minGroupSize?: number } = {},
): AdverseImpactReport[] {
  const reports: AdverseImpactReport[] = [];
  const jobs = [...new Set(decisions.map((d) => d.jobId))].sort();
  for (const jobId of jobs) {
    const onJob = decisions.filter((d) => d.jobId === jobId);
    reports.push(adverseImpactReport(onJob, { jobId, ruleId: null }, options));
    const rules = [...new Set(onJob.flatMap((d) => (d.ruleId ? [d.ruleId] : [])))].sort();
    for (const ruleId of rules) {
      reports.push(
        adverseImpactReport(
          onJob.filter((d) => d.ruleId === ruleId),
          { jobId, ruleId },
          options,
        ),
      );
    }
  }
  return reports;
}
