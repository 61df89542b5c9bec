import { describe, expect, it } from 'vitest';
import { createMatcher, trainJobProfile } from '../../../matching';
import { combineScores } from '../../../matching/combine';
import { evaluateRequirements } from '../../../matching/explain';
import { createLocalScorer } from '../../../matching/local-scorer';
import type { SemanticScorerResult } from '../../../matching/semantic-scorer';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

// Requirement-level evidence: a skill has to show in the work someone did, and a title that means the same
// job in other words counts once the model reads it so.

const profile = trainJobProfile({
  job: { jobId: 'de-1', title: 'Data Engineer', offices: ['Remote'] },
  post: {
    title: 'Data Engineer',
    content: '<h3>Requirements</h3><ul><li>Apache Spark</li><li>Airflow</li><li>SQL</li></ul>',
  },
});

describe('requirement evidence', () => {
  it('counts a skill named only in a skills list as partly met, and ranks it below the same skill used in a job', async () => {
    const used = person(
      'used',
      'Data Engineer, Shopwise (2019 – present)\n- Spark jobs scheduled with Airflow; SQL models in Snowflake',
    );
    const listed = person(
      'listed',
      'Data Engineer, Shopwise (2019 – present)\n- Maintained dashboards\nSkills: Spark, Airflow, SQL',
    );
    const results = await createMatcher().scoreCandidates(profile, [listed, used], { asOf: '2025-06-01' });

    expect(results.map((r) => r.personId)).toEqual(['used', 'listed']);
    const spark = results[1]!.requirements.find((r) => r.label === 'Apache Spark');
    expect(spark).toMatchObject({ status: 'partly' });
    expect(spark?.reason).toMatch(/under skills, but no experience shows it/);
  });

  it('lets a title line the model reads as the same job meet the title requirement', () => {
    const rn = person(
      'rn',
      'Big-data plumbing person, Shopwise (2019 – present)\n- Spark, Airflow and SQL pipelines',
    );
    const local = createLocalScorer().scoreWithDetails(profile, [rn], { asOf: new Date('2025-06-01') })[0]!;
    expect(local.requirements.find((r) => r.kind === 'title')?.status).toBe('not-met');
    const titleId = local.requirements.find((r) => r.kind === 'title')!.requirementId;
    const semantic: SemanticScorerResult = {
      personId: 'rn',
      score: 0.8,
      similarity: 0.8,
      requirements: [
        {
          requirementId: titleId,
          label: 'Data Engineer',
          kind: 'title',
          importance: 'must',
          weight: 4,
          status: 'met',
          evidence: 'Big-data plumbing person, Shopwise (2019 – present)',
          reason: 'held a title 0.81 similar in meaning',
          foundBy: 'semantic',
        },
      ],
    };
    const combined = combineScores({
      profile,
      local,
      semantic,
      semanticStatus: { status: 'used', model: 'm', similarity: 0.8 },
    });
    expect(combined.requirements.find((r) => r.kind === 'title')?.status).toBe('met');
    expect(combined.components.missingMustHaves).not.toContain('Data Engineer');
  });
});

describe('a title inside a longer title', () => {
  it('reads "Physical Therapist Assistant" as the assistant’s job, close to the therapist’s, not the same', () => {
    const therapist = trainJobProfile({
      job: { jobId: 'pt-1', title: 'Physical Therapist', offices: ['Denver, CO'] },
      post: { title: 'Physical Therapist', content: '<h3>Requirements</h3><ul><li>Manual therapy</li></ul>' },
    });
    const [assistant, therapistToo] = createLocalScorer().scoreWithDetails(
      therapist,
      [
        person(
          'pta',
          'Physical Therapist Assistant — Rocky Rehab (2019 – present)\n- Manual therapy under a PT',
        ),
        person(
          'pt',
          'Physical Therapist — Rocky Rehab (2019 – present)\n- Manual therapy, orthopedic caseload',
        ),
      ],
      { asOf: new Date('2025-06-01') },
    );
    const title = (r: typeof assistant) => r?.requirements.find((x) => x.kind === 'title');
    expect(title(assistant)).toMatchObject({ status: 'partly' });
    expect(title(assistant)?.reason).toMatch(/Physical Therapist Assistant is close to Physical Therapist/);
    expect(title(therapistToo)).toMatchObject({ status: 'met' });
  });
});

describe('a title as a sales team writes it', () => {
  it('reads "Sr. AE, Mid-Mkt" as an account executive, and "AE" in a motion designer’s tools as no title', () => {
    const ae = trainJobProfile({
      job: { jobId: 'ae-2', title: 'Account Executive', offices: ['Remote'] },
      post: { title: 'Account Executive', content: '<h3>Requirements</h3><ul><li>B2B SaaS sales</li></ul>' },
    });
    const [seller, designer] = createLocalScorer().scoreWithDetails(
      ae,
      [
        person('seller', 'Sr. AE, Mid-Mkt — Flexport, New York (2019 – present)\n- Full-cycle B2B SaaS'),
        person(
          'designer',
          'Motion Designer — Parcel Studio (2019 – present)\n- Launch videos for B2B SaaS brands\nTools: AE, Premiere, Figma',
        ),
      ],
      { asOf: new Date('2025-06-01') },
    );
    const title = (r: typeof seller) => r?.requirements.find((x) => x.kind === 'title');
    expect(title(seller)).toMatchObject({ status: 'met', reason: 'has held the title AE' });
    expect(title(designer)).toMatchObject({ status: 'not-met' });
  });
});

describe('the level a post asks for', () => {
  const verdicts = (title: string, requirements: string, resume: string) =>
    evaluateRequirements(
      trainJobProfile({
        job: { jobId: 'lvl', title, offices: ['Remote'] },
        post: { title, content: `<h3>Requirements</h3><ul><li>${requirements}</li></ul>` },
      }),
      resume,
      { asOf: new Date('2025-06-01') },
    );
  const nurse = `RN, Cardiac Telemetry (days) — Southeastern Ohio Regional, 2021–pres
RN, Med-Surg — same hospital, 2015–2021`;

  it('reads "1+ years" as a floor an experienced person stands on, and "2021–pres" as running to today', () => {
    const found = verdicts('Registered Nurse', '1+ years of acute care experience', nurse);
    // The titles name no level: it is read from the length of the career, which no line of the resume says, so
    // nothing is quoted as if it did.
    expect(found.find((r) => r.kind === 'seniority')).toMatchObject({
      status: 'met',
      evidence: null,
      reason: 'senior level from the length of their career (about 10 years)',
    });
    expect(found.find((r) => r.kind === 'years-of-experience')).toMatchObject({
      status: 'met',
      reason: expect.stringContaining('about 10.5 years as Registered Nurse'),
    });
  });

  it('still asks about someone far above a level the title names', () => {
    const found = verdicts(
      'Junior Data Analyst',
      'SQL',
      'Principal Data Scientist, Acme (2010 – present)\n- Led the data science team',
    );
    expect(found.find((r) => r.kind === 'seniority')).toMatchObject({
      status: 'partly',
      reason: expect.stringContaining('check they want this role'),
    });
  });
});
