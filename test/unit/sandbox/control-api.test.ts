import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, HarvestClient } from '../../../greenhouse';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

interface SandboxState {
  seed: number;
  counts: Record<string, number>;
}

describe('the sandbox control API', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 17, candidates: 50 });
  });
  afterAll(() => t.close());

  it('says which credential opens it, and a Harvest client connected with that answer can read jobs', async () => {
    const demo = await t.control<{ client_id: string; client_secret: string; webhook_secret: string }>(
      'GET',
      '/demo-connection',
    );
    expect(demo.webhook_secret).toBeTruthy();
    const client = new HarvestClient({
      clientId: demo.client_id,
      clientSecret: demo.client_secret,
      tokenUrl: t.sandbox.tokenUrl,
      baseUrl: t.sandbox.baseUrl,
    });
    expect((await collect(client.listJobs({ per_page: 5 }), 500)).length).toBeGreaterThan(0);
  });

  it('reports counts of the tenant', async () => {
    const state = await t.control<SandboxState>('GET', '/state');
    expect(state.counts.candidates).toBe(50);
    expect(state.counts.jobs).toBeGreaterThanOrEqual(7);
  });

  it('lets a recruiter open and close a job, which Harvest then shows', async () => {
    const job = await t.control<{ id: number }>('POST', '/recruiter/jobs', {
      name: 'Warehouse Automation Engineer',
      interview_plan: ['Application Review', 'Tech Screen', 'Offer'],
    });
    const client = t.client();
    expect((await client.getJob(job.id))?.status).toBe('open');
    const stages = await collect(client.listJobInterviewStages({ job_ids: [job.id] }));
    // Lists come newest id first; the interview plan order is sort_order.
    expect(stages.sort((a, b) => a.sort_order - b.sort_order).map((s) => s.name)).toEqual([
      'Application Review',
      'Tech Screen',
      'Offer',
    ]);
    await t.control('POST', `/recruiter/jobs/${job.id}/close`);
    expect((await client.getJob(job.id))?.status).toBe('closed');
  });

  it('lets someone apply from the careers page and shows their record', async () => {
    const job = t.sandbox.runtime.state.jobs.find((j) => j.status === 'open');
    const { candidate } = await t.control<{ candidate: { id: number } }>('POST', '/recruiter/applications', {
      first_name: 'Ines',
      last_name: 'Inbound',
      email: 'ines@example.com',
      job_id: job?.id,
      linkedin_url: 'https://www.linkedin.com/in/ines-inbound',
    });
    const record = await t.control<{ applications: { job_id: number; stage_name: string }[] }>(
      'GET',
      `/candidates/${candidate.id}`,
    );
    expect(record.applications).toEqual([
      expect.objectContaining({ job_id: job?.id, stage_name: 'Application Review' }),
    ]);
    const page = await fetch(`${t.sandbox.url}/people/${candidate.id}`);
    expect(await page.text()).toContain('Ines Inbound');
  });

  it('injects 5xx answers and can switch them off again', async () => {
    await t.control('PUT', '/faults', { serverErrorRate: 1 });
    const failing = await t.harvest('/v3/sources');
    expect(failing.status).toBe(503);
    await t.control('DELETE', '/faults');
    expect((await t.harvest('/v3/sources')).status).toBe(200);
  });

  it('resets to a fresh tenant from a seed', async () => {
    await t.control('POST', '/reset', { seed: 99, candidates: 20 });
    const state = await t.control<SandboxState>('GET', '/state');
    expect(state).toMatchObject({ seed: 99, counts: { candidates: 20 } });
  });

  it('answers unknown control routes and bad bodies with 404 and 400', async () => {
    await expect(t.control('GET', '/nothing-here')).rejects.toThrow(/404/);
    await expect(t.control('PUT', '/faults', { serverErrorRate: 2 })).rejects.toThrow(/400/);
  });
});
