import type { ImpactDimensionReport, ImpactGroup } from './adverse-impact';
import { fisherExactTwoSided } from './fisher-exact';

// What a four-fifths ratio can and cannot say. The ratio is a rule of thumb from the EEOC's Uniform
// Guidelines, not a legal test: with few people a single decision swings it, so each group below four
// fifths also gets Fisher's exact test against the most-selected group, and a group too small to test
// is said to be too small instead of being flagged or cleared.

export type ImpactVerdict =
  /** Fewer than the minimum people in this group or in the comparison group: no conclusion either way. */
  | 'too-few'
  /** Below four fifths and unlikely to be chance (p < alpha). */
  | 'below-four-fifths-significant'
  /** Below four fifths, but a difference this size could be chance at these numbers. */
  | 'below-four-fifths-not-significant'
  /** At or above four fifths of the most-selected group's rate (or the comparison group itself). */
  | 'not-below';

export type GroupEvidence = ImpactGroup & {
  /** Fisher's exact p against the most-selected group; null for that group itself or when not computable. */
  pValue: number | null;
  verdict: ImpactVerdict;
};

export const minPeoplePerGroup = 5;
export const significanceLevel = 0.05;

export function impactEvidence(
  dimension: ImpactDimensionReport,
  options: { minPeople?: number; alpha?: number } = {},
): GroupEvidence[] {
  const minPeople = options.minPeople ?? minPeoplePerGroup;
  const alpha = options.alpha ?? significanceLevel;
  const highest = dimension.groups.find((g) => g.category === dimension.highestGroup);
  return dimension.groups.map((group): GroupEvidence => {
    const isHighest = highest !== undefined && group.category === highest.category;
    const pValue =
      highest && !isHighest
        ? fisherExactTwoSided(
            group.selected,
            group.considered - group.selected,
            highest.selected,
            highest.considered - highest.selected,
          )
        : null;
    const tooFew = group.considered < minPeople || (highest?.considered ?? 0) < minPeople;
    const verdict: ImpactVerdict = tooFew
      ? 'too-few'
      : !group.belowFourFifths
        ? 'not-below'
        : pValue !== null && pValue < alpha
          ? 'below-four-fifths-significant'
          : 'below-four-fifths-not-significant';
    return { ...group, pValue, verdict };
  });
}
