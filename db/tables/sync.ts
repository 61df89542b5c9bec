import type { ColumnType } from 'kysely';
import type { CreatedAt, UpdatedAt } from './json';

export type OutreachKind = 'added_to_sequence' | 'replied' | 'replied_interested';

export interface OutreachEventTable {
  id: ColumnType<string, string | undefined, never>;
  job_id: number;
  person_id: string;
  kind: OutreachKind;
  occurred_at: Date | string;
  received_at: CreatedAt;
  processed_at: Date | string | null;
  /** The outreach tool's own id for the event; a redelivery with the same id is stored once. */
  event_id: string | null;
  sequence: string | null;
}

export interface SyncWatermarkTable {
  scope: string;
  watermark: Date | string;
  updated_at: UpdatedAt;
}
