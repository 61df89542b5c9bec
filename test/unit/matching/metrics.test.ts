import { describe, expect, it } from 'vitest';
import { dcgAt, ndcgAt, precisionAt, rankingQuality, reciprocalRank } from '../../../matching';

// Every expected figure here was worked out by hand; the working is in the comments.

describe('nDCG', () => {
  it('adds gains of 2^rel − 1 discounted by log2(rank + 1)', () => {
    // 7/log2(2) + 3/log2(3) + 0 = 7 + 1.8928 = 8.8928
    expect(dcgAt(3, [3, 2, 0])).toBeCloseTo(8.8928, 4);
    // Only the first k count: 7/1 + 3/1.585 = 8.8928 (the 1 at rank 3 is cut off at k = 2).
    expect(dcgAt(2, [3, 2, 1])).toBeCloseTo(8.8928, 4);
  });

  it('divides by the best order of the same labels', () => {
    // Ranked [0, 2, 3]: 0 + 3/log2(3) + 7/log2(4) = 1.8928 + 3.5 = 5.3928; ideal 8.8928 → 0.6064
    expect(ndcgAt(10, [0, 2, 3])).toBeCloseTo(0.6064, 4);
    expect(ndcgAt(10, [3, 2, 0])).toBe(1);
  });

  it('counts relevant people the ranker left out against it', () => {
    // Ranked [1] → 1; ideal from all labels [3, 1] → 7 + 1/log2(3) = 7.6309 → 0.1310
    expect(ndcgAt(10, [1], [1, 3])).toBeCloseTo(0.131, 3);
  });

  it('is 0 when no one is relevant, rather than dividing by zero', () => {
    expect(ndcgAt(10, [0, 0, 0])).toBe(0);
  });
});

describe('MRR and precision', () => {
  it('takes the reciprocal rank of the first relevant person (grade 2 or more by default)', () => {
    expect(reciprocalRank([0, 1, 2, 3])).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank([0, 1], 1)).toBe(0.5);
    expect(reciprocalRank([1, 0])).toBe(0);
  });

  it('counts the relevant share of the top k, a short list included', () => {
    expect(precisionAt(5, [3, 0, 2, 1, 2])).toBe(0.6);
    expect(precisionAt(5, [3])).toBe(0.2);
  });

  it('averages the three over jobs', () => {
    // Job A [3, 0]: nDCG 1, RR 1, P@5 0.2. Job B [0, 2]: nDCG (3/log2 3) / 3 = 0.6309, RR 0.5, P@5 0.2.
    const quality = rankingQuality([
      [3, 0],
      [0, 2],
    ]);
    expect(quality.ndcgAt10).toBeCloseTo((1 + 0.6309) / 2, 4);
    expect(quality.mrr).toBe(0.75);
    expect(quality.precisionAt5).toBeCloseTo(0.2, 10);
  });
});
