import { describe, expect, it } from 'vitest';
import { estimateYearsOfExperience } from '../../../matching/candidate-facts';
import {
  createLocalScorer,
  createSemanticScorer,
  trainJobProfile,
  type EmbeddingClient,
} from '../../../matching';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

// What people did counts; what they list does not (matching/skills-lists.ts). And a career told in sentences,
// with no title line to read, is still compared with the job's title.

const profile = trainJobProfile({
  job: { jobId: 'ae-1', title: 'Account Executive', offices: ['Remote'] },
  post: {
    title: 'Account Executive',
    content: `<h3>Requirements</h3><ul><li>Full-cycle sales of B2B SaaS</li><li>Salesforce</li><li>Quota attainment</li></ul>`,
  },
});

const lister = person(
  'lister',
  `Jake Sullivan\nSales Associate — Best Buy (2021 – present)\n- Help customers choose laptops and TVs\n\nSkills: B2B SaaS sales, quota attainment, full-cycle closing, Salesforce, MEDDICC, forecasting`,
);
const describer = person(
  'describer',
  `Connor Murphy\n\nFor four years I have sold B2B SaaS to operations leaders, owning full-cycle sales from the first call to signature.\nI beat my quota three years running and keep my pipeline in Salesforce.`,
);

/** Words as vector dimensions: enough to tell what text the model was given and how much two texts share. */
function wordClient(seen: string[]): EmbeddingClient {
  const dims = new Map<string, number>();
  return {
    model: 'test/bag-of-words',
    maxInputChars: 10_000,
    async embed(texts) {
      seen.push(...texts);
      return texts.map((text) => {
        const vector = new Array<number>(512).fill(0);
        for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
          if (!dims.has(word)) dims.set(word, dims.size % 512);
          vector[dims.get(word)!]! += 1;
        }
        return vector;
      });
    },
  };
}

describe('reading what people did, not what they list', () => {
  it('gives keyword relevance for the post’s words described in work, none for the same words in a skills list', () => {
    const results = createLocalScorer().scoreWithDetails(profile, [lister, describer], {
      asOf: new Date('2025-06-01'),
    });
    const relevance = new Map(results.map((r) => [r.personId, r.keywordRelevance]));
    expect(relevance.get('describer')).toBeGreaterThan(0.05);
    expect(relevance.get('lister')).toBeLessThan(0.01);
  });

  it('still says a listed skill is claimed, as "partly" with the list as evidence', () => {
    const [result] = createLocalScorer().scoreWithDetails(profile, [lister], {
      asOf: new Date('2025-06-01'),
    });
    const salesforce = result?.requirements.find((r) => r.label === 'Salesforce');
    expect(salesforce?.status).toBe('partly');
    expect(salesforce?.reason).toMatch(/under skills, but no experience shows it/);
  });

  it('does not give the model the skills list to read', async () => {
    const seen: string[] = [];
    await createSemanticScorer({ client: wordClient(seen) }).scoreWithDetails(profile, [lister]);
    expect(seen.join('\n')).toContain('Help customers choose laptops');
    expect(seen.join('\n')).not.toMatch(/MEDDICC|Skills:/);
  });
});

describe('a resume written as prose', () => {
  it('is compared with the job title through its passages when it has no title line', async () => {
    const [result] = await createSemanticScorer({
      client: wordClient([]),
      similarityFloor: 0,
      similarityCeiling: 1,
      titlePartlyAt: 0.2,
    }).scoreWithDetails(profile, [
      person(
        'prose',
        // One paragraph, as people write it: no line reads as a job title.
        'Connor Murphy\n\nI sell software to operations leaders: for four years I have worked as an account executive at a scheduling company, owning every deal from the first call to signature.',
      ),
    ]);
    const title = result?.requirements.find((r) => r.kind === 'title');
    // Before, with no title line there was nothing to compare the title with: "not met", whatever the text.
    expect(title?.status).toBe('partly');
    expect(title?.evidence ?? '').toMatch(/worked as an account executive/);
    // The quote is of their work: the masked name line above it is left out ("[name] I sell software…").
    expect(title?.evidence ?? '').toMatch(/^I sell software/);
  });
});

describe('a resume written as prose whose only role words are in sentences about the person', () => {
  it('reads the title from the passages too, not only from "My sister is an account manager…"', async () => {
    const [result] = await createSemanticScorer({
      client: wordClient([]),
      similarityFloor: 0,
      similarityCeiling: 1,
      titlePartlyAt: 0.3,
    }).scoreWithDetails(profile, [
      person(
        'prose-with-aside',
        'Connor Murphy\n\nFor four years I have sold scheduling software to operations leaders as an account executive, owning every deal from first call to signature.\nMy sister is an account manager, and I coach a youth team.',
      ),
    ]);
    const title = result?.requirements.find((r) => r.kind === 'title');
    // The aside reads like a title line (a role, a comma, short); compared with it alone the title was "not met".
    expect(title?.status).toBe('partly');
    expect(title?.evidence ?? '').toMatch(/as an account executive/);
  });
});

describe('years told in sentences', () => {
  it('are read from "for nine years I have…", "over the last four years", "I’ve spent eight years"', () => {
    const asOf = new Date('2025-06-01');
    expect(
      estimateYearsOfExperience('For nine years I have built and run the data platform.', asOf).years,
    ).toBe(9);
    expect(
      estimateYearsOfExperience('I run stores. For the last four years I have managed two.', asOf).years,
    ).toBe(4);
    expect(estimateYearsOfExperience("I've spent eight years in distribution centers.", asOf).years).toBe(8);
    expect(estimateYearsOfExperience('My son is 12 years old.', asOf).years).toBe(0);
  });
});
