import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json } from './json';

export type WebhookVerdict = 'accepted' | 'duplicate' | 'rejected';

export interface WebhookEventTable {
  id: Generated<number>;
  event_id: string | null;
  /** SHA-256 (hex) of the raw signed body: accepted rows are unique by it (replays are duplicates). */
  body_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  action: string | null;
  received_at: ColumnType<Date, Date | string | undefined, never>;
  verdict: WebhookVerdict;
  rejection_reason: string | null;
  job_id: number | null;
  payload: Json<unknown> | null;
  signalled_at: Date | string | null;
  signal_error: string | null;
}

export type WebhookEvent = Selectable<WebhookEventTable>;
