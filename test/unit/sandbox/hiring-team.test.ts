import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../../greenhouse';
import { hiringTeamFromGreenhouse } from '../../../db/queries/hiring-team';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

// Greenhouse keeps a job's hiring team in two lists: job owners (recruiters, coordinators, sourcers)
// and job hiring managers. The sandbox seeds a team on every job and serves both as Greenhouse does.
describe('hiring teams in the sandbox: GET /v3/job_owners and GET /v3/job_hiring_managers', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 17 });
  });
  afterAll(() => t.close());

  const state = () => t.sandbox.runtime.state;
  const name = (userId: number) => state().users.find((u) => u.id === userId)?.first_name;

  it('every job has a recruiter, a coordinator and a hiring manager, each someone whose access reaches it', async () => {
    const client = t.client();
    const owners = await collect(client.listJobOwners({ per_page: 500 }));
    const managers = await collect(client.listJobHiringManagers({ per_page: 500 }));
    for (const job of state().jobs) {
      const roles = hiringTeamFromGreenhouse(owners, managers)
        .filter((member) => member.jobId === job.id)
        .map((member) => member.role)
        .sort();
      expect(roles, job.name).toEqual(['coordinator', 'hiringManager', 'recruiter']);
    }
    const site = state().users.find((u) => u.site_admin);
    for (const row of [...owners, ...managers]) {
      const permitted =
        (row.user_id === site?.id && !state().jobs.find((j) => j.id === row.job_id)?.confidential) ||
        state().user_job_permissions.some((p) => p.job_id === row.job_id && p.user_id === row.user_id);
      expect(permitted, `${name(row.user_id)} on job ${row.job_id}`).toBe(true);
    }
  });

  it('Priya recruits for the Engineering jobs and Alex coordinates them', async () => {
    const engineering = state().departments.find((d) => d.name === 'Engineering')?.id;
    const job = state().jobs.find((j) => j.department_id === engineering && !j.confidential);
    expect(job, 'the seed has an Engineering job').toBeDefined();
    const owners = await collect(t.client().listJobOwners({ job_ids: [job!.id] }));
    expect(owners.map((o) => [o.type, name(o.user_id), o.responsible]).sort()).toEqual([
      ['coordinator', 'Alex', true],
      ['recruiter', 'Priya', true],
    ]);
  });

  it('filters by job_ids, user_ids and type, and refuses more than 50 ids or an unknown type', async () => {
    const client = t.client();
    const [first, second] = state().jobs;
    const both = await collect(client.listJobOwners({ job_ids: [first!.id, second!.id] }));
    expect(new Set(both.map((o) => o.job_id))).toEqual(new Set([first!.id, second!.id]));
    const recruiters = await collect(client.listJobOwners({ type: 'recruiter', per_page: 500 }));
    expect(recruiters.length).toBe(state().jobs.length);
    expect(recruiters.every((o) => o.type === 'recruiter')).toBe(true);
    const alex = state().users.find((u) => u.site_admin)!.id;
    const managedByAlex = await collect(client.listJobHiringManagers({ user_ids: [alex], per_page: 500 }));
    expect(managedByAlex.length).toBeGreaterThan(0);
    expect(managedByAlex.every((m) => m.user_id === alex)).toBe(true);

    const ids = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
    expect((await t.harvest(`/v3/job_owners?job_ids=${ids}`)).status).toBe(422);
    expect((await t.harvest(`/v3/job_hiring_managers?job_ids=${ids}`)).status).toBe(422);
    expect((await t.harvest('/v3/job_owners?type=hiring_manager')).status).toBe(422);
  });

  it('pages in descending ids; the client follows the links to the whole list', async () => {
    const firstPage = await t.harvest('/v3/job_owners?per_page=2');
    const rows = (await firstPage.json()) as { id: number }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
    expect(firstPage.headers.get('link')).toMatch(/rel="next"/);
    const paged = await collect(t.client().listJobHiringManagers({ per_page: 2 }));
    expect(paged.map((m) => m.id).sort()).toEqual(
      state()
        .job_hiring_managers.map((m) => m.id)
        .sort(),
    );
  });

  it('a job admin sees only the teams of the jobs they may see', async () => {
    const priya = state().users.find((u) => u.first_name === 'Priya')!.id;
    const hers = new Set(
      state()
        .user_job_permissions.filter((p) => p.user_id === priya)
        .map((p) => p.job_id),
    );
    const seen = await collect(t.client({ actAsUserId: priya }).listJobOwners({ per_page: 500 }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((o) => hers.has(o.job_id))).toBe(true);
    expect(seen.length).toBeLessThan(state().job_owners.length);
  });
});

describe('hiringTeamFromGreenhouse', () => {
  it('puts owners and hiring managers together in the rules’ words, each person and role once', () => {
    const team = hiringTeamFromGreenhouse(
      [
        { job_id: 1, user_id: 7, type: 'recruiter', responsible: false },
        { job_id: 1, user_id: 7, type: 'recruiter', responsible: true },
        { job_id: 1, user_id: 7, type: 'sourcer', responsible: false },
      ],
      [{ job_id: 1, user_id: 9 }],
    );
    expect(team).toEqual([
      { jobId: 1, greenhouseUserId: 7, role: 'recruiter', responsible: true },
      { jobId: 1, greenhouseUserId: 7, role: 'sourcer', responsible: false },
      { jobId: 1, greenhouseUserId: 9, role: 'hiringManager', responsible: false },
    ]);
  });
});
