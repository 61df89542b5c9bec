import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { recordScopeCheck } from '../../../db/queries/greenhouse-connection';
import { optionalGreenhouseScopes, requiredScopeList } from '../../../greenhouse';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';

// A credential without the work-history scopes still exports: the Connect Greenhouse page says the
// connection is complete, marks those scopes optional and says what goes without them.
describe('optional scopes on the Connect Greenhouse page', () => {
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
    // Nothing answers there: the check after saving fails, and the test records its own.
    await admin.submit('/settings/greenhouse', {
      intent: 'save',
      clientId: 'tidewater-harvest',
      clientSecret: 'the-real-client-secret-123',
      userId: '',
      tokenUrl: 'http://127.0.0.1:9/token',
      apiUrl: 'http://127.0.0.1:9/v3',
    });
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  it('without the work-history and education scopes the required ones are all granted, and the missing ones are called optional', async () => {
    await recordScopeCheck(db, {
      granted: requiredScopeList.filter((scope) => !optionalGreenhouseScopes.includes(scope)),
      missing: [...optionalGreenhouseScopes],
      error: null,
    });
    const { html } = await admin.get('/settings/greenhouse');
    const text = html.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '');
    expect(text).toContain(
      `All ${requiredScopeList.length - optionalGreenhouseScopes.length} required scopes are granted`,
    );
    expect(text).toContain(
      'Without harvest:candidate_employments:list, harvest:candidate_employments:create, harvest:candidate_educations:list, harvest:candidate_educations:create and harvest:custom_field_options:list, exports go on without the person',
    );
    expect(text).toMatch(/without the person(&#x27;|')s work history and education\./);
    expect(text).not.toMatch(/required scopes? (is|are) missing/);
    expect(text).toContain('add their work history to the people Pilothouse exports (optional)');
    expect(text).toContain('add their education to the people Pilothouse exports (optional)');
  });

  it('a missing required scope is still called missing', async () => {
    await recordScopeCheck(db, {
      granted: requiredScopeList.filter((scope) => scope !== 'harvest:notes:create'),
      missing: ['harvest:notes:create'],
      error: null,
    });
    const { html } = await admin.get('/settings/greenhouse');
    expect(html.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '')).toContain('1 required scope is missing');
  });
});
