import type { Kysely } from 'kysely';

// Exports of people Pilothouse created carry their work history as Greenhouse employments. As with the
// resume and the note, Harvest has no idempotency keys: "about to create" is recorded before the first
// create, so only a retry after it lists the candidate's employments before creating; `employments_done_at`
// ends the step for good. Ledger rows from before this step have neither and get the step only if their
// export runs it (exports already done never do).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('export_ledger')
    .addColumn('employment_create_attempted_at', 'timestamptz')
    .addColumn('employments_done_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('export_ledger')
    .dropColumn('employment_create_attempted_at')
    .dropColumn('employments_done_at')
    .execute();
}
