import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('streaming a tenant page by page', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 7, candidates: 1_200 });
  });
  afterAll(() => t.close());

  it('reads more than 1,000 candidates in descending id order, each follow-up carrying only the cursor', async () => {
    const client = t.client();
    t.requests.length = 0;
    const ids: number[] = [];
    for await (const candidate of client.listCandidates({ per_page: 100 })) ids.push(candidate.id);

    expect(ids).toHaveLength(1_200);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const pages = t.requests.filter((r) => r.url.pathname === '/v3/candidates');
    expect(pages).toHaveLength(12);
    expect(pages[0]?.url.searchParams.get('per_page')).toBe('100');
    for (const followUp of pages.slice(1)) {
      expect([...followUp.url.searchParams.keys()]).toEqual(['cursor']);
      expect(followUp.status).toBe(200);
    }
  });

  it('keeps filters across pages because the cursor carries them', async () => {
    const client = t.client();
    const applications = [];
    for await (const application of client.listApplications({ status: 'rejected', per_page: 25 })) {
      applications.push(application);
    }
    const expected = t.sandbox.runtime.state.applications.filter((a) => a.status === 'rejected').length;
    expect(expected).toBeGreaterThan(25);
    expect(applications).toHaveLength(expected);
    expect(applications.every((application) => application.status === 'rejected')).toBe(true);
  });

  it('fetches lazily: stopping after the first record costs one request', async () => {
    const client = t.client();
    t.requests.length = 0;
    for await (const _job of client.listApplications({ per_page: 10 })) break;
    expect(t.requests.filter((r) => r.url.pathname === '/v3/applications')).toHaveLength(1);
  });

  it('splits more than 50 ids into several requests', async () => {
    const client = t.client();
    const wanted = t.sandbox.runtime.state.candidates.slice(0, 120).map((c) => c.id);
    t.requests.length = 0;
    const found = [];
    for await (const candidate of client.listCandidates({ ids: wanted })) found.push(candidate.id);
    expect(found.sort()).toEqual([...wanted].sort());
    const sent = t.requests
      .filter((r) => r.url.pathname === '/v3/candidates')
      .map((r) => r.url.searchParams.get('ids')?.split(',').length ?? 0);
    expect(sent).toEqual([50, 50, 20]);
  });

  it('Greenhouse refuses a cursor sent with other parameters', async () => {
    const first = await t.harvest('/v3/candidates?per_page=5');
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBeDefined();
    const withExtra = new URL(next as string);
    withExtra.searchParams.set('per_page', '5');
    const refused = await t.harvest(`${withExtra.pathname}${withExtra.search}`);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      errors: ['When passing a cursor, do not include other query params.'],
    });
  });
});
