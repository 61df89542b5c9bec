import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
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
