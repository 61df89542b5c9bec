// Approvals belong to their approver: a recruiter who is not the approver the rule named is refused
// (403) and nothing is decided; an admin may decide anyone's. Real web app, PostgreSQL and Temporal.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { addPersonToJob } from '../../../db/queries/people';
import { testDb } from '../../support/services';
import { adminAdds, firstAdminSignsUp, signedIn, type Teammate } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';

const JOB_ID = 4_990_101;
const sam: Teammate = {
  name: 'Sam Sourcer',
  email: 'sam@pilothouse.test',
  password: 'sam-finds-people-2026',
  role: 'recruiter',
};

describe('only the named approver, the hiring-team role or an admin decides an approval', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;
  let recruiter: Visitor;
  let forRiley: string;

  beforeAll(async () => {
    db = testDb();
    // Notifications too: earlier files' autopilots notify every recruiter, and the unread count below is exact.
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event, notification cascade`.execute(db);
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    await adminAdds(admin, sam);
    recruiter = await signedIn(web.url, sam);

    await db.insertInto('job').values({ id: JOB_ID, name: 'Approvals Engineer', status: 'open' }).execute();
    const { personId } = await addPersonToJob(
      db,
      JOB_ID,
      { firstName: 'Robin', lastName: 'Approvee', emails: ['robin@approvals.test'] },
      { kind: 'import' },
    );
    const row = await db
      .insertInto('approval_request')
      .values({
        job_id: JOB_ID,
        person_id: personId,
        workflow_id: `autopilot-job-${JOB_ID}`,
        requested_from: 'Riley Recruiter',
        approver: JSON.stringify({ kind: 'user', userId: 1_000_002, name: 'Riley Recruiter' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    forRiley = row.id;
  });

  afterAll(async () => {
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await web?.close();
    await db?.destroy();
  });

  const status = async () =>
    (
      await db
        .selectFrom('approval_request')
        .select('status')
        .where('id', '=', forRiley)
        .executeTakeFirstOrThrow()
    ).status;

  it('Sam, a recruiter who is not Riley, is refused with 403 and the request stays waiting for Riley', async () => {
    const answer = await recruiter.submit('/approvals', { decision: 'approved', approvalIds: forRiley });
    expect(answer.status).toBe(403);
    // A refusal Sam can act on: whose request it is, and who may decide it.
    expect(answer.html).toContain(
      'This request is waiting for Riley Recruiter; only they or an admin can decide it.',
    );
    expect(await status()).toBe('pending');
  });

  it('an admin is not refused (the decision goes on to the job’s autopilot)', async () => {
    const answer = await admin.submit('/approvals', { decision: 'approved', approvalIds: forRiley });
    expect(answer.status).toBe(200);
  });

  it('notifications: Sam sees the unread count and the notice for every recruiter, not the one addressed to Riley', async () => {
    await db
      .insertInto('notification')
      .values([
        {
          job_id: JOB_ID,
          to_greenhouse_user_id: 1_000_002,
          to_name: 'Riley Recruiter',
          kind: 'approval.requested',
          message: 'Robin Approvee is waiting for your approval',
          dedupe_key: `riley-${forRiley}`,
        },
        {
          job_id: JOB_ID,
          to_name: 'Recruiters',
          kind: 'rule.notify',
          message: 'Approvals Engineer has a strong new match',
          dedupe_key: `everyone-${forRiley}`,
        },
      ])
      .execute();
    const page = await recruiter.get('/notifications');
    expect(page.html).toContain('Approvals Engineer has a strong new match');
    expect(page.html).not.toContain('waiting for your approval');
    expect(page.html).toMatch(/data-testid="unread-count"[^>]*>1</);
    await recruiter.submit('/notifications', {});
    expect((await recruiter.get('/notifications')).html).not.toContain('data-testid="unread-count"');
  });
});
