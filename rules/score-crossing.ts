// When a change of match score counts as crossing the admin's threshold. A score "rises above" 70 when it
// was below 70 and is now 70 or more (the same boundary as the condition "Score at least 70"), and "falls
// below" 70 when it was 70 or more and is now under it; moving within one side never crosses.
import type { ScoreDirection } from './node-types';

export type ScoreCrossing = 'rose' | 'fell';

/** Which way the change crossed the threshold, or null when both scores sit on the same side. */
export function crossingOf(threshold: number, from: number, to: number): ScoreCrossing | null {
  if (from < threshold && to >= threshold) return 'rose';
  if (from >= threshold && to < threshold) return 'fell';
  return null;
}

export function crossesThreshold(
  threshold: number,
  direction: ScoreDirection,
  from: number,
  to: number,
): boolean {
  const crossing = crossingOf(threshold, from, to);
  if (crossing === null) return false;
  return direction === 'either' || (direction === 'rises' ? crossing === 'rose' : crossing === 'fell');
}

export function describeScoreTrigger(threshold: number, direction: ScoreDirection): string {
  const at = String(threshold);
  switch (direction) {
    case 'rises':
      return `When a person's match score rises to ${at} or above`;
    case 'falls':
      return `When a person's match score falls below ${at}`;
    case 'either':
      return `When a person's match score crosses ${at}, up or down`;
  }
}
