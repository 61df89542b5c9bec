import { createHash } from 'node:crypto';
import {
  translateWebhook,
  verifyWebhookSignature,
  WebhookPayloadError,
  type GreenhouseWebhookEvent,
} from '../../greenhouse';
import { loadGreenhouseConnection } from '../../db/queries/greenhouse-connection';
import { presenceFromApplications, showGreenhouseChange } from '../../db/queries/greenhouse-presence';
import {
  recordAcceptedWebhook,
  recordDuplicateWebhook,
  recordRejectedWebhook,
} from '../../db/queries/webhooks';
import { loggerFromEnv } from '../../observability/logger';
import { webhookEventsTotal } from '../../observability/metrics';
import type { PilothouseContext } from './load-context';

export type IngestResult = { status: number; body: string; eventRowId?: number };

/**
 * A Greenhouse delivery: verify the signature on the raw bytes, store the event (deduped by
 * Greenhouse-Event-ID and by the hash of the signed body) before anything else, answer. Unsigned or
 * wrongly signed posts are only counted (`outcome="unsigned"`): anyone can send them, and storing
 * them would let anyone fill the database. Signalling the job's autopilot happens after the
 * answer (`signalStoredEvent`), so a slow or absent Temporal never makes Greenhouse retry for hours.
 */
export async function ingestWebhook(context: PilothouseContext, request: Request): Promise<IngestResult> {
  const raw = Buffer.from(await request.arrayBuffer());
  const eventId = request.headers.get('Greenhouse-Event-ID');
  let connection: Awaited<ReturnType<typeof loadGreenhouseConnection>>;
  try {
    connection = await loadGreenhouseConnection(context.db, context.env);
  } catch (error) {
    // Not "no secret configured": the secret could not be read (database down, SESSION_SECRET
    // changed). Said in the log for ops, not to an unauthenticated caller; Greenhouse retries a 503.
    webhookEventsTotal.inc({ action: 'unknown', outcome: 'unavailable' });
    loggerFromEnv(context.env, { service: 'web' }).error(
      `A Greenhouse webhook was refused: the Greenhouse connection could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
    return { status: 503, body: 'Pilothouse cannot check webhook signatures right now; try again later.' };
  }
  const unsigned = (status: number, reason: string) => {
    webhookEventsTotal.inc({ action: 'unknown', outcome: 'unsigned' });
    return { status, body: reason };
  };
  const reject = async (status: number, reason: string, action: string | null = null) => {
    await recordRejectedWebhook(context.db, { eventId, action, reason });
    webhookEventsTotal.inc({ action: action ?? 'unknown', outcome: 'rejected' });
    return { status, body: reason };
  };
  if (!connection?.webhookSecret)
    return unsigned(503, 'No webhook secret is configured: save the Greenhouse connection first.');
  if (!verifyWebhookSignature(raw, request.headers.get('Signature') ?? undefined, connection.webhookSecret))
    return unsigned(401, 'The Signature header does not match the body signed with the webhook secret.');
  const bodySha256 = createHash('sha256').update(raw).digest('hex');

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
  const inserted = await recordAcceptedWebhook(context.db, {
    eventId,
    bodySha256,
    action: event.action,
    jobId,
    payload: body,
  });
  if (!inserted) {
    await recordDuplicateWebhook(context.db, { eventId, action: event.action, jobId });
    webhookEventsTotal.inc({ action: event.action, outcome: 'duplicate' });
    return { status: 200, body: 'duplicate: already received' };
  }
  webhookEventsTotal.inc({ action: event.action, outcome: 'accepted' });
  await showOnJobScreen(context, event, jobId);
  return { status: 200, body: 'accepted', eventRowId: inserted.id };
}

/**
 * A stage change, rejection or hire is on the job screen as soon as Greenhouse tells it, not only once the
 * autopilot has applied it (it re-reads the person's applications on the rate-limited Harvest queue first,
 * which a burst of changes can hold up). A failure here loses nothing: the event is stored and the
 * autopilot writes the same record when it applies it.
 */
async function showOnJobScreen(
  context: PilothouseContext,
  event: GreenhouseWebhookEvent,
  jobId: number | null,
) {
  if (event.kind !== 'application_changed' || jobId === null) return;
  const { application } = event;
  try {
    await showGreenhouseChange(context.db, {
      jobId,
      candidateId: application.candidate_id,
      presence: presenceFromApplications(jobId, application.candidate_id, [application]),
    });
  } catch (error) {
    loggerFromEnv(context.env, { service: 'web' }).warn(
      `A Greenhouse change was stored but not shown on the job screen yet (the autopilot will): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
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

// Signalling is shared with the job sync, which sweeps up what could not be signalled at once.
export { signalStoredEvent } from '../../services/webhook-signals';
