import { evaluateRequirements } from '../../../matching/explain';
import { describe, expect, it } from 'vitest';
import { profileContentHash, trainJobProfile, type JobProfile, type Requirement } from '../../../matching';

// A Greenhouse post as Harvest returns it: HTML, with headings of every kind found in real posts.
const post = {
  title: 'Senior Software Engineer, Backend (Go)',
  content: `<p>Ledgerly runs the payment ledger behind 40,000 small businesses.</p>
<h3>What you'll do</h3>
<ul><li>Own your services in production on Kubernetes, including on-call</li></ul>
<p><strong>What you'll need</strong></p>
<ul>
  <li>5+ years of professional backend engineering experience</li>
  <li>Deep knowledge of PostgreSQL</li>
  <li>Experience with Kafka or RabbitMQ</li>
  <li>Experience with Terraform is a plus</li>
  <li>Experience with payment reconciliation</li>
</ul>
<h3>Nice to have</h3>
<ul><li>gRPC</li></ul>
<h3>Benefits</h3>
<ul><li>A learning budget for Python courses</li></ul>`,
};
const job = { jobId: '4012', title: 'Senior Software Engineer, Backend (Go)', offices: ['Berlin'] };

/** The title verdict on a resume, for a post that is only its title. */
function titleVerdict(title: string, resume: string) {
  const profile = trainJobProfile({
    job: { jobId: 'title-only', title, offices: ['Remote'] },
    post: { title, content: '' },
  });
  return evaluateRequirements(profile, resume, { asOf: new Date('2025-06-01') }).find(
    (r) => r.kind === 'title',
  );
}

function find(profile: JobProfile, id: string): Requirement {
  const requirement = profile.requirements.find((r) => r.id === id);
  if (!requirement)
    throw new Error(`no requirement ${id} in ${profile.requirements.map((r) => r.id).join(', ')}`);
  return requirement;
}

describe('training a job profile from its post', () => {
  const profile = trainJobProfile({ job, post });

  it('reads the title family, the level and the years asked for', () => {
    expect(find(profile, 'title:backend-engineer')).toMatchObject({
      importance: 'must',
      label: 'Backend Engineer',
    });
    expect(find(profile, 'seniority')).toMatchObject({ level: 'senior', importance: 'must' });
    expect(find(profile, 'years-of-experience')).toMatchObject({ minYears: 5, importance: 'must' });
  });

  it('makes a skill named in the title the heaviest must-have, with its aliases', () => {
    const go = find(profile, 'skill:go');
    expect(go).toMatchObject({ importance: 'must', origin: { section: 'title' } });
    expect(go.weight).toBeGreaterThan(find(profile, 'skill:postgresql').weight);
    expect(find(profile, 'skill:postgresql')).toMatchObject({
      importance: 'must',
      terms: expect.arrayContaining(['postgres']),
    });
  });

  it('treats "Kafka or RabbitMQ" as one requirement either meets', () => {
    expect(find(profile, 'skill:kafka|rabbitmq')).toMatchObject({
      label: 'Kafka or RabbitMQ',
      importance: 'must',
    });
  });

  it('reads hedged must-haves, nice-to-haves and duties as nice-to-haves', () => {
    expect(find(profile, 'skill:terraform')).toMatchObject({ importance: 'nice' });
    expect(find(profile, 'skill:grpc')).toMatchObject({ importance: 'nice' });
    expect(find(profile, 'skill:kubernetes')).toMatchObject({
      importance: 'nice',
      origin: { section: 'responsibilities' },
    });
  });

  it('keeps a requirement the dictionary does not know as a topic', () => {
    expect(find(profile, 'topic:payment-reconciliation')).toMatchObject({
      importance: 'must',
      phrases: ['payment reconciliation'],
    });
  });

  it('ignores the benefits section', () => {
    expect(profile.requirements.some((r) => r.id === 'skill:python')).toBe(false);
  });

  it('requires the office location for an onsite job', () => {
    expect(find(profile, 'location')).toMatchObject({
      arrangement: 'onsite',
      places: ['Berlin'],
      importance: 'must',
    });
  });

  it('says where each requirement came from', () => {
    expect(find(profile, 'skill:postgresql').origin).toEqual({
      section: 'must-have',
      line: 'Deep knowledge of PostgreSQL',
    });
  });

  it('reads a remote job as remote', () => {
    const remote = trainJobProfile({ job: { ...job, offices: ['Remote'] }, post });
    expect(find(remote, 'location')).toMatchObject({ arrangement: 'remote', importance: 'nice' });
  });

  it('matches a title the dictionary does not know as written, without its level or team', () => {
    const geneticist = trainJobProfile({
      job: { jobId: 'pg-1', title: 'Senior Plant Geneticist, Crops', offices: ['Ames, IA'] },
      post: {
        title: 'Senior Plant Geneticist, Crops',
        content: '<h3>Requirements</h3><ul><li>BLS and ACLS certification</li></ul>',
      },
    });
    expect(find(geneticist, 'title:plant-geneticist')).toMatchObject({
      terms: ['plant geneticist'],
      importance: 'must',
    });
    expect(find(geneticist, 'seniority')).toMatchObject({ level: 'senior' });
    expect(find(geneticist, 'topic:bls-acls-certification')).toMatchObject({
      phrases: ['bls', 'acls certification'],
    });
  });

  it('knows titles across professions as data: RN is a Registered Nurse, a corporate controller a financial controller', () => {
    const nurse = trainJobProfile({
      job: { jobId: 'rn-1', title: 'Senior Registered Nurse, ICU', offices: ['Queens, NY'] },
      post: { title: 'Senior Registered Nurse, ICU', content: '' },
    });
    expect(find(nurse, 'title:registered-nurse')).toMatchObject({ label: 'Registered Nurse' });
    expect((find(nurse, 'title:registered-nurse') as { terms: string[] }).terms).toEqual(
      expect.arrayContaining(['rn', 'registered nurse', 'enfermera']),
    );
    const evidence = titleVerdict('Financial Controller', 'Corporate Controller, Acme Corp (2018 – present)');
    expect(evidence?.status).toBe('met');
    const designResearcher = titleVerdict(
      'Senior UX Researcher',
      'User/Design Researcher, Studio (2020 – present)',
    );
    expect(designResearcher?.status).toBe('met');
  });

  it('does not take a title named in a skills list for one the person held', () => {
    const title = titleVerdict(
      'Registered Nurse, ICU',
      'Patient Care Technician, Medical ICU — OhioHealth (2022 – present)\nSkills: ICU, critical care, registered nurse, RN, BSN, CCRN, ventilator',
    );
    expect(title?.status).not.toBe('met');
    expect(title?.evidence).toBe('Patient Care Technician, Medical ICU — OhioHealth (2022 – present)');
  });

  it('reads an Embedded-Linux-Entwickler as an Embedded Linux Engineer, and a microcontroller firmware engineer as close, not the same', () => {
    const titleOf = (resume: string) => titleVerdict('Embedded Linux Engineer', resume)?.status;
    expect(titleOf('Embedded-Linux-Entwickler — Weidtmann Automation GmbH (2017 – 2024)')).toBe('met');
    expect(titleOf('Linux BSP Engineer, Acme Devices (2019 – present)')).toBe('met');
    expect(titleOf('Firmware Engineer, Pulse Wearables (2019 – present)')).toBe('partly');
  });

  it('reads the Job Board API form of a post, whose HTML comes entity-escaped', () => {
    const escaped = post.content.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const fromBoard = trainJobProfile({ job, post: { ...post, content: escaped } });
    expect(fromBoard.contentHash).toBe(profile.contentHash);
  });
});

describe('versioning a job profile', () => {
  const first = trainJobProfile({ job, post });

  it('starts at version 1 with a content hash', () => {
    expect(first.version).toBe(1);
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the version when training again gives the same profile', () => {
    const again = trainJobProfile({ job, post, previous: first });
    expect(again).toMatchObject({ version: 1, contentHash: first.contentHash });
  });

  it('moves to the next version when the post changes what is required', () => {
    const edited = trainJobProfile({
      job,
      post: { ...post, content: post.content.replace('gRPC', 'gRPC and Redis') },
      previous: first,
    });
    expect(edited.version).toBe(2);
    expect(edited.contentHash).not.toBe(first.contentHash);
  });

  it('moves to the next version after an upgrade that scores the same profile differently', () => {
    // What a profile stored by the previous scoring revision looks like to the new code: same content,
    // another hash. Training again must give a new version, so everyone on the job is scored again.
    const stored = {
      ...first,
      version: 3,
      contentHash: profileContentHash(first, 'an earlier scoring revision'),
    };
    const retrained = trainJobProfile({ job, post, previous: stored });
    expect(retrained.version).toBe(4);
    expect(retrained.contentHash).toBe(first.contentHash);
  });

  it('is plain JSON, so it can be stored and passed through Temporal unchanged', () => {
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});
