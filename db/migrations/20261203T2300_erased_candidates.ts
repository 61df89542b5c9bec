import { sql, type Kysely } from 'kysely';

// Greenhouse candidates Pilothouse was told to erase (deleted, anonymized) or that were merged into
// another: the Greenhouse id only, so a sweep can prove nothing personal about them is left here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erased_candidate')
    .addColumn('greenhouse_candidate_id', 'bigint', (col) => col.primaryKey())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('merged_into_candidate_id', 'bigint')
    .addColumn('erased_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('checked_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erased_candidate').execute();
}
