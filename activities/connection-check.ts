import { sql } from 'kysely';
import type { Db } from '../db/database';

export function connectionCheckActivities(db: Db) {
  return {
    async recordConnectionCheck(input: { workflowId: string; requestedBy: string }) {
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
      return { checkId: row.id, databaseVersion, checkedAt: row.created_at.toISOString() };
    },
  };
}
