import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/database';
import { testDb } from '../../support/services';
import { startWebApp, Visitor, type WebApp } from './support/web-visitor';

const admin = (n: number) => ({
  name: `Admin ${n}`,
  email: `admin-${n}@pilothouse.test`,
  password: 'first-admin-password-2026',
  confirm: 'first-admin-password-2026',
});

describe('the first administrator of a fresh installation', () => {
  const db: Db = testDb();
  let web: WebApp | undefined;

  beforeEach(async () => {
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event cascade`.execute(db);
  });

  afterEach(async () => {
    await web?.close();
    web = undefined;
  });

  afterAll(async () => {
    await db.destroy();
  });

  const accounts = () => db.selectFrom('app_user').select(['email', 'role']).execute();

  it('the first visit to a fresh installation goes straight to creating its administrator', async () => {
    web = await startWebApp();
    const visitor = new Visitor(web.url);
    const front = await visitor.get('/');
    expect(front.location).toBe('/setup');
    const setup = await visitor.get('/setup');
    expect(setup.html).toMatch(/administrator/i);
    // Once there is an account, the front page is the status page again.
    const token = await visitor.csrfTokenFrom('/setup');
    await visitor.submit('/setup', admin(1), { csrf: token });
    expect((await new Visitor(web.url).get('/')).html).toContain('System status');
  });

  it('eight setups sent at the same moment make exactly one admin', async () => {
    web = await startWebApp();
    const url = web.url;
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        const visitor = new Visitor(url);
        const token = await visitor.csrfTokenFrom('/setup');
        return visitor.submit('/setup', admin(n), { csrf: token });
      }),
    );
    const created = answers.filter((answer) => answer.location === '/settings/greenhouse');
    expect(created).toHaveLength(1);
    expect(await accounts()).toHaveLength(1);
  });

  it('listening beyond loopback, setup needs the code from the server log; without it nobody is made admin', async () => {
    const logged: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      web = await startWebApp({ HOST: '0.0.0.0' });
    } finally {
      write.mockRestore();
    }
    const line = logged.find((l) => l.includes('First-run setup code'));
    const code = /First-run setup code: ([A-Z0-9-]+)/.exec(line ?? '')?.[1];
    expect(code, 'the code is in the log').toBeTruthy();

    const stranger = new Visitor(web.url);
    expect((await stranger.get('/setup')).html).toContain('Setup code');
    const withoutCode = await stranger.submit('/setup', admin(1));
    expect(withoutCode.status).toBe(403);
    expect(withoutCode.html).toContain('Enter the setup code the Pilothouse server printed in its log');
    const guessed = await stranger.submit('/setup', { ...admin(1), setupCode: 'AAAAA-BBBBB-CCCCC-DDDDD' });
    expect(guessed.status).toBe(403);
    expect(await accounts()).toEqual([]);

    const operator = new Visitor(web.url);
    const created = await operator.submit('/setup', { ...admin(2), setupCode: code!.toLowerCase() });
    expect(created.location).toBe('/settings/greenhouse');
    expect(await accounts()).toEqual([{ email: 'admin-2@pilothouse.test', role: 'admin' }]);
  });

  it('on loopback (npm start) no code is asked for', async () => {
    web = await startWebApp();
    const visitor = new Visitor(web.url);
    expect((await visitor.get('/setup')).html).not.toContain('Setup code');
    expect((await visitor.submit('/setup', admin(3))).location).toBe('/settings/greenhouse');
  });
});
