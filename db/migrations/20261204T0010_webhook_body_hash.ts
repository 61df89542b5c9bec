import { sql, type Kysely } from 'kysely';

// A delivery is the same event when its signed body is the same: the Greenhouse-Event-ID header is
// not covered by the signature, so a captured body re-sent under a new id (or none) must not become a
// second event. Accepted rows are unique by the SHA-256 of their raw body.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_event').addColumn('body_sha256', 'text').execute();
  await sql`create unique index webhook_event_accepted_body_once on webhook_event (body_sha256) where verdict = 'accepted'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('webhook_event_accepted_body_once').execute();
  await db.schema.alterTable('webhook_event').dropColumn('body_sha256').execute();
}
