import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: ColumnType<Date, Date | undefined, never>;
  /** Who caused the write: a Pilothouse user's email, `autopilot`, or `greenhouse-webhook`. */
  actor: string;
  /** What happened, e.g. `greenhouse.candidate.created`, `rules.published`. */
  action: string;
  job_id: number | null;
  person_id: string | null;
  workflow_id: string | null;
  details: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
}

export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
