import {
  translateWebhook,
  verifyWebhookSignature,
  WebhookPayloadError,
  type GreenhouseWebhookEvent,
} from '../../greenhouse';
import { loadGreenhouseConnection } from '../../db/queries/greenhouse-connection';
import { webhookEventsTotal } from '../../observability/metrics';
import type { PilothouseContext } from './load-context';

export type IngestResult = { status: number; body: string; eventRowId?: number };

/**
 * A Greenhouse delivery: verify the signature on the raw bytes, store the event (deduped by
 * Greenhouse-Event-ID) before anything else, answer. Signalling the job's autopilot happens after the
 * answer (`signalStoredEvent`), so a slow or absent Temporal never makes Greenhouse retry for hours.
 */
export async function ingestWebhook(context: PilothouseContext, request: Request): Promise<IngestResult> {
  const raw = Buffer.from(await request.arrayBuffer());
  const eventId = request.headers.get('Greenhouse-Event-ID');
  const connection = await loadGreenhouseConnection(context.db, context.env).catch(() => null);
  const reject = async (status: number, reason: string, action: string | null = null) => {
    await context.db
      .insertInto('webhook_event')
      .values({ event_id: eventId, action, verdict: 'rejected', rejection_reason: reason, payload: null })
      .execute();
    webhookEventsTotal.inc({ action: action ?? 'unknown', outcome: 'rejected' });
    return { status, body: reason };
  };
  if (!connection?.webhookSecret)
    return reject(503, 'No webhook secret is configured: save the Greenhouse connection first.');
  if (!verifyWebhookSignature(raw, request.headers.get('Signature') ?? undefined, connection.webhookSecret))
    return reject(401, 'The Signature header does not match the body signed with the webhook secret.');

  let body: unknown;
  let event: GreenhouseWebhookEvent;
  try {
    body = JSON.parse(raw.toString('utf8'));
    event = translateWebhook(body);
  } catch (error) {
    const reason =
      error instanceof WebhookPayloadError || error instanceof SyntaxError ? error.message : String(error);
    return reject(400, `The body is not a Greenhouse webhook: ${reason}`);
  }
  const jobId = jobIdOf(event);
  // The unique partial index on accepted event ids decides duplicates, even for concurrent deliveries.
  const inserted = await context.db
    .insertInto('webhook_event')
    .values({
      event_id: eventId,
      action: event.action,
      verdict: 'accepted',
      job_id: jobId,
      payload: JSON.stringify(body),
    })
    .onConflict((oc) => oc.column('event_id').where('verdict', '=', 'accepted').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    await context.db
      .insertInto('webhook_event')
      .values({ event_id: eventId, action: event.action, verdict: 'duplicate', job_id: jobId, payload: null })
      .execute();
    webhookEventsTotal.inc({ action: event.action, outcome: 'duplicate' });
    return { status: 200, body: 'duplicate: already received' };
  }
  webhookEventsTotal.inc({ action: event.action, outcome: 'accepted' });
  return { status: 200, body: 'accepted', eventRowId: inserted.id };
}

function jobIdOf(event: GreenhouseWebhookEvent): number | null {
  switch (event.kind) {
    case 'application_changed':
      return event.application.job_id ?? event.application.prospective_job_ids?.[0] ?? null;
    case 'job_changed':
      return event.job.id;
    case 'job_deleted':
      return event.jobId;
    case 'job_post_changed':
      return event.jobPost.job_id;
    default:
      return null;
  }
}

// Signalling lives with the activities, which sweep up what could not be signalled at once.
// Known exception to the layering (docs/decisions/0007-layers.md): it moves to the one Temporal client
// surface the web app and job sync share (issue 12, item 2).
// eslint-disable-next-line no-restricted-imports
export { signalStoredEvent } from '../../activities/webhook-signals';
