// The job screen's prospect pools when Greenhouse cannot list them: the admin is told why, a pool cannot be
// chosen blind (a pool is always stored with the name Greenhouse gives it), and clearing the choice works.
// Real web app and PostgreSQL; no Greenhouse connection.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { chooseProspectPools } from '../../../db/queries/job-prospect-pools';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_401;

describe('a job’s prospect pools while Greenhouse is not connected', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event, greenhouse_connection cascade`.execute(
      db,
    );
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Pool Engineer', status: 'open' });
  });

  afterAll(async () => {
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await web?.close();
    await db?.destroy();
  });

  const stored = () =>
    db.selectFrom('job_prospect_pool').select('pool_name').where('job_id', '=', JOB_ID).execute();

  it('names the chosen pool, says why no other is offered, refuses a pool it cannot name, and clears the choice', async () => {
    await chooseProspectPools(db, {
      jobId: JOB_ID,
      pools: [{ id: 77, name: 'Silver Medalists' }],
      by: 'ada@pilothouse.test',
    });
    const { status, html } = await admin.get(`/jobs/${JOB_ID}`);
    expect(status).toBe(200);
    expect(html).toContain('Also source prospects from these Greenhouse pools');
    expect(html).toContain('Silver Medalists');
    expect(html).toContain('Greenhouse is not connected.');

    const blind = await admin.submit(`/jobs/${JOB_ID}`, { intent: 'prospect-pools', pool: '78' });
    expect(blind.status).toBe(400);
    expect(await stored()).toEqual([{ pool_name: 'Silver Medalists' }]);

    const cleared = await admin.submit(`/jobs/${JOB_ID}`, { intent: 'prospect-pools' });
    expect(cleared.status).toBe(200);
    expect(await stored()).toEqual([]);
    const audited = await db
      .selectFrom('audit_event')
      .select(['actor', 'details'])
      .where('action', '=', 'sources.prospect_pools_chosen')
      .where('job_id', '=', JOB_ID)
      .execute();
    expect(audited).toEqual([{ actor: 'ada@pilothouse.test', details: { pools: [] } }]);
  });
});
