import { sql, type Kysely } from 'kysely';

// The latest backtest of a job's scores on its own applications: figures and ranks only (person ids,
// scores, outcomes), never names, so the report page reads it without calling Greenhouse or the model.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_backtest')
    .addColumn('job_id', 'bigint', (col) => col.primaryKey().references('job.id').onDelete('cascade'))
    .addColumn('scorer', 'text', (col) => col.notNull())
    .addColumn('report', 'jsonb', (col) => col.notNull())
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_backtest').execute();
}
