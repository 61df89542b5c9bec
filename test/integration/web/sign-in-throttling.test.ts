import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { testDb } from '../../support/services';
import { ada, adminAdds, firstAdminSignsUp, signedIn, type Teammate } from './support/team';
import { startWebApp, Visitor, type WebApp } from './support/web-visitor';

const riley: Teammate = {
  name: 'Riley Recruiter',
  email: 'riley@pilothouse.test',
  password: 'riley-approves-people-42',
  role: 'recruiter',
};

describe('signing in: repeated wrong passwords lock the account for a while', () => {
  let db: Db;
  let web: WebApp;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event cascade`.execute(db);
    web = await startWebApp();
    await adminAdds(await firstAdminSignsUp(web.url), riley);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  it('after five wrong passwords for Ada, even the right one is refused with 429 and no session', async () => {
    const guesser = new Visitor(web.url);
    for (const guess of ['password', 'Password1', 'ada2026', 'letmein!', 'hunter2hunter2']) {
      const refused = await guesser.signIn(ada.email, guess);
      expect(refused.status).toBe(401);
      expect(refused.html).toContain('That email and password do not match an account.');
    }
    const locked = await guesser.signIn(ada.email, ada.password);
    expect(locked.status).toBe(429);
    expect(locked.html).toContain(`Too many failed sign-ins for ${ada.email} in the last 15 minutes.`);
    expect(locked.location).toBeNull();
    // Still signed out: the jobs page sends them to sign in.
    const jobs = await guesser.get('/jobs');
    expect(jobs.location).toMatch(/^\/login/);
  });

  it('the lock is on Ada’s account: Riley signs in from the same address', async () => {
    const rileysBrowser = await signedIn(web.url, riley);
    const jobs = await rileysBrowser.get('/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.html).toContain('Riley Recruiter · recruiter');
  });

  it('the failures are counted per account whatever the case of the email', async () => {
    const attempts = await db
      .selectFrom('sign_in_attempt')
      .select(['email', 'succeeded'])
      .where('email', '=', ada.email)
      .execute();
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(5);
    const shouting = new Visitor(web.url);
    const locked = await shouting.signIn(ada.email.toUpperCase(), ada.password);
    expect(locked.status).toBe(429);
  });
});
