// Greenhouse webhook events as stored on arrival (webhook_event), and whether their meaning reached the autopilots.
import type { Db } from '../database';
import { sql } from 'kysely';

export async function storedWebhookEvent(db: Db, rowId: number) {
  return db.selectFrom('webhook_event').selectAll().where('id', '=', rowId).executeTakeFirst();
}

export async function markWebhookSignalled(db: Db, rowId: number): Promise<void> {
  await db
    .updateTable('webhook_event')
    .set({ signalled_at: sql`now()`, signal_error: null })
    .where('id', '=', rowId)
    .execute();
}

/** Keeps why signalling failed on the row, for Ops and the next sweep. */
export async function recordWebhookSignalError(db: Db, rowId: number, message: string): Promise<void> {
  await db.updateTable('webhook_event').set({ signal_error: message }).where('id', '=', rowId).execute();
}

/** Accepted events never signalled, oldest first, from the last `maxAgeDays`. */
export async function unsignalledWebhookEventIds(
  db: Db,
  options: { limit: number; maxAgeDays: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('webhook_event')
    .select('id')
    .where('verdict', '=', 'accepted')
    .where('signalled_at', 'is', null)
    // Payloads cleared by an erasure have nothing left to deliver.
    .where('payload', 'is not', null)
    .where('received_at', '>', sql<Date>`now() - make_interval(days => ${options.maxAgeDays})`)
    .orderBy('id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Lets stored payloads expire after the retention period; returns how many were cleared. */
export async function expireWebhookPayloads(db: Db, retentionDays: number): Promise<number> {
  const expired = await db
    .updateTable('webhook_event')
    .set({ payload: null })
    .where('payload', 'is not', null)
    .where('received_at', '<', sql<Date>`now() - make_interval(days => ${retentionDays})`)
    .executeTakeFirst();
  return Number(expired.numUpdatedRows);
}

/** A signed delivery that is not a webhook Pilothouse can read: the reason is kept, the body is not. */
export async function recordRejectedWebhook(
  db: Db,
  input: { eventId: string | null; action: string | null; reason: string },
): Promise<void> {
  await db
    .insertInto('webhook_event')
    .values({
      event_id: input.eventId,
      action: input.action,
      verdict: 'rejected',
      rejection_reason: input.reason,
      payload: null,
    })
    .execute();
}

/**
 * Stores a verified webhook; undefined when it was already received. The unique partial indexes on
 * accepted event ids and body hashes decide that, even for concurrent deliveries: the same signed body
 * under a new (unsigned) event id is the same event.
 */
export async function recordAcceptedWebhook(
  db: Db,
  input: {
    eventId: string | null;
    bodySha256: string;
    action: string;
    jobId: number | null;
    payload: unknown;
  },
): Promise<{ id: number } | undefined> {
  return db
    .insertInto('webhook_event')
    .values({
      event_id: input.eventId,
      body_sha256: input.bodySha256,
      action: input.action,
      verdict: 'accepted',
      job_id: input.jobId,
      payload: JSON.stringify(input.payload),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** A second delivery of an event already stored: counted for Ops, its body not kept twice. */
export async function recordDuplicateWebhook(
  db: Db,
  input: { eventId: string | null; action: string; jobId: number | null },
): Promise<void> {
  await db
    .insertInto('webhook_event')
    .values({
      event_id: input.eventId,
      action: input.action,
      verdict: 'duplicate',
      job_id: input.jobId,
      payload: null,
    })
    .execute();
}

/** The last 100 deliveries, newest first, of one verdict or all; `jobIds` null means every job. */
export async function recentWebhookDeliveries(
  db: Db,
  filter: { verdict: 'accepted' | 'rejected' | 'duplicate' | null; jobIds: number[] | null },
) {
  let query = db
    .selectFrom('webhook_event as w')
    .leftJoin('job as j', 'j.id', 'w.job_id')
    .select([
      'w.id',
      'w.event_id',
      'w.action',
      'w.received_at',
      'w.verdict',
      'w.rejection_reason',
      'w.job_id',
      'j.name as job_name',
      'w.signalled_at',
      'w.signal_error',
    ])
    .orderBy('w.id', 'desc')
    .limit(100);
  if (filter.verdict) query = query.where('w.verdict', '=', filter.verdict);
  if (filter.jobIds) query = query.where('w.job_id', 'in', filter.jobIds);
  return query.execute();
}

/** The job's accepted webhooks of one action received since `since`, newest first, with their payloads. */
export async function acceptedWebhooksSince(
  db: Db,
  input: { jobId: number; action: string; since: Date; limit: number },
) {
  return db
    .selectFrom('webhook_event')
    .select(['payload', 'received_at'])
    .where('job_id', '=', input.jobId)
    .where('verdict', '=', 'accepted')
    .where('action', '=', input.action)
    .where('received_at', '>=', input.since)
    .where('payload', 'is not', null)
    .orderBy('received_at', 'desc')
    .limit(input.limit)
    .execute();
}
