import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

/** The sandbox must refuse and hide things exactly where Greenhouse does. */
describe('Harvest semantics of the sandbox', () => {
  let t: TestSandbox;
  let token: string;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 13 });
    token = await t.token();
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const response = await t.harvest(path, { token });
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
  };
  const errorsOf = (body: unknown) => (body as { errors: string[] }).errors.join(' ');

  it('answers lists with a bare array and the three rate-limit headers', async () => {
    const { status, headers, body } = await get('/v3/departments');
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(headers.get('x-ratelimit-limit')).toBe('75');
    expect(Number(headers.get('x-ratelimit-remaining'))).toBeLessThan(75);
    expect(Number(headers.get('x-ratelimit-reset')) % 30).toBe(0);
  });

  it('refuses more than 50 ids and per_page outside 1–500 (100 on search)', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
    expect((await get(`/v3/candidates?ids=${ids}`)).status).toBe(422);
    expect((await get(`/v3/applications?candidate_ids=${ids}`)).status).toBe(422);
    expect((await get('/v3/jobs?per_page=0')).status).toBe(422);
    expect((await get('/v3/jobs?per_page=501')).status).toBe(422);
    expect((await get('/v3/jobs?per_page=500')).status).toBe(200);
    expect((await get('/v3/candidates/search?per_page=101')).status).toBe(422);
  });

  it('filters by pipe dates, and refuses created_at together with updated_at', async () => {
    const window = 'gte|2000-01-01T00:00:00Z|lte|2100-01-01T00:00:00Z';
    expect((await get(`/v3/applications?updated_at=${window}`)).status).toBe(200);
    const both = await get(`/v3/applications?updated_at=${window}&created_at=${window}`);
    expect(both.status).toBe(422);
    const malformed = await get('/v3/applications?updated_at=after|yesterday');
    expect(malformed.status).toBe(422);
    const future = await get('/v3/applications?updated_at=gte|2100-01-01T00:00:00Z');
    expect(future.body).toEqual([]);
  });

  it('pages in descending id order and the cursor must travel alone', async () => {
    const first = await get('/v3/applications?per_page=3');
    const ids = (first.body as { id: number }[]).map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const link = first.headers.get('link') ?? '';
    const next = new URL(/<([^>]+)>; rel="next"/.exec(link)?.[1] as string);
    expect([...next.searchParams.keys()]).toEqual(['cursor']);
    const second = await get(`${next.pathname}${next.search}`);
    expect(Math.max(...(second.body as { id: number }[]).map((a) => a.id))).toBeLessThan(Math.min(...ids));
    const rejected = await get(`${next.pathname}${next.search}&status=active`);
    expect(rejected).toMatchObject({
      status: 422,
      body: { errors: ['When passing a cursor, do not include other query params.'] },
    });
  });

  it('says in_process in answers but only takes active as the status filter', async () => {
    const active = await get('/v3/applications?status=active&per_page=50');
    expect((active.body as { status: string }[]).every((a) => a.status === 'in_process')).toBe(true);
    expect((await get('/v3/applications?status=in_process')).status).toBe(422);
  });

  it('hides service accounts, inactive job posts and default rejection reasons unless asked', async () => {
    const { serviceAccounts, defaults, inactivePosts } = (() => {
      const state = t.sandbox.runtime.state;
      return {
        serviceAccounts: state.service_account_user_ids,
        defaults: state.default_rejection_reason_ids,
        inactivePosts: state.job_posts.filter((p) => !p.active).map((p) => p.id),
      };
    })();
    expect(serviceAccounts.length).toBeGreaterThan(0);
    expect(defaults.length).toBeGreaterThan(0);
    expect(inactivePosts.length).toBeGreaterThan(0);

    const ids = (body: unknown) => (body as { id: number }[]).map((r) => r.id);
    expect(ids((await get('/v3/users')).body)).not.toContain(serviceAccounts[0]);
    expect(ids((await get('/v3/users?show_service_accounts=true')).body)).toContain(serviceAccounts[0]);
    expect(ids((await get('/v3/job_posts?per_page=500')).body)).not.toContain(inactivePosts[0]);
    expect(ids((await get('/v3/job_posts?active=false&per_page=500')).body)).toContain(inactivePosts[0]);
    expect(ids((await get('/v3/rejection_reasons')).body)).not.toContain(defaults[0]);
    expect(ids((await get('/v3/rejection_reasons?include_defaults=true')).body)).toContain(defaults[0]);
  });

  it('finds every person sharing an email, case-insensitively', async () => {
    const counts = new Map<string, number>();
    for (const candidate of t.sandbox.runtime.state.candidates) {
      const email = candidate.email_addresses[0]?.value;
      if (email) counts.set(email, (counts.get(email) ?? 0) + 1);
    }
    const [shared, howMany] = [...counts].find(([, n]) => n > 1) ?? [];
    const found = await get(`/v3/candidates?email=${encodeURIComponent(String(shared).toUpperCase())}`);
    expect((found.body as unknown[]).length).toBe(howMany);
  });

  it('answers 401 without a valid token and 404 for paths Harvest does not have', async () => {
    expect((await t.harvest('/v3/jobs', { token: 'not-a-token' })).status).toBe(401);
    expect((await fetch(`${t.sandbox.baseUrl}/jobs`)).status).toBe(401);
    const unknown = await get('/v3/not_a_resource');
    expect(unknown.status).toBe(404);
  });

  it('refuses bodies with unknown fields and names what is wrong', async () => {
    const response = await t.harvest('/v3/candidates', {
      method: 'POST',
      token,
      body: { first_name: 'A', last_name: 'B', favourite_colour: 'green' },
    });
    expect(response.status).toBe(422);
    expect(errorsOf(await response.json())).toContain('favourite_colour');
  });

  it('gives a job admin an empty list for a job they cannot see, and a 403 when they write to it', async () => {
    const state = t.sandbox.runtime.state;
    const admin = state.users.find(
      (u) => !u.site_admin && state.user_job_permissions.some((p) => p.user_id === u.id),
    );
    const theirs = new Set(
      state.user_job_permissions.filter((p) => p.user_id === admin?.id).map((p) => p.job_id),
    );
    const elsewhere = state.applications.find(
      (a) => a.job_id !== null && !theirs.has(a.job_id) && a.status === 'in_process',
    );
    const adminToken = await t.token({ sub: admin?.id });

    const listed = await t.harvest(`/v3/applications?ids=${elsewhere?.id}`, { token: adminToken });
    expect(await listed.json()).toEqual([]);
    const reasons = state.rejection_reasons[0]?.id;
    const write = await t.harvest(`/v3/applications/${elsewhere?.id}/reject`, {
      method: 'POST',
      token: adminToken,
      body: { rejection_reason_id: reasons },
    });
    expect(write.status).toBe(403);
  });

  it('transfers to another job onto its first stage (as Greenhouse documents), and unrejects onto the stage rejected from', async () => {
    const state = t.sandbox.runtime.state;
    const openJobs = state.jobs.filter((j) => j.status === 'open').map((j) => j.id);
    const moving = state.applications.find(
      (a) =>
        !a.prospect &&
        a.status === 'in_process' &&
        openJobs.includes(a.job_id as number) &&
        openJobs.some(
          (j) =>
            j !== a.job_id &&
            !state.applications.some((b) => b.candidate_id === a.candidate_id && b.job_id === j),
        ),
    )!;
    const target = openJobs.find(
      (j) =>
        j !== moving.job_id &&
        !state.applications.some((b) => b.candidate_id === moving.candidate_id && b.job_id === j),
    )!;
    const targetStages = state.job_interview_stages
      .filter((s) => s.job_id === target)
      .sort((a, b) => a.sort_order - b.sort_order);
    const post = (path: string, body: unknown) => t.harvest(path, { method: 'POST', token, body });
    const moved = await post(`/v3/applications/${moving.id}/move`, {
      from_stage_id: moving.job_interview_stage_id,
      to_job_id: target,
      to_stage_id: targetStages[1]!.id,
    });
    expect(moved.status).toBe(204);
    expect(moving).toMatchObject({ job_id: target, job_interview_stage_id: targetStages[0]!.id });

    const stageBefore = moving.job_interview_stage_id;
    const reason = state.rejection_reasons[0]!.id;
    expect((await post(`/v3/applications/${moving.id}/reject`, { rejection_reason_id: reason })).status).toBe(
      204,
    );
    expect((await post(`/v3/applications/${moving.id}/unreject`, {})).status).toBe(204);
    expect(moving).toMatchObject({
      status: 'in_process',
      rejection_reason_id: null,
      job_interview_stage_id: stageBefore,
    });
    expect((await post(`/v3/applications/${moving.id}/unreject`, {})).status).toBe(422);
  });

  it('lists a pool’s prospects through prospect details: by pool, in a time window, by prospective department', async () => {
    const state = t.sandbox.runtime.state;
    const detail = state.prospect_details.find((d) => d.pool_id !== null)!;
    const inPool = (await get(`/v3/prospect_details?pool_ids=${detail.pool_id}&per_page=500`)).body as {
      application_id: number;
      pool_id: number;
    }[];
    expect(inPool.length).toBe(state.prospect_details.filter((d) => d.pool_id === detail.pool_id).length);
    expect(inPool.every((d) => d.pool_id === detail.pool_id)).toBe(true);
    const later = await get(
      `/v3/prospect_details?pool_ids=${detail.pool_id}&updated_at=gte|2100-01-01T00:00:00Z`,
    );
    expect(later.body).toEqual([]);
    const byDepartment = (
      await get(`/v3/prospect_details?department_ids=${detail.department_id}&per_page=500`)
    ).body as { department_id: number }[];
    expect(byDepartment.length).toBeGreaterThan(0);
    expect(byDepartment.every((d) => d.department_id === detail.department_id)).toBe(true);
  });

  it('answers 429 with Retry-After once the window is spent', async () => {
    const small = await startTestSandbox({ rateLimit: 3 });
    try {
      const smallToken = await small.token();
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await small.harvest('/v3/sources', { token: smallToken }));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      const refused = statuses[3] as Response;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    } finally {
      await small.close();
    }
  });
});
