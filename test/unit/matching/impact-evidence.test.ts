import { describe, expect, it } from 'vitest';
import { adverseImpactReport, type SelectionDecision } from '../../../matching/adverse-impact';
import { fisherExactTwoSided } from '../../../matching/fisher-exact';
import { impactEvidence } from '../../../matching/impact-evidence';

function people(n: number, selected: number, gender: string, prefix: string): SelectionDecision[] {
  return Array.from({ length: n }, (_, i) => ({
    personId: `${prefix}${i}`,
    jobId: 'job-1',
    ruleId: 'rule-1',
    selected: i < selected,
    eeoc: { gender },
  }));
}

describe("Fisher's exact test", () => {
  it('gives the textbook p-values', () => {
    // Fisher's lady tasting tea: 3 of 4 right each way, two-sided p = 34/70.
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(0.485714, 5);
    // A clear difference: 1 of 10 against 9 of 10 (R: fisher.test gives 0.001093).
    expect(fisherExactTwoSided(1, 9, 9, 1)).toBeCloseTo(0.001093, 6);
    expect(fisherExactTwoSided(5, 5, 5, 5)).toBe(1);
  });
});

describe('adverse impact with the caveats a labour lawyer asks for', () => {
  it('a large gap on many people is below four fifths and unlikely to be chance', () => {
    const report = adverseImpactReport([...people(40, 8, 'Female', 'f'), ...people(40, 24, 'Male', 'm')], {
      jobId: 'job-1',
      ruleId: 'rule-1',
    });
    const gender = report.dimensions.find((d) => d.dimension === 'gender')!;
    const [female, male] = ['Female', 'Male'].map((c) =>
      impactEvidence(gender).find((g) => g.category === c)!,
    );
    expect(female).toMatchObject({
      considered: 40,
      selected: 8,
      impactRatio: 0.3333,
      verdict: 'below-four-fifths-significant',
    });
    expect(female!.pValue).toBeLessThan(0.001);
    expect(male).toMatchObject({ pValue: null, verdict: 'not-below' });
  });

  it('the same ratio on a handful of people is below four fifths but could be chance', () => {
    const report = adverseImpactReport([...people(6, 1, 'Female', 'f'), ...people(6, 3, 'Male', 'm')], {
      jobId: 'job-1',
      ruleId: null,
    });
    const gender = report.dimensions.find((d) => d.dimension === 'gender')!;
    const female = impactEvidence(gender).find((g) => g.category === 'Female')!;
    expect(female.belowFourFifths).toBe(true);
    expect(female.verdict).toBe('below-four-fifths-not-significant');
    expect(female.pValue).toBeCloseTo(0.5455, 3);
  });

  it('a group under five people is too few to conclude, whatever its ratio', () => {
    const report = adverseImpactReport([...people(3, 0, 'Female', 'f'), ...people(20, 10, 'Male', 'm')], {
      jobId: 'job-1',
      ruleId: null,
    });
    const gender = report.dimensions.find((d) => d.dimension === 'gender')!;
    expect(impactEvidence(gender).find((g) => g.category === 'Female')).toMatchObject({
      impactRatio: 0,
      verdict: 'too-few',
    });
  });
});

describe('self-identification answers from a CSV', () => {
  it('reads candidate ids or emails and any EEOC columns, whatever their case', async () => {
    const { eeocAnswersFromCsv } = await import('../../../matching/eeoc-csv');
    const read = eeocAnswersFromCsv([
      { line: 1, cells: ['Candidate ID', 'Email', 'Gender', 'Race / Ethnicity'] },
      { line: 2, cells: ['4001', '', 'Female', 'Asian'] },
      { line: 3, cells: ['', 'Sam@Example.org', 'Male', ''] },
    ]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.index.byCandidateId.get(4001)).toEqual({ gender: 'Female', race: 'Asian' });
    expect(read.index.byEmail.get('sam@example.org')).toEqual({ gender: 'Male' });
  });

  it('says which line is wrong and what the header lacks', async () => {
    const { eeocAnswersFromCsv } = await import('../../../matching/eeoc-csv');
    expect(eeocAnswersFromCsv([{ line: 1, cells: ['name', 'gender'] }])).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'The header needs a "candidate_id" or an "email" column.' }],
    });
    expect(
      eeocAnswersFromCsv([
        { line: 1, cells: ['candidate_id', 'gender'] },
        { line: 2, cells: ['Ana', 'Female'] },
      ]),
    ).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'The candidate id is not a Greenhouse candidate number.' }],
    });
  });
});
