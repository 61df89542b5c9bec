import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { addPersonToJob } from '../../../db/queries/people';
import { signWebhookBody } from '../../../greenhouse/webhooks/signature';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';
import { upsertSyncedJob } from '../../../db/queries/jobs';

// A recruiter moves Sam forward in Greenhouse. The job's autopilot is not running here (as when it is busy
// on a burst of changes, or stopped): the job screen must still show the move as soon as Greenhouse tells it.
const WEBHOOK_SECRET = 'stage-change-shown-secret';
const JOB_ID = 88_001;
const CANDIDATE_ID = 9_100_001;
const APPLICATION_ID = 9_200_001;

function stageChange(stage: { id: number; name: string }, lastActivityAt: string) {
  return JSON.stringify({
    action: 'candidate_stage_change',
    payload: {
      application: {
        id: APPLICATION_ID,
        candidate_id: CANDIDATE_ID,
        status: 'active',
        prospect: false,
        last_activity_at: lastActivityAt,
        current_stage: stage,
        jobs: [{ id: JOB_ID, name: 'Stage Watcher' }],
      },
    },
  });
}

describe('a Greenhouse stage change on the job screen', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;
  let personId: string;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, webhook_event, greenhouse_connection cascade`.execute(
      db,
    );
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Stage Watcher', status: 'open' });
    ({ personId } = await addPersonToJob(
      db,
      JOB_ID,
      {
        firstName: 'Sam',
        lastName: 'Stagewatch',
        emails: ['sam@stage.test'],
        greenhouseCandidateId: CANDIDATE_ID,
      },
      { kind: 'inbound' },
    ));
    const inReview = { stageId: 11, status: 'in_process' };
    await db
      .updateTable('job_person')
      .set({
        greenhouse: JSON.stringify({
          kind: 'applicant',
          candidateId: CANDIDATE_ID,
          applicationId: APPLICATION_ID,
          onThisJob: true,
          stageName: 'Application Review',
          lastActivityAt: '2026-12-01T10:00:00.000Z',
          ...inReview,
        }),
        greenhouse_standing: JSON.stringify(inReview),
      })
      .where('job_id', '=', JOB_ID)
      .where('person_id', '=', personId)
      .execute();
    web = await startWebApp({
      GREENHOUSE_CLIENT_ID: 'pilothouse-client',
      GREENHOUSE_CLIENT_SECRET: 'pilothouse-client-secret',
      GREENHOUSE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    admin = await firstAdminSignsUp(web.url);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  const deliver = async (body: string, eventId: string) => {
    const response = await fetch(`${web.url}/webhooks/greenhouse`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'Greenhouse-Event-ID': eventId,
        Signature: signWebhookBody(body, WEBHOOK_SECRET),
      },
    });
    expect(response.status).toBe(200);
  };
  const stamp = async () =>
    JSON.parse((await admin.get(`/jobs/${JOB_ID}/changes`)).html) as { stamp: string };
  const standing = async () =>
    (
      await db
        .selectFrom('job_person')
        .select('greenhouse_standing')
        .where('job_id', '=', JOB_ID)
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).greenhouse_standing;

  it('shows the new stage at once, and moves the change stamp the open screen polls', async () => {
    const before = await stamp();
    expect((await admin.get(`/jobs/${JOB_ID}`)).html).toContain('Application Review');

    await deliver(stageChange({ id: 12, name: 'Phone Screen' }, '2026-12-02T09:30:00.000Z'), 'evt-shown-1');

    expect((await stamp()).stamp).not.toBe(before.stamp);
    const page = (await admin.get(`/jobs/${JOB_ID}`)).html;
    expect(page).toContain('Phone Screen');
    expect(page).not.toContain('Application Review');
    // Only what is shown changed: the standing the autopilot's flows compare with still says where Sam was,
    // so "Stage changed" flows run when the autopilot applies the event.
    expect(await standing()).toEqual({ stageId: 11, status: 'in_process' });
  });

  it('a change older than the one shown (webhooks out of order) does not take its place', async () => {
    const before = await stamp();
    await deliver(stageChange({ id: 13, name: 'Offer' }, '2026-11-30T08:00:00.000Z'), 'evt-shown-late');
    expect(await stamp()).toEqual(before);
    const page = (await admin.get(`/jobs/${JOB_ID}`)).html;
    expect(page).toContain('Phone Screen');
    expect(page).not.toContain('>Offer<');
  });

  it('the change stamp is for people who may see the job', async () => {
    const stranger = await fetch(`${web.url}/jobs/${JOB_ID}/changes`, { redirect: 'manual' });
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get('location')).toMatch(/^\/login/);
  });
});
