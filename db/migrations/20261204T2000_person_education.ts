import { sql, type Kysely } from 'kysely';

// A person's education as an imported list gives it (school, degree, discipline as written, years), and
// the export ledger's two marks for the education step, as for the work history: "about to create" before
// the first create (a retry lists the candidate's educations first) and "done" (the step never runs again).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('person')
    .addColumn('education', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema
    .alterTable('export_ledger')
    .addColumn('education_create_attempted_at', 'timestamptz')
    .addColumn('educations_done_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('export_ledger')
    .dropColumn('education_create_attempted_at')
    .dropColumn('educations_done_at')
    .execute();
  await db.schema.alterTable('person').dropColumn('education').execute();
}
