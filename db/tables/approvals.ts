import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt, Json, JsonWithDefault } from './json';

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
  /** The approver the rule named (a `ResolvedApprover`); null on requests from before approvers were stored. */
  approver: Json<unknown> | null;
  /** What deciding the request produced, kept so a retried decision returns the same steps. */
  outcome_steps: Json<unknown> | null;
  created_at: CreatedAt;
}

export type ApprovalRequest = Selectable<ApprovalRequestTable>;

/** A recruiter's reason for declining, kept apart from the workflow that decides (see the migration). */
export interface ApprovalReasonTable {
  approval_id: string;
  /** The deciding user's email, as the update's `decidedBy`. */
  given_by: string;
  reason: string;
  created_at: CreatedAt;
}
