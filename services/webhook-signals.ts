import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../db/database';
import {
  markWebhookSignalled,
  recordWebhookSignalError,
  storedWebhookEvent,
  unsignalledWebhookEventIds,
} from '../db/queries/webhooks';
import { translateWebhook, type GreenhouseWebhookEvent } from '../greenhouse';
import { observeWebhookLag } from '../observability/metrics';
import {
  jobChangedSignal,
  newSourceDataSignal,
  stageEventSignal,
  type StageEvent,
} from '../temporal/autopilot-api';
import { workflowClient } from '../temporal/client';

// Webhook events are stored before they are signalled (web/server/webhook-ingest.server.ts), so a
// Temporal outage loses nothing: what the web app could not signal at once, the next job sync sweeps up.

export interface SignalDeps {
  db: Db;
  temporal: Client;
  /** Where erasure workflows are started (TEMPORAL_TASK_QUEUE). */
  taskQueue: string;
}

const STAGE_KIND: Record<string, StageEvent['kind'] | undefined> = {
  candidate_stage_change: 'stage_changed',
  reject_candidate: 'rejected',
  unreject_candidate: 'unrejected',
  hire_candidate: 'hired',
};

/** Signals what the stored event means to the job's autopilot; keeps the error on the row when it fails. */
export async function signalStoredEvent(context: SignalDeps, rowId: number): Promise<boolean> {
  const row = await storedWebhookEvent(context.db, rowId);
  if (!row || row.signalled_at || row.verdict !== 'accepted') return false;
  try {
    const event = translateWebhook(row.payload);
    const eventId = row.event_id ?? `webhook-row-${row.id}`;
    const occurredAt = new Date(row.received_at).toISOString();
    const targets: Array<() => Promise<unknown>> = [];
    const workflows = workflowClient(context.temporal, context.taskQueue);
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
          ...(application.last_activity_at ? { changedAt: application.last_activity_at } : {}),
        };
        targets.push(() => workflows.signalAutopilot(row.job_id!, stageEventSignal, stageEvent));
      } else {
        targets.push(() =>
          workflows.signalAutopilot(row.job_id!, newSourceDataSignal, { reason: 'webhook' }),
        );
      }
    } else if (event.kind === 'job_changed' && event.action === 'job_created') {
      // A new job has no autopilot yet (nothing to signal): the job sync stores it, applies the admins'
      // choice for new jobs and starts its autopilot when that choice is "on".
      targets.push(() => workflows.startJobCreatedSync(event.job.id));
    } else if (event.kind === 'job_changed') {
      targets.push(() =>
        workflows.signalAutopilot(event.job.id, jobChangedSignal, { status: event.job.status }),
      );
    } else if (event.kind === 'job_deleted') {
      targets.push(() => workflows.signalAutopilot(event.jobId, jobChangedSignal, { status: 'deleted' }));
    } else if (event.kind === 'candidate_removed') {
      // Erasure runs in a workflow of its own, whether or not any job's autopilot runs.
      const kind = event.action === 'candidate_anonymized' ? 'anonymized' : 'deleted';
      targets.push(() => workflows.startErasure({ kind, candidateId: event.candidateId }));
    } else if (event.kind === 'candidate_merged') {
      // `candidateId` remains; each of `mergedCandidateIds` was merged into it.
      for (const fromId of event.mergedCandidateIds.filter((id) => id !== event.candidateId)) {
        targets.push(() =>
          workflows.startErasure({ kind: 'merged', candidateId: fromId, intoCandidateId: event.candidateId }),
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
    await markWebhookSignalled(context.db, rowId);
    // Lag from the change in Greenhouse to the webhook's arrival, recorded once, when it was delivered.
    const changedAt = changedAtOf(event);
    if (changedAt) observeWebhookLag(event.action, changedAt, new Date(row.received_at));
    return true;
  } catch (error) {
    await recordWebhookSignalError(context.db, rowId, error instanceof Error ? error.message : String(error));
    return false;
  }
}

/**
 * Signals every accepted event still waiting for its signal (Temporal was down when it arrived, or the
 * web app stopped before it got to it), oldest first. Signalling twice is harmless: autopilots drop
 * event ids they have seen.
 */
export async function sweepUnsignalledEvents(
  context: SignalDeps,
  options: { limit?: number; maxAgeDays?: number } = {},
): Promise<{ signalled: number; failed: number }> {
  const ids = await unsignalledWebhookEventIds(context.db, {
    limit: options.limit ?? 500,
    maxAgeDays: options.maxAgeDays ?? 7,
  });
  let signalled = 0;
  for (const id of ids) {
    if (await signalStoredEvent(context, id)) signalled += 1;
  }
  return { signalled, failed: ids.length - signalled };
}

/** When the change happened in Greenhouse, as far as the payload says. */
function changedAtOf(event: GreenhouseWebhookEvent): Date | undefined {
  const stamp =
    event.kind === 'application_changed'
      ? event.application.last_activity_at
      : event.kind === 'job_changed'
        ? event.job.updated_at
        : event.kind === 'candidate_changed'
          ? event.candidate.updated_at
          : undefined;
  if (!stamp) return undefined;
  const at = new Date(stamp);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
