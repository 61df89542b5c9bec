import { sql, type Kysely } from 'kysely';

// What the rule executor needs: plans addressable by hash (a decision made under an older plan is
// carried out under that plan), the approver a request belongs to and what deciding it produced (a
// retried decision returns the same), in-app notifications, and failed rule actions for Ops.
export async function up(db: Kysely<any>): Promise<void> {
  // The ledger used to store an id no workflow had; Ops' "Open in Temporal" links now resolve.
  await sql`update export_ledger set workflow_id = 'export-default-job-' || job_id || '-person-' || person_id
            where workflow_id = 'export-' || job_id || '-' || person_id`.execute(db);

  await db.schema
    .createTable('rule_plan')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('job_id', 'bigint', (col) => col.notNull())
    .addColumn('flow_id', 'text', (col) => col.notNull())
    .addColumn('rule_version', 'integer')
    .addColumn('plan', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable('decision_trace').addColumn('plan_hash', 'text').execute();

  // A rule's "Tag (in Pilothouse)" lands here.
  await db.schema
    .alterTable('job_person')
    .addColumn('tags', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();

  await db.schema
    .alterTable('approval_request')
    .addColumn('approver', 'jsonb')
    .addColumn('outcome_steps', 'jsonb')
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'bigint', (col) => col.references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.references('person.id').onDelete('cascade'))
    // Who it is for: a Greenhouse user, the holders of a hiring-team role on the job, or (both null) every recruiter.
    .addColumn('to_greenhouse_user_id', 'bigint')
    .addColumn('to_role', 'text')
    .addColumn('to_name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('link', 'text')
    // One notification per decision carried out (a retried activity must not notify twice).
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('notification_unread_idx')
    .on('notification')
    .columns(['read_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('rule_action_failure')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.references('person.id').onDelete('cascade'))
    .addColumn('trace_id', 'bigint', (col) => col.notNull())
    .addColumn('decision_index', 'integer', (col) => col.notNull())
    .addColumn('decision_type', 'text', (col) => col.notNull())
    // The workflow the action failed in; after a retry, the retry's workflow.
    .addColumn('workflow_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('failed')) // failed | retrying | done
    .addColumn('failure_type', 'text', (col) => col.notNull())
    .addColumn('failure_message', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index rule_action_failure_decision on rule_action_failure (trace_id, decision_index)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rule_action_failure').execute();
  await db.schema.dropTable('notification').execute();
  await db.schema.alterTable('approval_request').dropColumn('approver').dropColumn('outcome_steps').execute();
  await db.schema.alterTable('job_person').dropColumn('tags').execute();
  await db.schema.alterTable('decision_trace').dropColumn('plan_hash').execute();
  await db.schema.dropTable('rule_plan').execute();
}
