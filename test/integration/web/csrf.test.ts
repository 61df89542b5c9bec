import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, Visitor, type WebApp } from './support/web-visitor';

const newRecruiter = {
  intent: 'create',
  name: 'Sam Sourcer',
  email: 'sam@pilothouse.test',
  role: 'recruiter',
  password: 'sam-finds-people-2026',
  greenhouseUserId: '',
};

describe('forms that change something need the page’s own security token', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event cascade`.execute(db);
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  const accountsFor = (email: string) =>
    db.selectFrom('app_user').select('email').where('email', '=', email).execute();

  it('a signed-in admin’s browser posting "add user" without the token is refused with 403; nobody is added', async () => {
    // What a page on another site could make Ada's browser send: her cookies ride along, no token.
    const forged = await admin.submit('/settings/users', newRecruiter, { csrf: null });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('The form was missing its security token');
    expect(await accountsFor(newRecruiter.email)).toEqual([]);
  });

  it('a token taken from another browser does not count either', async () => {
    const stranger = new Visitor(web.url);
    const strangersToken = await stranger.csrfTokenFrom('/login');
    const forged = await admin.submit('/settings/users', newRecruiter, { csrf: strangersToken });
    expect(forged.status).toBe(403);
    expect(await accountsFor(newRecruiter.email)).toEqual([]);
  });

  it('the same form with the token from Ada’s own page adds Sam', async () => {
    const added = await admin.submit('/settings/users', newRecruiter);
    expect(added.status).toBe(200);
    expect(added.html).toContain('Sam Sourcer can now sign in as recruiter.');
    expect(await accountsFor(newRecruiter.email)).toEqual([{ email: newRecruiter.email }]);
  });
});
