import { describe, expect, it } from 'vitest';
import { bootstrapMean, bootstrapMeanDifference } from '../../../matching/bootstrap';

describe('bootstrap intervals over jobs', () => {
  it('brackets the mean and narrows to a point when every job agrees', () => {
    const same = bootstrapMean([0.8, 0.8, 0.8, 0.8]);
    expect(same).toEqual({ value: 0.8, low: 0.8, high: 0.8 });
    const spread = bootstrapMean([0.2, 0.9, 0.5, 0.7, 0.6, 0.4, 0.95, 0.3]);
    expect(spread.low).toBeLessThan(spread.value);
    expect(spread.high).toBeGreaterThan(spread.value);
    expect(spread.low).toBeGreaterThanOrEqual(0.2);
    expect(spread.high).toBeLessThanOrEqual(0.95);
  });

  it('pairs the jobs: a ranker better on every job has an interval above zero', () => {
    const a = [0.9, 0.6, 0.8, 0.7, 0.95, 0.5];
    const b = a.map((x) => x - 0.05);
    const difference = bootstrapMeanDifference(a, b);
    expect(difference.value).toBeCloseTo(0.05, 10);
    expect(difference.low).toBeCloseTo(0.05, 10);
  });

  it('is repeatable: the same values give the same interval', () => {
    const values = [0.1, 0.5, 0.9, 0.3, 0.7];
    expect(bootstrapMean(values)).toEqual(bootstrapMean(values));
  });
});
