import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt, JsonWithDefault } from './json';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export interface ApprovalRequestTable {
  id: ColumnType<string, string | undefined, never>;
  job_id: number;
  person_id: string;
  workflow_id: string;
  requested_from: string | null;
  status: ColumnType<ApprovalStatus, ApprovalStatus | undefined, ApprovalStatus>;
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  due_at: Date | string | null;
  trace: JsonWithDefault<unknown[]>;
  created_at: CreatedAt;
}

export type ApprovalRequest = Selectable<ApprovalRequestTable>;
