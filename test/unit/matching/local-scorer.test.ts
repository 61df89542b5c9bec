import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  NothingToScoreError,
  trainJobProfile,
  type MatchResult,
  type BlindedCandidate,
} from '../../../matching';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

const profile = trainJobProfile({
  job: { jobId: 'ml-7', title: 'Senior Machine Learning Engineer', offices: ['Seattle, WA'] },
  post: {
    title: 'Senior Machine Learning Engineer',
    content: `<h3>Requirements</h3><ul>
      <li>5+ years of experience building production machine learning systems</li>
      <li>Python</li>
      <li>Kubernetes</li>
      <li>Kafka</li>
      <li>Experience with recommender systems</li>
    </ul>`,
  },
});

const engineer = person(
  'engineer',
  `Kwame Asante
Senior Machine Learning Engineer, Streamly (2017 – present) · Bellevue, WA
- Ranking models in PyTorch for the recommendations feed, served on EKS
- Feature events on RabbitMQ; no Kafka experience`,
);
const recruiter = person(
  'recruiter',
  `Brittany Evans
Senior Technical Recruiter, Hireloop (2016 – present) · Seattle, WA
- Hired 40 machine learning engineers with Python, Kubernetes and Kafka for recommender systems teams`,
);
const learner = person(
  'learner',
  `Hannah Kim
Machine Learning Engineer, Cascadia Health (2023 – present) · Portland, OR
- Text classifiers in Python; currently learning Kubernetes`,
);

async function scoreAll(): Promise<Map<string, MatchResult>> {
  const results = await createMatcher().scoreCandidates(profile, [engineer, recruiter, learner], {
    asOf: '2025-06-01',
  });
  return new Map(results.map((r) => [r.personId, r]));
}

function evidenceFor(result: MatchResult | undefined, requirementId: string) {
  const found = result?.requirements.find((r) => r.requirementId === requirementId);
  if (!found) throw new Error(`no verdict on ${requirementId}`);
  return found;
}

describe('a recruiter reads why a person matched', async () => {
  const results = await scoreAll();
  const forEngineer = results.get('engineer');

  it('shows each requirement as met with the line of the blinded resume that shows it', () => {
    expect(evidenceFor(forEngineer, 'skill:kubernetes')).toMatchObject({
      status: 'met',
      evidence: '- Ranking models in PyTorch for the recommendations feed, served on EKS',
      reason: 'mentions EKS (counts as Kubernetes)',
      foundBy: 'local',
    });
    expect(evidenceFor(forEngineer, 'title:machine-learning-engineer')).toMatchObject({ status: 'met' });
    expect(JSON.stringify(forEngineer)).not.toContain('Kwame');
  });

  it('counts a skill proven by a library written in it', () => {
    expect(evidenceFor(forEngineer, 'skill:python')).toMatchObject({
      status: 'met',
      reason: 'works with PyTorch, which means Python',
    });
  });

  it('believes a resume that says it lacks a skill, even when a related one is there', () => {
    expect(evidenceFor(forEngineer, 'skill:kafka')).toMatchObject({
      status: 'not-met',
      evidence: '- Feature events on RabbitMQ; no Kafka experience',
      reason: 'says they have no Kafka experience',
    });
  });

  it('gives partial credit for what someone is learning, and for a stem-matched topic', () => {
    expect(evidenceFor(results.get('learner'), 'skill:kubernetes')).toMatchObject({ status: 'partly' });
    expect(evidenceFor(forEngineer, 'topic:recommender-systems')).toMatchObject({ status: 'partly' });
  });

  it('accepts a commutable town for an onsite job and reads level and years from the resume', () => {
    expect(evidenceFor(forEngineer, 'location')).toMatchObject({
      status: 'met',
      reason: 'based in Bellevue, in the Seattle area',
    });
    expect(evidenceFor(forEngineer, 'seniority')).toMatchObject({
      status: 'met',
      reason: 'senior level from the title',
    });
    expect(evidenceFor(forEngineer, 'years-of-experience')).toMatchObject({ status: 'met' });
    expect(evidenceFor(results.get('learner'), 'years-of-experience')).toMatchObject({
      status: 'not-met',
      reason:
        'about 2.5 years as Machine Learning Engineer or close to it, from the dates of those jobs; 5 asked',
    });
  });

  it('counts years in the line of work the post asks for, not years in other work', async () => {
    const csm = trainJobProfile({
      job: { jobId: 'csm', title: 'Customer Success Manager', offices: ['Remote - US'] },
      post: {
        title: 'Customer Success Manager',
        content: '<h3>Requirements</h3><ul><li>3+ years in customer success at a B2B SaaS company</li></ul>',
      },
    });
    const people = [
      person(
        'associate',
        'Customer Success Associate — Tallyfy (B2B workflow SaaS) (Jun 2024 – present)\n- Onboarding calls and renewal reminders\nHostess and Server — Olive & Finch (2019 – 2024)',
      ),
      person(
        'manager',
        'Customer Success Manager — Ledgerly (2021 – present)\n- A book of 70 mid-market accounts\nAccount Manager\nBrightpath Payroll, 2019 – 2021',
      ),
      person(
        'prose',
        'For six years I have kept software customers renewing: onboarding, QBRs and save plans.',
      ),
      person(
        'support',
        'Support Specialist — Zendesk (2022 – present)\n- Escalated at-risk renewals to the account team and\n  the customer success manager on each account\nOffice Coordinator — Brightpath (2016 – 2022)',
      ),
    ];
    const scored = new Map(
      (await createMatcher().scoreCandidates(csm, people, { asOf: '2025-06-01' })).map((r) => [
        r.personId,
        r,
      ]),
    );
    expect(evidenceFor(scored.get('associate'), 'years-of-experience')).toMatchObject({
      status: 'not-met',
      reason:
        'about 1 year as Customer Success Manager or close to it, from the dates of those jobs; 3 asked',
    });
    // A related title counts, on the line with the dates or the line above them.
    expect(evidenceFor(scored.get('manager'), 'years-of-experience')).toMatchObject({
      status: 'met',
      reason: expect.stringContaining('about 6.5 years as Customer Success Manager or close to it'),
    });
    // A bullet wrapped onto the line above an office coordinator's dates is no title line; nine and a half
    // years of support and office work count, and the reason says none of those jobs had the title.
    expect(evidenceFor(scored.get('support'), 'years-of-experience')).toMatchObject({
      status: 'met',
      reason:
        'about 9.5 years from the dates of their jobs, none of them titled Customer Success Manager or close to it; 3 asked',
    });
    // No dated job to read: what the resume states.
    expect(evidenceFor(scored.get('prose'), 'years-of-experience')).toMatchObject({
      status: 'met',
      reason: 'states 6 years; 3 asked',
    });
  });

  it('reads a town in the office state as partly met where the metro table does not know the city', async () => {
    const denver = trainJobProfile({
      job: { jobId: 'pt-3', title: 'Outpatient Physical Therapist', offices: ['Denver, CO'] },
      post: { title: 'Outpatient Physical Therapist', content: '<ul><li>Manual therapy</li></ul>' },
    });
    const people = [
      person('aurora', 'Physical Therapist · Aurora, CO\nPhysical Therapist, Peak Rehab (2018 – present)'),
      person('reno', 'Physical Therapist · Reno, NV\nPhysical Therapist, Sierra Rehab (2018 – present)'),
    ];
    const scored = new Map(
      (await createMatcher().scoreCandidates(denver, people, { asOf: '2025-06-01' })).map((r) => [
        r.personId,
        r,
      ]),
    );
    expect(evidenceFor(scored.get('aurora'), 'location')).toMatchObject({
      status: 'partly',
      reason: 'in the same state (CO) as Denver; whether they can commute is not known',
    });
    expect(evidenceFor(scored.get('reno'), 'location')).toMatchObject({ status: 'not-met' });
  });

  it('counts a tool a long post names once, not only the words it repeats', async () => {
    // A long post repeats its everyday words ("close", "reconciliation", "journal"…); the tool it names once
    // is the rarest word among resumes, and so the one keyword search should weigh most.
    const duties = [
      'Own the month-end close calendar and the close checklist for the close team',
      'Review balance sheet reconciliation and account reconciliation for every entity, every month',
      'Review journal entries, accruals, prepaid expenses and fixed asset schedules before the close',
      'Prepare intercompany eliminations, currency remeasurement and translation for consolidation',
      'Partner with the plant controllers on inventory costing, standard cost roll and purchase price variance',
      'Support the external audit, internal controls testing, SOX walkthroughs and audit requests',
      'Improve close automation and documentation of policies, procedures and controls',
      'Manage, coach and develop two senior accountants and one staff accountant',
      'Run the close in FloQast',
    ];
    const accounting = trainJobProfile({
      job: { jobId: 'acct-1', title: 'Accounting Manager', offices: ['Remote'] },
      post: {
        title: 'Accounting Manager',
        content: `<h3>What you will do</h3><ul>${[...duties, ...duties.slice(0, 7)].map((d) => `<li>${d}</li>`).join('')}</ul>`,
      },
    });
    const career = `Accounting Manager — Brightline Foods (2018 – present)
- Month-end close for three entities, balance sheet reconciliations, journal entry review
- Intercompany eliminations and consolidation; external audit and SOX controls`;
    const scored = await createMatcher().scoreCandidates(
      accounting,
      [
        person('plain', `Dana Whitfield\n${career}\n- Moved our team onto Workiva`),
        person('tool', `Dana Whitfield\n${career}\n- Moved our team onto FloQast`),
      ],
      { asOf: '2025-06-01' },
    );
    expect(scored.map((r) => r.personId)).toEqual(['tool', 'plain']);
    expect(scored[0]!.components.keywordRelevance).toBeGreaterThan(scored[1]!.components.keywordRelevance);
  });

  it('ranks the engineer above a recruiter whose resume repeats every keyword', () => {
    expect(evidenceFor(results.get('recruiter'), 'title:machine-learning-engineer')).toMatchObject({
      status: 'not-met',
    });
    expect(forEngineer?.score).toBeGreaterThan(results.get('recruiter')?.score ?? 100);
  });

  it('gives one score from 0 to 100 with its parts and a summary, as plain JSON', () => {
    expect(forEngineer?.score).toBeGreaterThan(0);
    expect(forEngineer?.score).toBeLessThanOrEqual(100);
    expect(forEngineer).toMatchObject({
      jobId: 'ml-7',
      profileVersion: 1,
      profileHash: profile.contentHash,
      components: { missingMustHaves: ['Kafka'], semanticSimilarity: null },
      scorers: { local: 'used', semantic: { status: 'not-configured' } },
    });
    expect(forEngineer?.summary).toMatch(/^Meets \d of \d must-haves; partly: .*; missing: Kafka\.$/);
    expect(JSON.parse(JSON.stringify(forEngineer))).toEqual(forEngineer);
  });
});

describe('what the scorer is allowed to see', () => {
  it('scores only the blinded text: originals kept for export change nothing', async () => {
    const plain = person('p', 'Machine Learning Engineer (2015 – present)\nPython and Kubernetes');
    const withOriginals: BlindedCandidate = {
      ...plain,
      original: {
        text: 'Kafka Kafka Kafka recommender systems PyTorch',
        profile: { name: 'Someone', skills: ['Kafka'] },
      },
    };
    const matcher = createMatcher();
    const [a] = await matcher.scoreCandidates(profile, [plain], { asOf: '2025-06-01' });
    const [b] = await matcher.scoreCandidates(profile, [withOriginals], { asOf: '2025-06-01' });
    expect(b).toEqual(a);
  });

  it('refuses to score a person with no text rather than scoring them as empty', async () => {
    await expect(
      createMatcher().scoreCandidates(profile, [{ personId: 'blank', text: '  ' }]),
    ).rejects.toThrow(NothingToScoreError);
  });
});
