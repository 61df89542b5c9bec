import type { ColumnType, Selectable } from 'kysely';
import type { ResolvedApprover } from '../../rules';
import type { CreatedAt, Json } from './json';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired';

/** What a request's deadline does when nobody decides: the rule's "if nobody decides in time". */
export type ApprovalTimeoutAction = 'approve' | 'reject' | 'escalate' | 'expire';

/** What an approval request remembers (`trace`): the plan it was asked under, to carry on under that plan. */
export interface ApprovalMemo {
  flowId: string;
  version: number | null;
  planHash: string;
  resume: { planHash: string; nodeId: string };
  timeoutMs: number;
  onTimeout: ApprovalTimeoutAction;
  /** Shown name of whom an escalation goes to. */
  escalateTo: string | null;
  /** Who an escalation goes to (kept so the escalated request belongs to them). */
  escalateToApprover?: ResolvedApprover | null;
}

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
  /**
   * The autopilot writes a memo with every request. The column's default (`[]`, what rows inserted
   * without one hold) has no `onTimeout`: readers fall back to `expire`.
   */
  trace: ColumnType<ApprovalMemo, ApprovalMemo | string | undefined, ApprovalMemo | string>;
  /** The approver the rule named (a `ResolvedApprover`); null on requests from before approvers were stored. */
  approver: Json<ResolvedApprover> | null;
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
