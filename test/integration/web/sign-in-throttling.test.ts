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

const sam: Teammate = {
  name: 'Sam Sourcer',
  email: 'sam@pilothouse.test',
  password: 'sam-finds-people-2026',
  role: 'recruiter',
};

// Behind a proxy that adds X-Forwarded-For (TRUST_PROXY=loopback: the test's own requests come from it).
const from = (address: string, baseUrl: string) => new Visitor(baseUrl, { 'x-forwarded-for': address });

describe('signing in: wrong passwords slow the guesser down, not the account’s owner', () => {
  let db: Db;
  let web: WebApp;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event cascade`.execute(db);
    web = await startWebApp({ TRUST_PROXY: 'loopback' });
    const admin = await firstAdminSignsUp(web.url);
    await adminAdds(admin, riley);
    await adminAdds(admin, sam);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  it('after five wrong passwords from one address, even the right one from there must wait (429, no session)', async () => {
    const guesser = from('203.0.113.5', web.url);
    for (const guess of ['password', 'Password1', 'ada2026', 'letmein!', 'hunter2hunter2']) {
      const refused = await guesser.signIn(ada.email, guess);
      expect(refused.status).toBe(401);
      expect(refused.html).toContain('That email and password do not match an account.');
    }
    const slowed = await guesser.signIn(ada.email, ada.password);
    expect(slowed.status).toBe(429);
    expect(slowed.html).toMatch(/Too many failed sign-ins\. Wait (30|[12]\d) seconds and try again\./);
    expect(slowed.location).toBeNull();
    const jobs = await guesser.get('/jobs');
    expect(jobs.location).toMatch(/^\/login/);
  });

  it('Ada herself, from her own address, signs in at once: the guesser did not lock her out', async () => {
    const adasLaptop = from('198.51.100.7', web.url);
    const answer = await adasLaptop.signIn(ada.email, ada.password);
    expect(answer.location).toBe('/jobs');
  });

  it('Riley signs in from the guesser’s address too (another account)', async () => {
    const rileysBrowser = await signedIn(web.url, riley);
    const jobs = await rileysBrowser.get('/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.html).toContain('Riley Recruiter · recruiter');
  });

  it('the failures are counted whatever the case of the email, and the refused attempt is not', async () => {
    const attempts = await db
      .selectFrom('sign_in_attempt')
      .select(['email', 'succeeded'])
      .where('email', '=', ada.email)
      .where('ip', '=', '203.0.113.5')
      .execute();
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(5);
    const shouting = from('203.0.113.5', web.url);
    const slowed = await shouting.signIn(ada.email.toUpperCase(), ada.password);
    expect(slowed.status).toBe(429);
  });

  it('twenty guesses sent at once are recorded before they are checked: only five are tried', async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => from('192.0.2.44', web.url).signIn(sam.email, `wrong-guess-${i}`)),
    );
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });
});
