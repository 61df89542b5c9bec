import { sql, type Kysely } from 'kysely';

// A recruiter's reason for declining someone is free text and can name the person. The web app keeps it
// here and the autopilot's decideApprovals update carries only who decided, so the reason never enters a
// workflow history. Deleted with its request (erasure deletes the person's requests).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approval_reason')
    .addColumn('approval_id', 'uuid', (col) =>
      col.notNull().references('approval_request.id').onDelete('cascade'),
    )
    .addColumn('given_by', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('approval_reason_pk', ['approval_id', 'given_by'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('approval_reason').execute();
}
