// Approvals belong to their approver: a recruiter who is not the approver the rule named is refused
// (403) and nothing is decided, and so is a recruiter linked to no Greenhouse user (who sees no job);
// an admin may decide anyone's. A request for a hiring-team role belongs to
// whoever holds that role on the job in Greenhouse (the sandbox's hiring team, read by the job sync).
// Real web app, PostgreSQL and Temporal.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { addPersonToJob } from '../../../db/queries/people';
import { sandboxConnectionSettings } from '../../../sandbox';
import { autopilotWorkflowId, statusQuery } from '../../../temporal/autopilot-api';
import { importedPeopleNeedTheRecruiter } from '../../unit/rules/fixtures/build-flow';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';
import { testDb } from '../../support/services';
import { adminAdds, firstAdminSignsUp, signedIn, type Teammate } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';
import { upsertSyncedJob } from '../../../db/queries/jobs';

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

    await upsertSyncedJob(db, { id: JOB_ID, name: 'Approvals Engineer', status: 'open' });
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

  it('Sam, a recruiter linked to no Greenhouse user, is refused with 403 and the request stays waiting for Riley', async () => {
    const answer = await recruiter.submit('/approvals', { decision: 'approved', approvalIds: forRiley });
    expect(answer.status).toBe(403);
    // A refusal Sam can act on: an account linked to nobody sees no job and decides on none until an
    // admin links it (the named-approver refusal for linked recruiters is the next describe's Cole).
    expect(answer.html).toContain(
      'Your account is not linked to a Greenhouse user yet, so it decides on no job: ask an admin to link it under Users.',
    );
    expect(await status()).toBe('pending');
  });

  it('an admin is not refused (the decision goes on to the job’s autopilot)', async () => {
    const answer = await admin.submit('/approvals', { decision: 'approved', approvalIds: forRiley });
    expect(answer.status).toBe(200);
  });

  it('notifications: Sam, who sees no job until linked, gets neither the notice addressed to Riley nor the one for every recruiter on the job', async () => {
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
    expect(page.html).not.toContain('Approvals Engineer has a strong new match');
    expect(page.html).not.toContain('waiting for your approval');
    expect(page.html).not.toContain('data-testid="unread-count"');
  });
});

describe('a request for the job’s recruiter waits for the recruiter on the job’s Greenhouse hiring team', () => {
  // Rae is linked to the job's recruiter in Greenhouse, Cole to its coordinator; both are Pilothouse
  // recruiters and both can see the job, so only the hiring team tells them apart.
  const rae: Teammate = {
    name: 'Rae Recruiter',
    email: 'rae@pilothouse.test',
    password: 'rae-owns-the-req-2026',
    role: 'recruiter',
  };
  const cole: Teammate = {
    name: 'Cole Coordinator',
    email: 'cole@pilothouse.test',
    password: 'cole-books-rooms-2026',
    role: 'recruiter',
  };
  let h: AutopilotHarness;
  let web: WebApp;
  let jobId: number;
  let personId: string;
  let approvalId: string;
  let recruiter: Visitor;
  let coordinator: Visitor;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    await sql`truncate app_user, app_session, sign_in_attempt, greenhouse_connection cascade`.execute(h.db);
    web = await startWebApp({ TEMPORAL_TASK_QUEUE: h.taskQueue, ...sandboxConnectionSettings(h.sandbox) });
    await h.syncAndPickOpenJob({ autopilot: false });

    // The sync stored each job's team as Greenhouse has it.
    const state = h.sandbox.runtime.state;
    const stored = await h.db
      .selectFrom('job_hiring_team')
      .select(['job_id', 'role', 'greenhouse_user_id'])
      .orderBy('job_id')
      .orderBy('role')
      .orderBy('greenhouse_user_id')
      .execute();
    const inGreenhouse = [
      ...state.job_owners.map((o) => ({ job_id: o.job_id, role: o.type, greenhouse_user_id: o.user_id })),
      ...state.job_hiring_managers.map((m) => ({
        job_id: m.job_id,
        role: 'hiringManager',
        greenhouse_user_id: m.user_id,
      })),
    ];
    expect(new Set(stored.map((row) => JSON.stringify(row)))).toEqual(
      new Set(inGreenhouse.map((row) => JSON.stringify(row))),
    );

    const holder = (job: number, role: string) =>
      stored.find((row) => row.job_id === job && row.role === role)?.greenhouse_user_id;
    const job = state.jobs.find(
      (j) =>
        j.status === 'open' &&
        !j.confidential &&
        holder(j.id, 'recruiter') !== undefined &&
        holder(j.id, 'recruiter') !== holder(j.id, 'coordinator'),
    );
    expect(job, 'the sandbox has an open job whose recruiter is not its coordinator').toBeDefined();
    jobId = job!.id;
    await h.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', jobId).execute();

    const admin = await firstAdminSignsUp(web.url);
    await adminAdds(admin, rae, holder(jobId, 'recruiter'));
    await adminAdds(admin, cole, holder(jobId, 'coordinator'));
    recruiter = await signedIn(web.url, rae);
    coordinator = await signedIn(web.url, cole);

    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Noor',
        lastName: 'Teamwork',
        emails: ['noor.teamwork@example.org'],
        resumeText: 'Engineer with ten years of experience in distributed systems and data pipelines',
      },
      { kind: 'import' },
    ));
    await publishRules(h.db, {
      ...importedPeopleNeedTheRecruiter(randomUUID()),
      jobId,
    });
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    await eventually(
      'the request waiting in the autopilot',
      async () => {
        const status = await handle.query(statusQuery);
        return status.pendingApprovals.some((a) => a.personId === personId) ? status : undefined;
      },
      { explain: () => handle.query(statusQuery) },
    );
    approvalId = (
      await h.db
        .selectFrom('approval_request')
        .select('id')
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).id;
    await eventually('the recruiter told', () =>
      h.db
        .selectFrom('notification')
        .select(['to_role', 'to_greenhouse_user_id'])
        .where('dedupe_key', '=', `approval:${approvalId}:requested`)
        .executeTakeFirst(),
    );
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  const status = async () =>
    (
      await h.db
        .selectFrom('approval_request')
        .select('status')
        .where('id', '=', approvalId)
        .executeTakeFirstOrThrow()
    ).status;

  it('the request is addressed to the recruiter role, not to a person', async () => {
    const told = await h.db
      .selectFrom('notification')
      .select(['to_role', 'to_greenhouse_user_id'])
      .where('dedupe_key', '=', `approval:${approvalId}:requested`)
      .executeTakeFirstOrThrow();
    expect(told).toEqual({ to_role: 'recruiter', to_greenhouse_user_id: null });
  });

  it('the notification reaches Rae, the job’s recruiter, and not Cole, who only coordinates the job', async () => {
    expect((await recruiter.get('/notifications')).html).toContain('is waiting for');
    expect((await coordinator.get('/notifications')).html).not.toContain('is waiting for');
  });

  it('a notice for a role nobody holds on the job (sourcer) reaches everyone who can see the job', async () => {
    await h.db
      .insertInto('notification')
      .values({
        job_id: jobId,
        to_role: 'sourcer',
        to_name: 'Sourcer',
        kind: 'rule',
        message: 'Noor Teamwork needs a sourcer',
        dedupe_key: `sourcer-${approvalId}`,
      })
      .execute();
    expect((await recruiter.get('/notifications')).html).toContain('needs a sourcer');
    expect((await coordinator.get('/notifications')).html).toContain('needs a sourcer');
  });

  it('Cole, the job’s coordinator, is refused with 403 and the request stays waiting', async () => {
    const answer = await coordinator.submit('/approvals', { decision: 'approved', approvalIds: approvalId });
    expect(answer.status).toBe(403);
    expect(answer.html).toContain(
      "This request is waiting for the job's recruiter; only they or an admin can decide it.",
    );
    expect(await status()).toBe('pending');
  });

  it('Rae, the job’s recruiter, approves it', async () => {
    const answer = await recruiter.submit('/approvals', { decision: 'approved', approvalIds: approvalId });
    expect(answer.status).toBe(200);
    expect(
      await eventually('the request approved', async () =>
        (await status()) === 'approved' ? true : undefined,
      ),
    ).toBe(true);
  });
});
