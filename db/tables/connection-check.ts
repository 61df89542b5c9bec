import type { ColumnType, Generated, Selectable } from 'kysely';

export interface ConnectionCheckTable {
  id: Generated<number>;
  workflow_id: string;
  requested_by: string;
  database_version: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type ConnectionCheck = Selectable<ConnectionCheckTable>;
