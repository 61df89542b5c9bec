import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, visibleJobsForUser } from '../../../greenhouse';
import { demoPeople, startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('which jobs a Greenhouse user sees', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 5 });
  });
  afterAll(() => t.close());

  const jobs = () => t.sandbox.runtime.state.jobs;
  const permittedJobIds = (userId: number) =>
    t.sandbox.runtime.state.user_job_permissions.filter((p) => p.user_id === userId).map((p) => p.job_id);

  it('shows a site admin every non-confidential job plus the confidential ones they are on', async () => {
    const { siteAdmin } = demoPeople(t.sandbox);
    const visible = await visibleJobsForUser(t.client(), siteAdmin.id);
    const confidential = jobs().filter((j) => j.confidential);
    expect(confidential.length).toBeGreaterThan(0);
    const expected = jobs().filter((j) => !j.confidential || permittedJobIds(siteAdmin.id).includes(j.id));
    expect(visible.map((j) => j.id)).toEqual(expected.map((j) => j.id).sort((a, b) => a - b));
  });

  it('shows each job admin only the jobs of their permissions, and the two differ', async () => {
    const { jobAdmins } = demoPeople(t.sandbox);
    const seen = [];
    for (const admin of jobAdmins) {
      const visible = await visibleJobsForUser(t.client(), admin.id);
      expect(visible.map((j) => j.id)).toEqual([...new Set(permittedJobIds(admin.id))].sort((a, b) => a - b));
      seen.push(visible.map((j) => j.id).join(','));
    }
    expect(new Set(seen).size).toBe(jobAdmins.length);
    expect(jobAdmins.every((admin) => !admin.site_admin)).toBe(true);
  });

  it('shows a deactivated user nothing', async () => {
    const former = t.sandbox.runtime.state.users.find((u) => u.deactivated);
    expect(await visibleJobsForUser(t.client(), former?.id as number)).toEqual([]);
  });

  it('gives a token acting as a job admin empty lists, not errors, outside their jobs', async () => {
    const [admin] = demoPeople(t.sandbox).jobAdmins;
    const asAdmin = t.client({ actAsUserId: admin?.id });
    const theirs = new Set(permittedJobIds(admin?.id as number));
    const elsewhere = jobs().find((j) => !theirs.has(j.id));

    expect((await collect(asAdmin.listJobs())).every((j) => theirs.has(j.id))).toBe(true);
    expect(await collect(asAdmin.listApplications({ job_ids: [elsewhere?.id as number] }))).toEqual([]);
    const everything = await collect(t.client().listApplications({ job_ids: [elsewhere?.id as number] }));
    expect(everything.length).toBeGreaterThan(0);
  });
});
