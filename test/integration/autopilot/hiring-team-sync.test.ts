import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSyncActivities } from '../../../activities/job-sync';
import type { Db } from '../../../db/database';
import { HarvestClient } from '../../../greenhouse';
import { requiredScopeList } from '../../../greenhouse/scopes';
import { startSandbox, type SandboxHandle } from '../../../sandbox';
import { testDb } from '../../support/services';

// The job sync keeps each job's Greenhouse hiring team (job owners and hiring managers) in
// job_hiring_team, replacing it whole on every sync. Real PostgreSQL and the Harvest sandbox; the
// activity is called directly, as the sync workflow would.
describe('the job sync keeps each job’s hiring team as Greenhouse has it', () => {
  let db: Db;
  let sandbox: SandboxHandle;
  const withoutTeams = { clientId: 'before-hiring-teams', clientSecret: 'before-hiring-teams-secret' };

  const syncWith = (credential: { clientId: string; clientSecret: string }) =>
    jobSyncActivities({
      db,
      harvest: async () =>
        new HarvestClient({ ...credential, tokenUrl: sandbox.tokenUrl, baseUrl: sandbox.baseUrl }),
    }).syncJobsFromGreenhouse({ enableNewOpenJobs: false });

  const storedTeam = async () =>
    (
      await db
        .selectFrom('job_hiring_team')
        .select(['job_id', 'role', 'greenhouse_user_id', 'responsible'])
        .orderBy('job_id')
        .orderBy('role')
        .orderBy('greenhouse_user_id')
        .execute()
    ).map(
      (row) =>
        `${row.job_id} ${row.role} ${row.greenhouse_user_id}${row.responsible ? ' (responsible)' : ''}`,
    );

  const teamInGreenhouse = () => {
    const state = sandbox.runtime.state;
    return [
      ...state.job_owners.map(
        (o) => `${o.job_id} ${o.type} ${o.user_id}${o.responsible ? ' (responsible)' : ''}`,
      ),
      ...state.job_hiring_managers.map((m) => `${m.job_id} hiringManager ${m.user_id}`),
    ].sort();
  };

  beforeAll(async () => {
    db = testDb();
    await sql`truncate job cascade`.execute(db);
    sandbox = await startSandbox({
      candidates: 5,
      log: () => {},
      credentials: [
        {
          ...withoutTeams,
          scopes: requiredScopeList.filter(
            (scope) => scope !== 'harvest:job_owners:list' && scope !== 'harvest:job_hiring_managers:list',
          ),
        },
      ],
    });
  });

  afterAll(async () => {
    await sandbox?.close();
    await sql`truncate job cascade`.execute(db);
    await db?.destroy();
  });

  it('stores every job’s recruiter, coordinator and hiring manager', async () => {
    await syncWith(sandbox.demoCredentials);
    expect((await storedTeam()).sort()).toEqual(teamInGreenhouse());
  });

  it('someone taken off a team in Greenhouse is off it after the next sync, and a new sourcer is on', async () => {
    const state = sandbox.runtime.state;
    const recruiter = state.job_owners.find((o) => o.type === 'recruiter')!;
    state.job_owners = state.job_owners.filter((o) => o !== recruiter);
    state.job_owners.push({ ...recruiter, id: 639_999, type: 'sourcer', responsible: false });

    await syncWith(sandbox.demoCredentials);
    const stored = await storedTeam();
    expect(stored).not.toContain(`${recruiter.job_id} recruiter ${recruiter.user_id} (responsible)`);
    expect(stored).toContain(`${recruiter.job_id} sourcer ${recruiter.user_id}`);
    expect(stored.sort()).toEqual(teamInGreenhouse());
  });

  it('a credential without the hiring-team scopes still syncs the jobs, and the stored teams stay', async () => {
    const before = await storedTeam();
    sandbox.runtime.state.job_hiring_managers = [];
    const synced = await syncWith(withoutTeams);
    expect(synced.length).toBe(sandbox.runtime.state.jobs.length);
    expect(await storedTeam()).toEqual(before);
  });
});
