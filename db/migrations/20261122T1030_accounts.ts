import { sql, type Kysely } from 'kysely';

// Who may use the web app, their server-side sessions, sign-in attempts (for throttling) and the
// Greenhouse connection an admin configured (its secret stored encrypted, never in clear).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull()) // admin | recruiter | ops
    .addColumn('password_hash', 'text', (col) => col.notNull()) // scrypt$N$r$p$salt$hash
    .addColumn('greenhouse_user_id', 'bigint')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_sign_in_at', 'timestamptz')
    .execute();
  await sql`create unique index app_user_email_unique on app_user (lower(email))`.execute(db);

  await db.schema
    .createTable('app_session')
    .addColumn('id', 'text', (col) => col.primaryKey()) // random 32 bytes, base64url
    .addColumn('user_id', 'uuid', (col) => col.references('app_user.id').onDelete('cascade'))
    .addColumn('data', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('app_session_user_idx').on('app_session').column('user_id').execute();

  await db.schema
    .createTable('sign_in_attempt')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('succeeded', 'boolean', (col) => col.notNull())
    .addColumn('attempted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('sign_in_attempt_email_idx')
    .on('sign_in_attempt')
    .columns(['email', 'attempted_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_attempt_ip_idx')
    .on('sign_in_attempt')
    .columns(['ip', 'attempted_at'])
    .execute();

  // One row: this installation's Greenhouse account.
  await db.schema
    .createTable('greenhouse_connection')
    .addColumn('id', 'integer', (col) =>
      col
        .primaryKey()
        .defaultTo(1)
        .check(sql`id = 1`),
    )
    .addColumn('client_id', 'text', (col) => col.notNull())
    .addColumn('client_secret_encrypted', 'text', (col) => col.notNull())
    .addColumn('acting_user_id', 'bigint')
    .addColumn('token_url', 'text', (col) => col.notNull())
    .addColumn('api_url', 'text', (col) => col.notNull())
    .addColumn('webhook_secret_encrypted', 'text', (col) => col.notNull())
    .addColumn('granted_scopes', 'jsonb')
    .addColumn('missing_scopes', 'jsonb')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('check_error', 'text')
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['greenhouse_connection', 'sign_in_attempt', 'app_session', 'app_user']) {
    await db.schema.dropTable(table).execute();
  }
}
