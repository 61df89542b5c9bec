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

// What main stored before the cost was raised: scrypt N=2^14 of "correct horse battery staple".
const hashAt = async (password: string, n: number) => {
  const { scrypt, randomBytes } = await import('node:crypto');
  const salt = randomBytes(16);
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, 64, { N: n, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))),
  );
  return ['scrypt', n, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
};

describe('passwords: stored at today’s cost, changed by their owner, reset by an admin', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event cascade`.execute(db);
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    await adminAdds(admin, riley);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  const hashOf = async (email: string) =>
    (
      await db
        .selectFrom('app_user')
        .select('password_hash')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('new accounts are hashed with scrypt N=2^17, r=8, p=1', async () => {
    expect((await hashOf(riley.email)).split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
  });

  it('a hash from before is accepted once and replaced by one at today’s cost', async () => {
    await db
      .updateTable('app_user')
      .set({ password_hash: await hashAt(ada.password, 16384) })
      .where('email', '=', ada.email)
      .execute();
    await signedIn(web.url, ada);
    expect((await hashOf(ada.email)).split('$')[1]).toBe('131072');
    await signedIn(web.url, ada);
  });

  it('after signing in, a crafted redirectTo cannot send Ada to another site', async () => {
    const visitor = new Visitor(web.url);
    const answer = await visitor.signIn(ada.email, ada.password, { redirectTo: '/\\evil.example' });
    expect(answer.location).toBe('/jobs');
    const kept = await new Visitor(web.url).signIn(ada.email, ada.password, { redirectTo: '/approvals?x=1' });
    expect(kept.location).toBe('/approvals?x=1');
  });

  it('Riley changes her own password: the current one is required, her other browsers are signed out', async () => {
    const laptop = await signedIn(web.url, riley);
    const phone = await signedIn(web.url, riley);
    const wrong = await laptop.submit('/account/password', {
      currentPassword: 'not-my-password',
      newPassword: 'rileys-new-password-77',
      confirm: 'rileys-new-password-77',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.html).toContain('That is not your current password.');
    const changed = await laptop.submit('/account/password', {
      currentPassword: riley.password,
      newPassword: 'rileys-new-password-77',
      confirm: 'rileys-new-password-77',
    });
    expect(changed.status).toBe(200);
    expect(changed.html).toContain('Your password was changed.');
    expect((await laptop.get('/jobs')).status).toBe(200);
    expect((await phone.get('/jobs')).location).toMatch(/^\/login/);
    expect((await new Visitor(web.url).signIn(riley.email, riley.password)).status).toBe(401);
    await signedIn(web.url, { ...riley, password: 'rileys-new-password-77' });
  });

  it('the change-password form needs its CSRF token', async () => {
    const laptop = await signedIn(web.url, { ...riley, password: 'rileys-new-password-77' });
    const forged = await laptop.submit(
      '/account/password',
      { currentPassword: 'rileys-new-password-77', newPassword: 'x'.repeat(20), confirm: 'x'.repeat(20) },
      { csrf: null },
    );
    expect(forged.status).toBe(403);
  });

  it('an admin resets Riley’s forgotten password; her sessions end and the new one works', async () => {
    const laptop = await signedIn(web.url, { ...riley, password: 'rileys-new-password-77' });
    const rileyId = (
      await db.selectFrom('app_user').select('id').where('email', '=', riley.email).executeTakeFirstOrThrow()
    ).id;
    const reset = await admin.submit('/settings/users', {
      intent: 'reset-password',
      userId: rileyId,
      newPassword: 'reset-by-ada-2026-xyz',
    });
    expect(reset.status).toBe(200);
    expect(reset.html).toContain('The password of Riley Recruiter was reset');
    expect((await laptop.get('/jobs')).location).toMatch(/^\/login/);
    await signedIn(web.url, { ...riley, password: 'reset-by-ada-2026-xyz' });
  });

  it('a recruiter cannot reset anyone’s password', async () => {
    const rileys = await signedIn(web.url, { ...riley, password: 'reset-by-ada-2026-xyz' });
    const adaId = (
      await db.selectFrom('app_user').select('id').where('email', '=', ada.email).executeTakeFirstOrThrow()
    ).id;
    const attempt = await rileys.submit(
      '/settings/users',
      { intent: 'reset-password', userId: adaId, newPassword: 'taken-over-by-riley' },
      { csrf: await rileys.csrfTokenFrom('/jobs') },
    );
    expect(attempt.status).toBe(403);
    await signedIn(web.url, ada);
  });
});
