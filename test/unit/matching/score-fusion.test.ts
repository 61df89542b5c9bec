import { describe, expect, it } from 'vitest';
import { createMatcher, trainJobProfile, type MatchResult, type SemanticScorer } from '../../../matching';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

// With the model, the score fuses three kinds of evidence (matching/combine.ts): the dictionary's requirement
// verdicts, keyword relevance and the model's reading. A verdict the dictionary gets wrong — a title it does
// not know — must not sink someone the other two read as the same work.

const profile = trainJobProfile({
  job: { jobId: 'pt-1', title: 'Physical Therapist', offices: ['Remote'] },
  post: {
    title: 'Physical Therapist',
    content: `<h3>Requirements</h3><ul><li>Manual therapy</li><li>Therapeutic exercise</li></ul>`,
  },
});

const work = '- Outpatient orthopedic caseload; manual therapy and therapeutic exercise';
const people = [
  person('spelled-out', `Rachel Kim\nPhysical Therapist, Peak Rehab (2017 – present)\n${work}`),
  person('in-other-words', `Marcus Hill\nRehabilitation Clinician, Peak Rehab (2017 – present)\n${work}`),
];

/** A model that reads both resumes as equally close to every requirement, as a real one would here. */
const sameReading: SemanticScorer = {
  name: 'semantic',
  model: 'test/same-reading',
  async scoreWithDetails(_profile, batch) {
    return batch.map((p) => ({ personId: p.personId, score: 0.6, similarity: 0.6, requirements: [] }));
  },
  async score(profile, batch) {
    return this.scoreWithDetails(profile, batch);
  },
};

async function scores(matcher: ReturnType<typeof createMatcher>): Promise<Map<string, MatchResult>> {
  const results = await matcher.scoreCandidates(profile, people, { asOf: '2025-06-01' });
  return new Map(results.map((r) => [r.personId, r]));
}

describe('fusing the dictionary, keywords and the model', () => {
  it('costs a title the dictionary does not know ("Rehabilitation Clinician") less than half as much with the model', async () => {
    const local = await scores(createMatcher());
    const fused = await scores(createMatcher({ semantic: sameReading }));

    const title = (r: MatchResult | undefined) => r?.requirements.find((x) => x.kind === 'title')?.status;
    expect(title(fused.get('spelled-out'))).toBe('met');
    expect(title(fused.get('in-other-words'))).toBe('not-met');

    const gap = (m: Map<string, MatchResult>) =>
      (m.get('spelled-out')?.score ?? 0) - (m.get('in-other-words')?.score ?? 0);
    // Alone, the missing title multiplies the score by 0.6 and its words are missing from the keywords too; fused,
    // the dictionary is a quarter of the evidence and the model reads both the same: less than half the gap.
    expect(gap(local)).toBeGreaterThan(50);
    expect(gap(fused)).toBeGreaterThan(0);
    expect(gap(fused)).toBeLessThan(gap(local) / 2);
  });

  it('scores a person the same whoever else is in the batch, so rule thresholds keep their meaning', async () => {
    const matcher = createMatcher({ semantic: sameReading });
    const [alone] = await matcher.scoreCandidates(profile, [people[0]!], { asOf: '2025-06-01' });
    const together = (await scores(matcher)).get('spelled-out');
    expect(Math.abs((alone?.score ?? 0) - (together?.score ?? 0))).toBeLessThan(5);
  });
});
