import { describe, expect, it } from 'vitest';
import { backtestHeadline, backtestReport, type BacktestPerson } from '../../../matching/backtest';

// 20 applications: 5 hires (four scored high, one low), 3 advanced then rejected, the rest not advanced.
const people: BacktestPerson[] = [
  ...[95, 91, 88, 78].map((score, i) => ({ personId: `h${i}`, score, outcome: 'hired' as const })),
  { personId: 'h4', score: 12, outcome: 'hired' },
  { personId: 'a0', score: 90, outcome: 'advanced' },
  { personId: 'a1', score: 40, outcome: 'advanced' },
  { personId: 'a2', score: 30, outcome: 'advanced' },
  ...Array.from({ length: 12 }, (_, i) => ({
    personId: `n${String(i).padStart(2, '0')}`,
    score: 85 - i * 5,
    outcome: i === 11 ? ('undecided' as const) : ('not-advanced' as const),
  })),
];

describe('backtest of the scores on a job’s own history', () => {
  it('says where the hires and the advanced landed, with recall@10 and nDCG@10', () => {
    const report = backtestReport(people);
    expect(report.ranked).toBe(20);
    expect(report.hires).toEqual({ count: 5, inTopK: 4, ranks: [1, 2, 4, 7, 20] });
    expect(report.advancedOrHired.count).toBe(8);
    expect(report.advancedOrHired.inTopK).toBe(5);
    expect(report.advancedOrHired.recallAtK).toBe(5 / 8);
    expect(report.advancedOrHired.expectedInTopKByChance).toBe(4);
    // Hires worth 2 (gain 3), advances 1 (gain 1): ranks 1,2,4,7 hired, 3 advanced.
    const dcg = 3 / Math.log2(2) + 3 / Math.log2(3) + 1 / Math.log2(4) + 3 / Math.log2(5) + 3 / Math.log2(8);
    const ideal = [3, 3, 3, 3, 3, 1, 1, 1].reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
    expect(report.advancedOrHired.ndcgAtK).toBeCloseTo(dcg / ideal, 10);
    expect(backtestHeadline(report)).toBe(
      'Your 5 hires: 4 in the top 10 of 20 applications; 8 advanced or hired: 5 in the top 10 (a random order would put 4.0 there).',
    );
  });

  it('never lets a tie favour the outcome: tied people are ordered by id', () => {
    const tied = backtestReport([
      { personId: 'b', score: 50, outcome: 'hired' },
      { personId: 'a', score: 50, outcome: 'not-advanced' },
    ]);
    expect(tied.places.map((p) => p.personId)).toEqual(['a', 'b']);
    expect(tied.hires.ranks).toEqual([2]);
  });

  it('gives no recall or nDCG when nobody was advanced or hired yet', () => {
    const report = backtestReport([{ personId: 'a', score: 10, outcome: 'undecided' }]);
    expect(report.advancedOrHired).toMatchObject({ count: 0, recallAtK: null, ndcgAtK: null });
    expect(backtestHeadline(report)).toBe(
      'No hires on this job yet; nobody advanced past the first stage yet.',
    );
  });
});

describe('rank bands for the chart', () => {
  it('counts the hired and the advanced in each band of ten', async () => {
    const { rankBands } = await import('../../../matching/backtest');
    expect(rankBands(backtestReport(people))).toEqual([
      { label: '1–10', hired: 4, advanced: 1, people: 10 },
      { label: '11–20', hired: 1, advanced: 2, people: 10 },
    ]);
  });
});
