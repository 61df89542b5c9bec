import { sql, type Kysely } from 'kysely';

// The autopilot's data: what was synced from Greenhouse, the people Pilothouse found, their scores,
// the decisions taken on them and every export. Greenhouse ids are bigint; Pilothouse's own ids are uuids.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'bigint', (col) => col.primaryKey()) // the Greenhouse job id
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('requisition_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull()) // open | closed | draft
    .addColumn('confidential', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('department_name', 'text')
    .addColumn('office_names', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('greenhouse_updated_at', 'timestamptz')
    .addColumn('synced_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('autopilot_enabled', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('cadence_minutes', 'integer', (col) => col.notNull().defaultTo(60))
    .execute();

  await db.schema
    .createTable('job_post')
    .addColumn('id', 'bigint', (col) => col.primaryKey())
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('live', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('greenhouse_updated_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('job_post_job_idx').on('job_post').column('job_id').execute();

  await db.schema
    .createTable('job_stage')
    .addColumn('id', 'bigint', (col) => col.primaryKey()) // Greenhouse job_interview_stage id
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .execute();
  await db.schema
    .createIndex('job_stage_job_idx')
    .on('job_stage')
    .columns(['job_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('job_profile')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('profile', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('job_profile_pk', ['job_id', 'version'])
    .execute();

  // A person Pilothouse knows about, with the original (unblinded) details kept for export.
  await db.schema
    .createTable('person')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('emails', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('phones', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('linkedin_url', 'text')
    .addColumn('location', 'text')
    .addColumn('title', 'text')
    .addColumn('company', 'text')
    .addColumn('past_jobs', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('skills', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('resume_text', 'text')
    .addColumn('greenhouse_candidate_id', 'bigint')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('person_linkedin_idx').on('person').column('linkedin_url').execute();
  await db.schema
    .createIndex('person_candidate_idx')
    .on('person')
    .column('greenhouse_candidate_id')
    .execute();

  // A person in a job's Pilothouse pipeline: where they came from, where they are, what Greenhouse says.
  await db.schema
    .createTable('job_person')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('source_kind', 'text', (col) => col.notNull()) // inbound | prospect_pool | import | outreach
    .addColumn('source_ref', 'text')
    .addColumn('pipeline_stage', 'text', (col) => col.notNull().defaultTo('sourced'))
    .addColumn('greenhouse', 'jsonb', (col) => col.notNull().defaultTo(sql`'{"kind":"none"}'::jsonb`))
    .addColumn('score', 'integer')
    .addColumn('profile_version', 'integer')
    .addColumn('last_activity_at', 'timestamptz')
    .addColumn('sourced_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('job_person_pk', ['job_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('job_person_stage_idx')
    .on('job_person')
    .columns(['job_id', 'pipeline_stage'])
    .execute();

  await db.schema
    .createTable('match_score')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('profile_version', 'integer', (col) => col.notNull())
    .addColumn('score', 'integer', (col) => col.notNull())
    .addColumn('scorer', 'text', (col) => col.notNull())
    .addColumn('explanation', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('match_score_pk', ['job_id', 'person_id', 'profile_version'])
    .execute();

  await db.schema
    .createTable('approval_request')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('workflow_id', 'text', (col) => col.notNull())
    .addColumn('requested_from', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending')) // pending | approved | rejected | expired
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('due_at', 'timestamptz')
    .addColumn('trace', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('approval_request_status_idx')
    .on('approval_request')
    .columns(['status', 'job_id'])
    .execute();
  // At most one open request per person and job: re-running a cycle must not ask twice.
  await sql`create unique index approval_request_one_pending on approval_request (job_id, person_id) where status = 'pending'`.execute(
    db,
  );

  // One row per (job, person): the idempotency anchor of every export.
  await db.schema
    .createTable('export_ledger')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('workflow_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull()) // running | exported | failed
    .addColumn('target', 'jsonb', (col) => col.notNull())
    .addColumn('requested_by', 'text', (col) => col.notNull())
    .addColumn('greenhouse_candidate_id', 'bigint')
    .addColumn('greenhouse_application_id', 'bigint')
    .addColumn('reused_existing_candidate', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('resume_attachment_id', 'bigint')
    .addColumn('note_id', 'bigint')
    .addColumn('failure_type', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('export_ledger_pk', ['job_id', 'person_id'])
    .execute();
  await db.schema.createIndex('export_ledger_status_idx').on('export_ledger').column('status').execute();

  // Every webhook delivery, stored before it is signalled so nothing is lost if Temporal is briefly down.
  await db.schema
    .createTable('webhook_event')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('event_id', 'text') // Greenhouse-Event-ID; null when the header was missing
    .addColumn('action', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('verdict', 'text', (col) => col.notNull()) // accepted | duplicate | rejected
    .addColumn('rejection_reason', 'text')
    .addColumn('job_id', 'bigint')
    .addColumn('payload', 'jsonb')
    .addColumn('signalled_at', 'timestamptz')
    .addColumn('signal_error', 'text')
    .execute();
  await sql`create unique index webhook_event_accepted_once on webhook_event (event_id) where verdict = 'accepted'`.execute(
    db,
  );
  await db.schema
    .createIndex('webhook_event_pending_idx')
    .on('webhook_event')
    .columns(['verdict', 'signalled_at'])
    .execute();

  await db.schema
    .createTable('outreach_event')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull()) // added_to_sequence | replied | replied_interested
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('stage_mapping')
    .addColumn('job_id', 'bigint', (col) => col.primaryKey().references('job.id').onDelete('cascade'))
    .addColumn('mapping', 'jsonb', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('rule_flow')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('draft', 'jsonb', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Published versions are immutable: never updated, only added.
  await db.schema
    .createTable('rule_version')
    .addColumn('flow_id', 'uuid', (col) => col.notNull().references('rule_flow.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('job_id', 'bigint', (col) => col.notNull())
    .addColumn('flow', 'jsonb', (col) => col.notNull())
    .addColumn('plan', 'jsonb', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('retroactive', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('diff', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('published_by', 'text', (col) => col.notNull())
    .addColumn('published_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rule_version_pk', ['flow_id', 'version'])
    .execute();

  await db.schema
    .createTable('decision_trace')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('job_id', 'bigint', (col) => col.notNull())
    .addColumn('person_id', 'uuid')
    .addColumn('flow_id', 'uuid')
    .addColumn('rule_version', 'integer')
    .addColumn('event', 'jsonb', (col) => col.notNull())
    .addColumn('decisions', 'jsonb', (col) => col.notNull())
    .addColumn('trace', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('decision_trace_person_idx')
    .on('decision_trace')
    .columns(['job_id', 'person_id'])
    .execute();

  // How far each job's sources have been read (moved only after a whole window was read).
  await db.schema
    .createTable('sync_watermark')
    .addColumn('scope', 'text', (col) => col.primaryKey()) // e.g. "job:4012:inbound", "reconcile:applications"
    .addColumn('watermark', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'sync_watermark',
    'decision_trace',
    'rule_version',
    'rule_flow',
    'stage_mapping',
    'outreach_event',
    'webhook_event',
    'export_ledger',
    'approval_request',
    'match_score',
    'job_person',
    'person',
    'job_profile',
    'job_stage',
    'job_post',
    'job',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
