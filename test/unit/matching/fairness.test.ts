import { describe, expect, it } from 'vitest';
import {
  adverseImpactReport,
  adverseImpactReports,
  blindCandidate,
  createMatcher,
  trainJobProfile,
  type SelectionDecision,
} from '../../../matching';

const profile = trainJobProfile({
  job: { jobId: 'sre-9', title: 'Site Reliability Engineer', offices: ['Chicago, IL'] },
  post: {
    title: 'Site Reliability Engineer',
    content: `<h3>Requirements</h3><ul><li>3+ years in SRE or platform roles</li><li>Kubernetes</li>
      <li>Terraform</li><li>AWS</li><li>On-call experience</li></ul>`,
  },
});

type Identity = {
  name: string;
  subject: string;
  object: string;
  possessive: string;
  street: string;
  zip: string;
};

// Names, pronouns and addresses that signal different genders, races and neighbourhoods.
const identities: Identity[] = [
  {
    name: 'Emily Walsh',
    subject: 'She',
    object: 'her',
    possessive: 'her',
    street: '2100 N Lincoln Ave',
    zip: '60614',
  },
  {
    name: 'Greg Baker',
    subject: 'He',
    object: 'him',
    possessive: 'his',
    street: '1840 N Halsted St',
    zip: '60614',
  },
  {
    name: 'Lakisha Washington',
    subject: 'She',
    object: 'her',
    possessive: 'her',
    street: '6300 S Halsted St',
    zip: '60621',
  },
  {
    name: 'Jamal Jones',
    subject: 'He',
    object: 'him',
    possessive: 'his',
    street: '7100 S Racine Ave',
    zip: '60621',
  },
  {
    name: 'José Hernández',
    subject: 'He',
    object: 'him',
    possessive: 'his',
    street: '1800 S Blue Island Ave',
    zip: '60608',
  },
  {
    name: 'Mei Chen',
    subject: 'She',
    object: 'her',
    possessive: 'her',
    street: '2200 S Wentworth Ave',
    zip: '60616',
  },
  {
    name: 'Mohammed Al-Sayed',
    subject: 'He',
    object: 'him',
    possessive: 'his',
    street: '6000 N Kedzie Ave',
    zip: '60659',
  },
  {
    name: 'Alex Kim',
    subject: 'They',
    object: 'them',
    possessive: 'their',
    street: '900 W Argyle St',
    zip: '60640',
  },
];

function resume(who: Identity): string {
  const [first] = who.name.split(' ');
  return `${who.name}
${who.name.toLowerCase().replace(/\s+/g, '.')}@gmail.com | (312) 555-0100 | ${who.street}, Chicago, IL ${who.zip}

Site Reliability Engineer, Citybike (2019 – present)
- ${first} runs 12 EKS clusters; ${who.subject.toLowerCase()} wrote the Terraform modules for every AWS account
- On-call lead; ${who.possessive} postmortems are used as training material. Colleagues describe ${who.object} as calm.
Systems Engineer, Verizon (2016 – 2019)

Education
B.S. Information Technology, DePaul University, 2016`;
}

const background = [
  'Platform Engineer (2018 – present)\nKubernetes on GCP, Pulumi, on-call',
  'Systems Administrator (2010 – present)\nWindows Server, VMware, Chicago',
  'Junior DevOps Engineer (2024 – present)\nDocker, GitHub Actions, some AWS, Chicago',
];

describe('the same resume under names, pronouns and zip codes of different groups', () => {
  async function scoreVariants(knownNames: boolean) {
    const candidates = [
      ...identities.map((who, i) => {
        const prepared = blindCandidate({
          personId: `variant-${i}`,
          resumeText: resume(who),
          ...(knownNames ? { identity: { names: [who.name] } } : {}),
        });
        if (!prepared.ok) throw new Error(prepared.message);
        return prepared.candidate;
      }),
      ...background.map((text, i) => ({ personId: `other-${i}`, text })),
    ];
    const results = await createMatcher().scoreCandidates(profile, candidates, { asOf: '2025-06-01' });
    return { candidates, variants: results.filter((r) => r.personId.startsWith('variant-')) };
  }

  it('scores within half a point when Greenhouse supplies the name', async () => {
    const { variants } = await scoreVariants(true);
    const scores = variants.map((r) => r.score);

    expect(variants).toHaveLength(identities.length);
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThanOrEqual(0.5);
  });

  it('scores within half a point when the name is only in the resume header', async () => {
    const { variants } = await scoreVariants(false);
    const scores = variants.map((r) => r.score);

    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThanOrEqual(0.5);
  });

  it('because the scorer reads the same blinded text for every variant', async () => {
    const { candidates } = await scoreVariants(false);
    const texts = new Set(candidates.filter((c) => c.personId.startsWith('variant-')).map((c) => c.text));

    expect(texts.size).toBe(1);
    expect([...texts][0]).not.toMatch(/Emily|Jamal|606\d\d|Halsted|She|his\b/);
  });
});

function decision(
  personId: string,
  selected: boolean,
  eeoc: SelectionDecision['eeoc'],
  extra: Partial<SelectionDecision> = {},
): SelectionDecision {
  return { personId, jobId: 'job-1', selected, eeoc, ...extra };
}

// Greenhouse EEOC answers: objects with a description (a message for veteran status).
const female = { gender: { id: 1, description: 'Female' } };
const male = { gender: { id: 2, description: 'Male' } };
const declined = { gender: { id: 3, description: 'Decline To Self Identify' } };

function many(
  count: number,
  selectedCount: number,
  eeoc: SelectionDecision['eeoc'],
  prefix: string,
  ruleId?: string,
) {
  return Array.from({ length: count }, (_, i) =>
    decision(`${prefix}-${i}`, i < selectedCount, eeoc, ruleId ? { ruleId } : {}),
  );
}

describe('adverse impact of selections, by self-reported EEOC category', () => {
  const decisions = [
    ...many(10, 3, female, 'f', 'rule-score-80'),
    ...many(10, 6, male, 'm', 'rule-score-80'),
    ...many(4, 2, declined, 'd', 'rule-score-80'),
    ...many(3, 1, null, 'n'),
  ];

  it('compares each group with the most selected one and flags ratios below four fifths', () => {
    const report = adverseImpactReport(decisions, { jobId: 'job-1', ruleId: null });
    const gender = report.dimensions.find((d) => d.dimension === 'gender');

    expect(report).toMatchObject({ considered: 27, selected: 12 });
    expect(gender).toEqual({
      dimension: 'gender',
      groups: [
        {
          category: 'Female',
          considered: 10,
          selected: 3,
          selectionRate: 0.3,
          impactRatio: 0.5,
          belowFourFifths: true,
          smallSample: false,
        },
        {
          category: 'Male',
          considered: 10,
          selected: 6,
          selectionRate: 0.6,
          impactRatio: 1,
          belowFourFifths: false,
          smallSample: false,
        },
      ],
      highestGroup: 'Male',
      unknown: { considered: 7, selected: 3 },
      flagged: ['Female'],
    });
  });

  it('counts people who did not answer as unknown, never as a group', () => {
    const report = adverseImpactReport(decisions, { jobId: 'job-1', ruleId: null });
    const race = report.dimensions.find((d) => d.dimension === 'race');

    expect(race).toMatchObject({
      groups: [],
      highestGroup: null,
      unknown: { considered: 27, selected: 12 },
      flagged: [],
    });
  });

  it('reports per job and per rule', () => {
    const reports = adverseImpactReports([
      ...decisions,
      ...many(6, 6, female, 'other-job').map((d) => ({ ...d, jobId: 'job-2' })),
    ]);

    expect(reports.map((r) => [r.jobId, r.ruleId, r.considered])).toEqual([
      ['job-1', null, 27],
      ['job-1', 'rule-score-80', 24],
      ['job-2', null, 6],
    ]);
  });

  it('marks groups too small to read anything into, and never divides by zero', () => {
    const small = adverseImpactReport(
      [
        decision('a', true, {
          race: 'Asian',
          veteran_status: { id: 1, message: 'I am not a protected veteran' },
        }),
        decision('b', false, { race: 'Black or African American' }),
      ],
      { jobId: 'job-1', ruleId: null },
    );
    const race = small.dimensions.find((d) => d.dimension === 'race');
    expect(race?.groups.every((g) => g.smallSample)).toBe(true);
    expect(small.dimensions.find((d) => d.dimension === 'veteran_status')?.groups[0]?.category).toBe(
      'I am not a protected veteran',
    );

    const noneSelected = adverseImpactReport(many(6, 0, female, 'z'), { jobId: 'job-1', ruleId: null });
    expect(noneSelected.dimensions.find((d) => d.dimension === 'gender')).toMatchObject({
      highestGroup: null,
      groups: [{ impactRatio: null, belowFourFifths: false }],
    });
  });
});
