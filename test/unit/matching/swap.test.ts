import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EMBEDDING_MODEL_ID,
  installedEmbeddingModel,
  startEmbeddingModel,
  type RunningEmbeddingModel,
} from '../../../infra/embedding-model';
import {
  blindCandidate,
  createMatcher,
  InMemoryEmbeddingCache,
  trainJobProfile,
  type Matcher,
} from '../../../matching';
import { freePort } from '../../support/free-port';

// Swap test: the same career, told by people of different names, pronouns, affinity groups, colleges,
// religions and graduation years, must score within 1 point — with the local scorer and with the real model
// the product scores with by default.

const profile = trainJobProfile({
  job: { jobId: 'rx-swap', title: 'Pharmacy Technician', offices: ['Chicago, IL'] },
  post: {
    title: 'Pharmacy Technician',
    content: `<p><strong>Qualifications:</strong></p><ul><li>PTCB certification (CPhT)</li>
      <li>2+ years as a pharmacy technician</li><li>Sterile compounding</li><li>Pyxis</li></ul>
      <p><strong>Pay:</strong> $24 – $30 per hour</p><p>We are an equal opportunity employer.</p>`,
  },
});

type Facts = {
  name: string;
  pronoun: string;
  affinity: string;
  college: string;
  religion: string;
  year: string;
};
const base: Facts = {
  name: 'Emily Walsh',
  pronoun: 'She',
  affinity: 'Member, Society of Women Engineers',
  college: 'Stanford University',
  religion: 'Volunteer, First Baptist Church food pantry',
  year: '2015',
};

function resume(f: Facts): string {
  return `${f.name}
Chicago, IL

Summary: ${f.pronoun} has five years in hospital pharmacies and loves the IV room.

Certified Pharmacy Technician (CPhT) — Northwestern Memorial Hospital (2019 – present)
- Sterile IV admixtures in a USP 797 clean room; restocks Pyxis cabinets on 10 units
Pharmacy Technician — Walgreens (2017 – 2019)

Education
Pharmacy Technician Certificate, ${f.college}, ${f.year}

Community
${f.affinity}
${f.religion}`;
}

const swaps: Record<string, Partial<Facts>[]> = {
  name: [
    { name: 'Lakisha Washington' },
    { name: 'Nguyen, Thi Minh Anh' },
    { name: 'María José de la Cruz' },
    { name: 'Mohammed Al-Sayed' },
    { name: 'Greg Baker' },
  ],
  pronoun: [{ pronoun: 'He' }, { pronoun: 'They' }],
  affinity: [
    { affinity: 'Member, National Society of Black Engineers' },
    { affinity: 'Member, Latinx in Tech Chicago' },
    { affinity: 'Member, LGBTQ+ Professionals Network' },
    { affinity: "Member, Women's Health Collective" },
    { affinity: 'Member, Veterans in Healthcare' },
  ],
  college: [
    { college: 'Howard University' },
    { college: 'Spelman College' },
    { college: 'Harold Washington College' },
  ],
  religion: [
    { religion: 'Volunteer, Islamic Center of Chicago food pantry' },
    { religion: 'Volunteer, Chicago Sinai Synagogue food pantry' },
    { religion: 'Volunteer, Hindu Temple of Greater Chicago food pantry' },
  ],
  'graduation year': [{ year: '1995' }, { year: '2005' }, { year: '2022' }],
};

function person(personId: string, facts: Facts) {
  const prepared = blindCandidate({ personId, resumeText: resume(facts) });
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.candidate;
}

async function largestMove(matcher: Matcher, dimension: string): Promise<number> {
  const people = [
    person('base', base),
    ...swaps[dimension]!.map((swap, i) => person(`swap-${i}`, { ...base, ...swap })),
  ];
  const results = await matcher.scoreCandidates(profile, people, { asOf: '2025-06-01' });
  const baseScore = results.find((r) => r.personId === 'base')!.score;
  return Math.max(...results.map((r) => Math.abs(r.score - baseScore)));
}

describe('swapping who a person is, not what they did', () => {
  let model: RunningEmbeddingModel;
  let withModel: Matcher;

  beforeAll(async () => {
    const installed = installedEmbeddingModel();
    if (!installed)
      throw new Error(
        'The embedding model is not installed: run node --import tsx scripts/install-embedding-model.ts',
      );
    model = await startEmbeddingModel({ python: installed.python, port: await freePort(), threads: 2 });
    withModel = createMatcher({
      semantic: {
        kind: 'text-embeddings-inference',
        endpointUrl: model.url,
        model: EMBEDDING_MODEL_ID,
        timeoutMs: 60_000,
      },
      embeddingCache: new InMemoryEmbeddingCache(),
    });
  }, 90_000);
  afterAll(async () => {
    await model?.process.stop(5_000);
  });

  for (const dimension of Object.keys(swaps)) {
    it(`moves no score by more than 1 point when the ${dimension} changes`, async () => {
      expect(await largestMove(createMatcher(), dimension)).toBeLessThanOrEqual(1);
      const moved = await largestMove(withModel, dimension);
      expect(moved).toBeLessThanOrEqual(1);
      const check = await withModel.scoreCandidates(profile, [person('base', base)], { asOf: '2025-06-01' });
      expect(check[0]?.scorers.semantic.status).toBe('used');
    }, 60_000);
  }
});
