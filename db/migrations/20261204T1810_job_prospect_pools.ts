import { sql, type Kysely } from 'kysely';

// The Greenhouse prospect pools an admin chose as sources for a job: the source step reads their
// prospects besides the job's applicants and the prospects already considered for the job. The pool's
// name is kept as Greenhouse last gave it, so the job screen names a pool even when Greenhouse cannot be read.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_prospect_pool')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('prospect_pool_id', 'bigint', (col) => col.notNull())
    .addColumn('pool_name', 'text', (col) => col.notNull())
    .addColumn('chosen_by', 'text', (col) => col.notNull())
    .addColumn('chosen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('job_prospect_pool_pk', ['job_id', 'prospect_pool_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_prospect_pool').execute();
}
