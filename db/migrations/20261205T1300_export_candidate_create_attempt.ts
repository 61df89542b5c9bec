import type { Kysely } from 'kysely';

// "About to create the candidate" is recorded before the export sends the create, as for the resume and the
// note. A worker that dies after sending it but before recording the new candidate's id leaves a person in
// Greenhouse whom the retry finds by email: without this mark it took them for someone Greenhouse already had
// and skipped the resume and the work history, which go only onto candidates Pilothouse created.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('export_ledger')
    .addColumn('candidate_create_attempted_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('export_ledger').dropColumn('candidate_create_attempted_at').execute();
}
