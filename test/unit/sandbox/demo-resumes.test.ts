import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, Attachment, Candidate, Job, JobPost } from '../../../greenhouse/schemas';
import {
  blindCandidate,
  createMatcher,
  extractDocument,
  trainJobProfile,
  type BlindedCandidate,
} from '../../../matching';
import { generateDemoTenant } from '../../../sandbox';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

// The demo tenant's people carry resumes the matcher can read, so `npm start` shows a real spread of
// scores: every open job has people above the default approval threshold (70) and people far below.
// Read the way the source activity reads them: the attachment list, then the file at its URL.

const approvalThreshold = 70;

async function list<T>(sandbox: TestSandbox, path: string): Promise<T[]> {
  const response = await sandbox.harvest(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T[];
}

describe('resumes in the seeded demo tenant', () => {
  let sandbox: TestSandbox;
  const scoresByJob = new Map<string, number[]>();
  const formats = new Map<string, number>();
  /** Each person's Greenhouse title beside the job line under EXPERIENCE in their resume. */
  const titles: { name: string; title: string | null | undefined; currentJob: string }[] = [];

  beforeAll(async () => {
    // The demo's own seed (SANDBOX_SEED defaults to 1); a large budget, since this reads everything.
    sandbox = await startTestSandbox({ seed: 1, rateLimit: 10_000 });
    const jobs = await list<Job>(sandbox, '/v3/jobs?status=open&per_page=500');
    const offices = await list<{ id: number; name: string }>(sandbox, '/v3/offices?per_page=500');
    const posts = await list<JobPost>(sandbox, '/v3/job_posts?active=true&per_page=500');
    const applications = await list<Application>(sandbox, '/v3/applications?per_page=500');
    const candidates = await list<Candidate>(sandbox, '/v3/candidates?per_page=500');
    const resumes = await list<Attachment>(sandbox, '/v3/attachments?type=resume&per_page=500');
    const texts = new Map<number, string>();
    for (const resume of resumes) {
      const response = await fetch(resume.url);
      expect(response.status, resume.url).toBe(200);
      const extracted = await extractDocument({
        fileName: resume.filename,
        contentType: response.headers.get('content-type') ?? undefined,
        bytes: new Uint8Array(await response.arrayBuffer()),
      });
      if (!extracted.ok) throw new Error(extracted.message);
      formats.set(extracted.format, (formats.get(extracted.format) ?? 0) + 1);
      texts.set(resume.application_id, extracted.text);
      const lines = extracted.text.split('\n').map((line) => line.trim());
      const candidate = candidates.find((c) => c.id === resume.candidate_id);
      titles.push({
        name: `${candidate?.first_name} ${candidate?.last_name}`,
        title: candidate?.title,
        currentJob: lines[lines.indexOf('EXPERIENCE') + 1] ?? '',
      });
    }

    const matcher = createMatcher();
    for (const job of jobs) {
      const post = posts.find((p) => p.job_id === job.id);
      const profile = trainJobProfile({
        job: {
          jobId: String(job.id),
          title: job.name ?? '',
          offices: (job.office_ids ?? []).flatMap((id) =>
            offices.filter((o) => o.id === id).map((o) => o.name),
          ),
        },
        ...(post ? { post: { title: post.title ?? '', content: post.content ?? '' } } : {}),
      });
      const people: BlindedCandidate[] = [];
      for (const application of applications) {
        const onJob =
          application.job_id === job.id ||
          (application.prospect && (application.prospective_job_ids ?? []).includes(job.id));
        const text = texts.get(application.id);
        const candidate = candidates.find((c) => c.id === application.candidate_id);
        if (!onJob || !text || !candidate) continue;
        const prepared = blindCandidate({
          personId: String(application.id),
          resumeText: text,
          profile: {
            name: `${candidate.first_name} ${candidate.last_name}`,
            ...(candidate.title ? { title: candidate.title } : {}),
            ...(candidate.company ? { company: candidate.company } : {}),
            pastJobs: [],
            skills: [],
            emails: candidate.email_addresses.map((e) => e.value),
            phones: candidate.phone_numbers.map((p) => p.value),
            links: [],
          },
          identity: {
            names: [`${candidate.first_name} ${candidate.last_name}`],
            emails: candidate.email_addresses.map((e) => e.value),
            phones: candidate.phone_numbers.map((p) => p.value),
          },
        });
        if (prepared.ok) people.push(prepared.candidate);
      }
      const results = await matcher.scoreCandidates(profile, people);
      scoresByJob.set(
        job.name ?? String(job.id),
        results.map((r) => Math.round(r.score)),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('serves most applications a resume, as PDF or plain text, at the attachment URL', () => {
    const tenant = sandbox.sandbox.runtime.state;
    const withResume = new Set(
      tenant.attachments.filter((a) => a.type === 'resume').map((a) => a.candidate_id),
    );
    expect(withResume.size / tenant.candidates.length).toBeGreaterThan(0.6);
    expect(formats.get('pdf')).toBeGreaterThan(20);
    expect(formats.get('text')).toBeGreaterThan(20);
  });

  it('shows each person under the title of the job their resume says they hold now', () => {
    expect(titles.length).toBeGreaterThan(40);
    for (const { name, title, currentJob } of titles) {
      expect(currentJob.startsWith(`${title} — `), `${name}: "${title}" / "${currentJob}"`).toBe(true);
    }
  });

  it('gives every open job several people above the approval threshold and several far below', () => {
    expect(scoresByJob.size).toBeGreaterThanOrEqual(5);
    const summary = [...scoresByJob].map(([job, scores]) => ({
      job,
      people: scores.length,
      strong: scores.filter((s) => s >= approvalThreshold).length,
      middle: scores.filter((s) => s >= 40 && s < approvalThreshold).length,
      weak: scores.filter((s) => s < 40).length,
      max: Math.max(...scores),
      min: Math.min(...scores),
    }));
    console.info(JSON.stringify(summary));
    for (const row of summary) {
      expect(row.strong, row.job).toBeGreaterThanOrEqual(3);
      expect(row.weak, row.job).toBeGreaterThanOrEqual(3);
    }
  });

  it('still yields the same tenant for the same seed', () => {
    const anchor = new Date('2026-06-01T00:00:00Z');
    expect(generateDemoTenant({ seed: 7, anchor })).toEqual(generateDemoTenant({ seed: 7, anchor }));
  });
});
