// The results of "Check connection" runs (connection_check), shown on the home page.
import type { Db } from '../database';
import { sql } from 'kysely';

/** Records that the worker reached the database (the setup page's connection check), with its version. */
export async function recordConnectionCheck(db: Db, input: { workflowId: string; requestedBy: string }) {
  const { rows } = await sql<{ version: string }>`select version()`.execute(db);
  const databaseVersion = rows[0]?.version.split(' on ')[0] ?? 'unknown';
  const row = await db
    .insertInto('connection_check')
    .values({
      workflow_id: input.workflowId,
      requested_by: input.requestedBy,
      database_version: databaseVersion,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { checkId: row.id, databaseVersion, checkedAt: row.created_at };
}

/** The latest checks, newest first. */
export async function latestConnectionChecks(db: Db, limit = 5) {
  return db.selectFrom('connection_check').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
