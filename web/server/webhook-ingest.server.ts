import { WorkflowNotFoundError } from '@temporalio/client';
import { sql } from 'kysely';
import {
  translateWebhook,
  verifyWebhookSignature,
  WebhookPayloadError,
  type GreenhouseWebhookEvent,
} from '../../greenhouse';
import { loadGreenhouseConnection } from '../../db/queries/greenhouse-connection';
import {
  autopilotWorkflowId,
  jobChangedSignal,
  newSourceDataSignal,
  stageEventSignal,
  type StageEvent,
} from '../../workflows/autopilot-api';
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
    return { status: 200, body: 'duplicate: already received' };
  }
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

const STAGE_KIND: Record<string, StageEvent['kind'] | undefined> = {
  candidate_stage_change: 'stage_changed',
  reject_candidate: 'rejected',
  unreject_candidate: 'unrejected',
  hire_candidate: 'hired',
};

/** Signals what the stored event means to the job's autopilot; keeps the error on the row when it fails. */
export async function signalStoredEvent(context: PilothouseContext, rowId: number): Promise<void> {
  const row = await context.db
    .selectFrom('webhook_event')
    .selectAll()
    .where('id', '=', rowId)
    .executeTakeFirst();
  if (!row || row.signalled_at) return;
  try {
    const event = translateWebhook(row.payload);
    const eventId = row.event_id ?? `webhook-row-${row.id}`;
    const occurredAt = new Date(row.received_at).toISOString();
    const targets: Array<() => Promise<void>> = [];
    const handle = (jobId: number) => context.temporal.workflow.getHandle(autopilotWorkflowId(jobId));
    if (event.kind === 'application_changed' && row.job_id) {
      const kind = STAGE_KIND[event.action];
      const application = event.application;
      if (kind) {
        const stageEvent: StageEvent = {
          eventId,
          kind,
          jobId: row.job_id,
          candidateId: application.candidate_id,
          applicationId: application.id,
          toStageId: application.job_interview_stage_id ?? null,
          toStageName: application.stage_name ?? null,
          ...(application.status ? { status: application.status } : {}),
          occurredAt,
        };
        targets.push(() => handle(row.job_id!).signal(stageEventSignal, stageEvent));
      } else {
        targets.push(() => handle(row.job_id!).signal(newSourceDataSignal, { reason: 'webhook' }));
      }
    } else if (event.kind === 'job_changed') {
      targets.push(() => handle(event.job.id).signal(jobChangedSignal, { status: event.job.status }));
    } else if (event.kind === 'job_deleted') {
      targets.push(() => handle(event.jobId).signal(jobChangedSignal, { status: 'deleted' }));
    } else if (event.kind === 'candidate_removed' || event.kind === 'candidate_merged') {
      // Which jobs know this person: every job whose pipeline holds them.
      const jobs = await context.db
        .selectFrom('job_person as jp')
        .innerJoin('person as p', 'p.id', 'jp.person_id')
        .select('jp.job_id')
        .where('p.greenhouse_candidate_id', '=', event.candidateId)
        .execute();
      const kind: StageEvent['kind'] =
        event.kind === 'candidate_merged'
          ? 'candidate_merged'
          : event.action === 'candidate_anonymized'
            ? 'candidate_anonymized'
            : 'candidate_deleted';
      for (const { job_id } of jobs) {
        targets.push(() =>
          handle(job_id).signal(stageEventSignal, {
            eventId,
            kind,
            jobId: job_id,
            candidateId: event.candidateId,
            occurredAt,
          }),
        );
      }
    }
    for (const send of targets) {
      try {
        await send();
      } catch (error) {
        // No autopilot running for that job: nobody to tell, which is not a failure to retry.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
    await context.db
      .updateTable('webhook_event')
      .set({ signalled_at: sql`now()`, signal_error: null })
      .where('id', '=', rowId)
      .execute();
  } catch (error) {
    await context.db
      .updateTable('webhook_event')
      .set({ signal_error: error instanceof Error ? error.message : String(error) })
      .where('id', '=', rowId)
      .execute();
  }
}
