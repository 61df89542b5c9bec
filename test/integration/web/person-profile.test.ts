// A person's Greenhouse profile on their page, when Greenhouse cannot help: someone imported from a list
// (not in Greenhouse at all), and an applicant while no Greenhouse connection is configured. What the
// page says and what the resume link answers, in words. Real web app and PostgreSQL; no Greenhouse.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { addPersonToJob } from '../../../db/queries/people';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_301;
const RECRUITER_USER_ID = 1_000_777;

describe('a person’s Greenhouse profile says what it knows, and why not the rest', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;
  let robin: string;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event, greenhouse_connection cascade`.execute(
      db,
    );
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Profile Engineer', status: 'open' });
    ({ personId: robin } = await addPersonToJob(
      db,
      JOB_ID,
      {
        firstName: 'Robin',
        lastName: 'Listed',
        emails: ['robin@list.test'],
        phones: ['+44 20 7946 0958'],
        linkedinUrl: 'https://www.linkedin.com/in/robin-listed/',
        pastJobs: [{ title: 'Backend Engineer', company: 'Shipfast', startYear: 2016, endYear: 2021 }],
        education: [{ school: 'ETH Zürich', degree: 'MSc', discipline: 'Physics', endYear: 2015 }],
      },
      { kind: 'import' },
    ));
  });

  afterAll(async () => {
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await web?.close();
    await db?.destroy();
  });

  const page = (personId: string) => admin.get(`/jobs/${JOB_ID}/people/${personId}/why`);
  const resume = (personId: string) => fetchWithCookies(admin, `/jobs/${JOB_ID}/people/${personId}/resume`);

  it('someone from a list: not in Greenhouse, the contact details we hold, no resume there to open', async () => {
    const { status, html } = await page(robin);
    expect(status).toBe(200);
    expect(html).toContain('Greenhouse profile');
    expect(html).toContain('Not in Greenhouse');
    expect(html).toContain('href="mailto:robin@list.test"');
    expect(html).toContain('href="tel:+442079460958"');
    expect(html).toContain('href="https://www.linkedin.com/in/robin-listed"');
    expect(html).toContain('None in Greenhouse.');
    expect(html).toMatch(/data-testid="profile-past-jobs"><div>Backend Engineer at Shipfast \(2016–2021\)</);
    expect(html).toMatch(/data-testid="profile-education"><div>ETH Zürich — MSc, Physics \(–2015\)</);
    expect(html).not.toContain('Open in Greenhouse');
    expect(await resume(robin)).toEqual({
      status: 404,
      text: 'Robin Listed is not in Greenhouse: there is no resume there.',
    });
  });

  it('an applicant while Greenhouse is not connected: the recruiter named from the linked teammate, the resume unreadable in words', async () => {
    await db
      .updateTable('job_person')
      .set({
        greenhouse: JSON.stringify({
          kind: 'applicant',
          candidateId: 100_000_123,
          applicationId: 200_000_456,
          onThisJob: true,
          stageName: 'Phone Screen',
          status: 'in_process',
          lastActivityAt: '2026-12-01T09:30:00Z',
          recruiterId: RECRUITER_USER_ID,
        }),
      })
      .where('person_id', '=', robin)
      .execute();
    // Priya, the application's recruiter in Greenhouse, has a Pilothouse account linked to her user.
    await sql`insert into app_user (email, name, role, password_hash, greenhouse_user_id)
      values ('priya@pilothouse.test', 'Priya Natarajan', 'recruiter', 'x', ${RECRUITER_USER_ID})`.execute(
      db,
    );
    const { html } = await page(robin);
    expect(html).toContain('Applicant on this job');
    expect(html).toContain('Phone Screen');
    expect(html).toContain('>Active<');
    expect(html).toMatch(/data-testid="profile-recruiter">Priya Natarajan</);
    expect(html).toContain('Greenhouse is not connected.');
    // No Greenhouse ids on the page: the candidate is linked to, never named by number.
    const onScreen = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
    expect(onScreen).toContain('Priya Natarajan');
    expect(onScreen).not.toContain('100000123');
    expect(onScreen).not.toContain(String(RECRUITER_USER_ID));
    expect(await resume(robin)).toEqual({ status: 404, text: 'Greenhouse is not connected.' });
  });

  it('a person id that is not one answers 404 naming the job, not a database error', async () => {
    expect((await page('not-a-person')).status).toBe(404);
    expect(await resume('not-a-person')).toMatchObject({ status: 404 });
    expect((await page('not-a-person')).html).toContain(
      'That person is not in the pipeline of Profile Engineer.',
    );
  });
});

/** A plain GET as the signed-in visitor, for an answer that is not a page (a file or a sentence). */
async function fetchWithCookies(visitor: Visitor, path: string) {
  const answer = await visitor.get(path);
  return { status: answer.status, text: answer.html };
}
