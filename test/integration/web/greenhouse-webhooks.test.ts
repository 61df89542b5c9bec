import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { sealSecret } from '../../../db/queries/secret-box';
import { signWebhookBody } from '../../../greenhouse/webhooks/signature';
import { webhookEventsTotal } from '../../../observability/metrics';
import { testDb } from '../../support/services';
import { startWebApp, type WebApp } from './support/web-visitor';

const WEBHOOK_SECRET = 'the-secret-pasted-into-greenhouse';

// Greenhouse reports that a recruiter edited a candidate (the v1 webhook shape it still sends).
const candidateUpdated = JSON.stringify({
  action: 'update_candidate',
  payload: {
    candidate: {
      id: 7_001_234,
      first_name: 'Avery',
      last_name: 'Quinn',
      email_addresses: [{ value: 'avery.quinn@example.org', type: 'personal' }],
    },
  },
});

function deliver(web: WebApp, body: string, headers: Record<string, string>) {
  return fetch(`${web.url}/webhooks/greenhouse`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('Greenhouse webhooks arriving at the web app', () => {
  let db: Db;
  let web: WebApp;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate webhook_event, greenhouse_connection cascade`.execute(db);
    // Greenhouse connected through the environment, with the webhook secret its admin configured.
    web = await startWebApp({
      GREENHOUSE_CLIENT_ID: 'pilothouse-client',
      GREENHOUSE_CLIENT_SECRET: 'pilothouse-client-secret',
      GREENHOUSE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
  });

  afterAll(async () => {
    await web?.close();
    await db?.destroy();
  });

  const eventsWithId = (eventId: string) =>
    db
      .selectFrom('webhook_event')
      .select(['verdict', 'action', 'payload', 'rejection_reason'])
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();

  const unsignedCount = async () =>
    (await webhookEventsTotal.get()).values
      .filter((v) => v.labels.outcome === 'unsigned')
      .reduce((sum, v) => sum + v.value, 0);

  it('a delivery signed with another secret is refused with 401; nothing is stored, a metric counts it', async () => {
    const before = await unsignedCount();
    const response = await deliver(web, candidateUpdated, {
      'Greenhouse-Event-ID': 'evt-forged-1',
      Signature: signWebhookBody(candidateUpdated, 'someone-elses-secret'),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/Signature header does not match/);
    // Anyone can post here: storing each refusal would let them fill the database.
    expect(await eventsWithId('evt-forged-1')).toEqual([]);
    expect(await unsignedCount()).toBe(before + 1);
  });

  it('a delivery without a Signature header is refused the same way', async () => {
    const before = await unsignedCount();
    const response = await deliver(web, candidateUpdated, { 'Greenhouse-Event-ID': 'evt-unsigned-1' });
    expect(response.status).toBe(401);
    expect(await eventsWithId('evt-unsigned-1')).toEqual([]);
    expect(await unsignedCount()).toBe(before + 1);
  });

  it('a captured signed body sent again under a new event id, or with none, is a duplicate, not a second event', async () => {
    const body = candidateUpdated.replace('7001234', '7001299');
    const signature = signWebhookBody(body, WEBHOOK_SECRET);
    const first = await deliver(web, body, { Signature: signature });
    expect(await first.text()).toBe('accepted');
    const noId = await deliver(web, body, { Signature: signature });
    expect(await noId.text()).toBe('duplicate: already received');
    const newId = await deliver(web, body, { Signature: signature, 'Greenhouse-Event-ID': 'evt-replayed-9' });
    expect(await newId.text()).toBe('duplicate: already received');
    const accepted = await db
      .selectFrom('webhook_event')
      .select('id')
      .where('verdict', '=', 'accepted')
      .where(sql<boolean>`payload->'payload'->'candidate'->>'id' = '7001299'`)
      .execute();
    expect(accepted).toHaveLength(1);
  });

  it('a signed delivery is stored once, and Greenhouse sending it again is recognised as a duplicate', async () => {
    const signed = {
      'Greenhouse-Event-ID': 'evt-candidate-updated-1',
      Signature: signWebhookBody(candidateUpdated, WEBHOOK_SECRET),
    };
    const first = await deliver(web, candidateUpdated, signed);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('accepted');

    // Greenhouse retries when it did not see our answer in time: same event id, same body.
    const again = await deliver(web, candidateUpdated, signed);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('duplicate: already received');

    const events = await eventsWithId('evt-candidate-updated-1');
    expect(events.map((e) => e.verdict)).toEqual(['accepted', 'duplicate']);
    expect(events[0]).toMatchObject({ action: 'update_candidate', payload: JSON.parse(candidateUpdated) });
    expect(events[1]!.payload).toBeNull();
  });

  it('a body changed after signing is refused, even with a fresh event id', async () => {
    const signature = signWebhookBody(candidateUpdated, WEBHOOK_SECRET);
    const tampered = candidateUpdated.replace('Quinn', 'Quinne');
    const response = await deliver(web, tampered, {
      'Greenhouse-Event-ID': 'evt-tampered-1',
      Signature: signature,
    });
    expect(response.status).toBe(401);
    expect(await eventsWithId('evt-tampered-1')).toEqual([]);
  });

  it('when the saved connection cannot be read (SESSION_SECRET changed), a signed delivery gets 503 to retry, not "no secret configured"', async () => {
    // An admin saved the connection under another installation's SESSION_SECRET.
    await db
      .insertInto('greenhouse_connection')
      .values({
        id: 1,
        client_id: 'pilothouse-client',
        client_secret_encrypted: sealSecret(
          'pilothouse-client-secret',
          'another-session-secret-of-32-chars!!',
        ),
        acting_user_id: null,
        token_url: 'https://auth.greenhouse.io/token',
        api_url: 'https://harvest.greenhouse.io',
        webhook_secret_encrypted: sealSecret(WEBHOOK_SECRET, 'another-session-secret-of-32-chars!!'),
        updated_by: 'ada@example.com',
      } as never)
      .execute();
    try {
      const response = await deliver(web, candidateUpdated, {
        'Greenhouse-Event-ID': 'evt-unreadable-connection-1',
        Signature: signWebhookBody(candidateUpdated, WEBHOOK_SECRET),
      });
      expect(response.status).toBe(503);
      expect(await response.text()).toBe(
        'Pilothouse cannot check webhook signatures right now; try again later.',
      );
      expect(await eventsWithId('evt-unreadable-connection-1')).toEqual([]);
    } finally {
      await db.deleteFrom('greenhouse_connection').execute();
    }
  });
});
