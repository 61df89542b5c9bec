import { sql, type Kysely } from 'kysely';

// A person's match score for a job moved between two scorings (a retrained profile, a new resume). Kept
// until the autopilot has put it through the job's "Match score crossed" flows once (processed_at), and
// afterwards as the dry run's record of recent score changes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('score_change')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('from_score', 'integer', (col) => col.notNull())
    .addColumn('to_score', 'integer', (col) => col.notNull())
    .addColumn('profile_version', 'integer', (col) => col.notNull())
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('score_change_pending_idx')
    .on('score_change')
    .columns(['job_id', 'processed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_change').execute();
}
