import { sql, type Kysely } from 'kysely';

// Harvest has no idempotency keys, so a resume or note create whose answer was lost can only be found
// by listing. Recording "about to create" before the call tells a retry whether that list is needed:
// without an earlier attempt there is nothing to find, and a first export skips two reads. The presence
// is what the export step learned about the person's applications, so completion need not re-read it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('export_ledger')
    .addColumn('resume_create_attempted_at', 'timestamptz')
    .addColumn('note_create_attempted_at', 'timestamptz')
    .addColumn('greenhouse_presence', 'jsonb')
    .execute();
  // Exports in flight under the old code may have made a resume or note without recording it: their
  // retries must still look before creating.
  await db
    .updateTable('export_ledger')
    .set({ resume_create_attempted_at: sql`now()` })
    .where('status', '!=', 'exported')
    .where('resume_attachment_id', 'is', null)
    .execute();
  await db
    .updateTable('export_ledger')
    .set({ note_create_attempted_at: sql`now()` })
    .where('status', '!=', 'exported')
    .where('note_id', 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('export_ledger')
    .dropColumn('resume_create_attempted_at')
    .dropColumn('note_create_attempted_at')
    .dropColumn('greenhouse_presence')
    .execute();
}
