// Greenhouse webhook events as stored on arrival (webhook_event), and whether their meaning reached the autopilots.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

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
