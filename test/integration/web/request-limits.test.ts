import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { freePort } from '../../support/free-port';
import { testDb } from '../../support/services';
import { postFiller } from './support/raw-post';
import { ada, firstAdminSignsUp } from './support/team';
import { startWebApp, Visitor, type WebApp } from './support/web-visitor';

const MB = 1024 * 1024;

describe('what anyone on the internet can send or read, before signing in', () => {
  let db: Db;
  let web: WebApp;
  let metricsPort: number;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt, audit_event cascade`.execute(db);
    metricsPort = await freePort();
    web = await startWebApp({ WEB_METRICS_PORT: String(metricsPort) });
    await firstAdminSignsUp(web.url);
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  it('a 30 MB sign-in body declared up front is refused with 413 before it is sent', async () => {
    const answer = await postFiller(`${web.url}/login`, { totalBytes: 30 * MB, declareLength: true });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('The request is too large');
    expect(answer.bytesSent).toBeLessThan(30 * MB);
  });

  it('the same 30 MB streamed chunked (no length given) is cut off once it passes the cap', async () => {
    const answer = await postFiller(`${web.url}/login`, { totalBytes: 30 * MB, declareLength: false });
    expect(answer.status).toBe(413);
    expect(answer.bytesSent).toBeLessThan(30 * MB);
  });

  it('the sign-out, setup and React Router data URLs have the same small cap', async () => {
    for (const path of ['/logout', '/setup', '/login.data']) {
      const answer = await postFiller(`${web.url}${path}`, { totalBytes: 64 * 1024, declareLength: true });
      expect(answer.status, path).toBe(413);
    }
  });

  it('the webhook takes up to 1 MB: 2 MB is refused before its signature is even checked', async () => {
    const stored = () => db.selectFrom('webhook_event').select('id').execute();
    const before = await stored();
    const answer = await postFiller(`${web.url}/webhooks/greenhouse`, {
      totalBytes: 2 * MB,
      declareLength: false,
      contentType: 'application/json',
    });
    expect(answer.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it('a people-list upload is capped at the documented 5 MB (plus its envelope), not at 1 MB', async () => {
    // Unauthenticated here, so under the cap the answer is the sign-in redirect, over it 413.
    const under = await postFiller(`${web.url}/jobs/1/import`, { totalBytes: 2 * MB, declareLength: true });
    expect(under.status).not.toBe(413);
    const over = await postFiller(`${web.url}/jobs/1/import`, { totalBytes: 6 * MB, declareLength: true });
    expect(over.status).toBe(413);
  });

  it('an ordinary sign-in still works after all that', async () => {
    const visitor = new Visitor(web.url);
    expect((await visitor.signIn(ada.email, ada.password)).location).toBe('/jobs');
  });

  it('pages cannot be framed, sniffed or leak their URL, and only scripts with the page’s nonce run', async () => {
    const response = await fetch(`${web.url}/login`);
    const html = await response.text();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, 'the CSP allows scripts by nonce').toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(csp.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
    // Every inline script React Router wrote carries this response's nonce.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    // A second response has another nonce.
    const again = (await fetch(`${web.url}/login`)).headers.get('content-security-policy');
    expect(again).not.toContain(nonce);
  });

  it('/metrics is not on the public port; it is on WEB_METRICS_PORT', async () => {
    const publicMetrics = await fetch(`${web.url}/metrics`);
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toContain('pilothouse_');
    const privateMetrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(privateMetrics.status).toBe(200);
    expect(await privateMetrics.text()).toContain('pilothouse_webhook_events_total');
  });

  // Last: it slows Ada down from this machine's address.
  it('without TRUST_PROXY, a forged X-Forwarded-For does not give a guesser a fresh address', async () => {
    const from = (address: string) => new Visitor(web.url, { 'x-forwarded-for': address });
    for (let i = 0; i < 5; i++)
      expect((await from(`10.0.0.${i}`).signIn(ada.email, `nope-${i}`)).status).toBe(401);
    expect((await from('10.0.0.99').signIn(ada.email, ada.password)).status).toBe(429);
  });
});
