import { sql, type Kysely } from 'kysely';

// Outreach tools redeliver events; their own event id makes a redelivery a no-op. The sequence name
// is kept for the person's timeline ("replied to Backend Q4").
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outreach_event')
    .addColumn('event_id', 'text')
    .addColumn('sequence', 'text')
    .execute();
  await sql`create unique index outreach_event_event_id_key on outreach_event (event_id) where event_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('outreach_event_pending_idx')
    .on('outreach_event')
    .columns(['job_id', 'processed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outreach_event_pending_idx').execute();
  await db.schema.dropIndex('outreach_event_event_id_key').execute();
  await db.schema.alterTable('outreach_event').dropColumn('event_id').dropColumn('sequence').execute();
}
