import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { greenhouseWebUrl, loadGreenhouseConnection } from '../../../db/queries/greenhouse-connection';
import { greenhouseLinks, profileLink } from '../../../web/server/greenhouse.server';
import type { PilothouseContext } from '../../../web/server/load-context';
import { testDb } from '../../support/services';
import { ada, adminAdds, firstAdminSignsUp, signedIn } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';

// Nothing answers there: the check after saving fails fast, which is all these tests need.
const saved = {
  intent: 'save',
  clientId: 'tidewater-harvest',
  clientSecret: 'the-real-client-secret-123',
  userId: '',
  tokenUrl: 'http://127.0.0.1:9/token',
  apiUrl: 'http://127.0.0.1:9/v3',
};

describe('the saved Greenhouse client secret is only ever sent where it was entered for', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event, greenhouse_connection cascade`.execute(
      db,
    );
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    expect((await admin.submit('/settings/greenhouse', saved)).status).toBe(200);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  const row = () =>
    db
      .selectFrom('greenhouse_connection')
      .select(['client_id', 'token_url', 'api_url'])
      .executeTakeFirstOrThrow();

  it('pointing the token URL elsewhere without re-entering the secret is refused; nothing changes', async () => {
    const moved = await admin.submit('/settings/greenhouse', {
      ...saved,
      clientSecret: '',
      tokenUrl: 'https://collector.evil.example/token',
    });
    expect(moved.status).toBe(400);
    expect(moved.html).toContain('needs the client secret again');
    expect(await row()).toMatchObject({ token_url: saved.tokenUrl });
  });

  it('so is a new Harvest URL or client id', async () => {
    for (const change of [{ apiUrl: 'https://collector.evil.example/v3' }, { clientId: 'another-client' }]) {
      const answer = await admin.submit('/settings/greenhouse', { ...saved, clientSecret: '', ...change });
      expect(answer.status).toBe(400);
    }
    expect(await row()).toEqual({
      client_id: saved.clientId,
      token_url: saved.tokenUrl,
      api_url: saved.apiUrl,
    });
  });

  it('with the secret typed again the new address is saved; the same addresses keep the secret when left empty', async () => {
    const sameAgain = await admin.submit('/settings/greenhouse', {
      ...saved,
      clientSecret: '',
      userId: '42',
    });
    expect(sameAgain.status).toBe(200);
    const moved = await admin.submit('/settings/greenhouse', {
      ...saved,
      tokenUrl: 'http://127.0.0.1:9/oauth/token',
    });
    expect(moved.status).toBe(200);
    expect(await row()).toMatchObject({ token_url: 'http://127.0.0.1:9/oauth/token' });
  });
});

// An EU account: its people open on app.eu.greenhouse.io, not on the US host links used to assume.
describe('the Greenhouse web address is the connection’s own', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event, greenhouse_connection cascade`.execute(
      db,
    );
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  it('a Harvest URL on the EU host suggests the EU web address; a page address is refused in words', async () => {
    const refused = await admin.submit('/settings/greenhouse', {
      ...saved,
      webUrl: 'https://app.eu.greenhouse.io/people/12',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(
      'Enter only the address, without a page, sign-in or anything after it: https://app.eu.greenhouse.io.',
    );
    expect(await db.selectFrom('greenhouse_connection').selectAll().execute()).toEqual([]);

    // Left empty, the address is the one paired with the Harvest URL.
    const eu = await admin.submit('/settings/greenhouse', {
      ...saved,
      apiUrl: 'https://harvest.eu.greenhouse.io/v3',
      webUrl: '',
    });
    expect(eu.status).toBe(200);
    expect(await greenhouseWebUrl(db, web.env)).toBe('https://app.eu.greenhouse.io');
  });

  it('an address the admin types is where every link to a person goes', async () => {
    const typed = await admin.submit('/settings/greenhouse', {
      ...saved,
      apiUrl: 'https://harvest.eu.greenhouse.io/v3',
      clientSecret: '',
      webUrl: 'https://greenhouse.tidewater.example/',
    });
    expect(typed.status).toBe(200);
    expect(await greenhouseWebUrl(db, web.env)).toBe('https://greenhouse.tidewater.example');
    const links = await greenhouseLinks({ db, env: web.env } as PilothouseContext, { waitMs: 50 });
    expect(profileLink(links, 4711)).toBe('https://greenhouse.tidewater.example/people/4711');
    expect((await admin.get('/settings/greenhouse')).html).toContain(
      'value="https://greenhouse.tidewater.example"',
    );
  });
});

// An admin disconnects Pilothouse from Greenhouse: asked first, told what stops, the secrets gone, logged.
describe('removing the Greenhouse connection', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event, greenhouse_connection cascade`.execute(
      db,
    );
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    expect((await admin.submit('/settings/greenhouse', saved)).status).toBe(200);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  const stored = () => db.selectFrom('greenhouse_connection').select('client_id').execute();

  it('the page asks first and says that autopilots stop reaching Greenhouse', async () => {
    const page = await admin.get('/settings/greenhouse');
    expect(page.html).toContain('Remove the Greenhouse connection?');
    expect(page.html).toContain('Autopilots stop reaching Greenhouse');
  });

  it('a recruiter cannot remove it, and an unconfirmed removal keeps it', async () => {
    await adminAdds(admin, {
      ...ada,
      name: 'Riley Recruiter',
      email: 'riley@pilothouse.test',
      role: 'recruiter',
    });
    const riley = await signedIn(web.url, {
      ...ada,
      name: 'Riley Recruiter',
      email: 'riley@pilothouse.test',
      role: 'recruiter',
    });
    const byRecruiter = await riley.submit(
      '/settings/greenhouse',
      { intent: 'remove', confirm: 'remove' },
      { csrf: await riley.csrfTokenFrom('/jobs') },
    );
    expect(byRecruiter.status).toBe(403);
    const unconfirmed = await admin.submit('/settings/greenhouse', { intent: 'remove' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain('Confirm the removal: the connection was kept.');
    expect(await stored()).toEqual([{ client_id: saved.clientId }]);
  });

  it('confirmed, the stored credentials are deleted, the admin is told what stopped, and it is logged', async () => {
    const removed = await admin.submit('/settings/greenhouse', { intent: 'remove', confirm: 'remove' });
    expect(removed.status).toBe(200);
    expect(removed.html).toContain(
      'The Greenhouse connection is removed and its client secret and webhook secret are deleted. Autopilots cannot reach Greenhouse until an admin connects it again.',
    );
    expect(await stored()).toEqual([]);
    expect(await loadGreenhouseConnection(db, web.env)).toBeNull();
    const logged = await db
      .selectFrom('audit_event')
      .select(['actor', 'details'])
      .where('action', '=', 'greenhouse.connection.removed')
      .execute();
    expect(logged).toEqual([
      { actor: ada.email, details: { clientId: saved.clientId, harvestUrl: saved.apiUrl } },
    ]);
    // Nothing left to remove: said so, not a silent success.
    const again = await admin.submit('/settings/greenhouse', { intent: 'remove', confirm: 'remove' });
    expect(again.status).toBe(400);
    expect(again.html).toContain('There is no saved connection to remove');
  });
});
