import type { FunnelCounts } from '../../db/queries/pipeline-counts';

// The job's funnel as steps to draw: each with how many people reached it and what share of the step
// before went on to it. The counts are jobCounts()'s, the same the header and the tabs show.

export interface FunnelStep {
  key: keyof FunnelCounts;
  label: string;
  people: number;
  /** Share of the previous step's people that reached this one, 0–100, rounded; null for the first step or after 0. */
  percentOfPrevious: number | null;
}

const STEPS: { key: keyof FunnelCounts; label: string }[] = [
  { key: 'sourced', label: 'Sourced' },
  { key: 'matched', label: 'Matched' },
  { key: 'awaitingApproval', label: 'Awaiting approval' },
  { key: 'exported', label: 'Exported' },
  { key: 'advanced', label: 'Advanced' },
  { key: 'hired', label: 'Hired' },
];

export function funnelSteps(counts: FunnelCounts): FunnelStep[] {
  return STEPS.map(({ key, label }, index) => {
    const before = index === 0 ? 0 : counts[STEPS[index - 1]!.key];
    return {
      key,
      label,
      people: counts[key],
      percentOfPrevious: index === 0 || before === 0 ? null : Math.round((counts[key] / before) * 100),
    };
  });
}

/** The funnel in one sentence, for screen readers and the caption. */
export function describeFunnel(steps: readonly FunnelStep[]): string {
  return steps.map((s) => `${s.label} ${s.people}`).join(', ');
}
