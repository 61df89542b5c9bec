// Approval requests (approval_request) the autopilot opens, decides, escalates and tells approvers about,
// and the reasons recruiters give beside their decisions (approval_reason).
import type { Db } from '../database';
import { sql } from 'kysely';
import type { ResolvedApprover } from '../../rules';
import type { ApprovalMemo, ApprovalStatus } from '../tables/approvals';

/** A pending request as the autopilot tracks it: who decides, by when, and the person's score. */
export interface PendingApprovalRow {
  id: string;
  person_id: string;
  requested_from: string | null;
  due_at: Date | string | null;
  trace: ApprovalMemo;
  score: number | null;
}

function pendingApprovals(db: Db, jobId: number) {
  return db
    .selectFrom('approval_request as a')
    .innerJoin('job_person as jp', (join) =>
      join.onRef('jp.job_id', '=', 'a.job_id').onRef('jp.person_id', '=', 'a.person_id'),
    )
    .select(['a.id', 'a.person_id', 'a.requested_from', 'a.due_at', 'a.trace', 'jp.score'])
    .where('a.job_id', '=', jobId)
    .where('a.status', '=', 'pending');
}

export async function pendingApprovalsOf(db: Db, jobId: number): Promise<PendingApprovalRow[]> {
  return pendingApprovals(db, jobId).execute();
}

/**
 * Opens a request for the person unless one is already pending (one open request per person and job: a
 * second cycle must not ask again), and returns the pending one.
 */
export async function openApprovalRequest(
  db: Db,
  input: {
    jobId: number;
    personId: string;
    workflowId: string;
    approver: ResolvedApprover;
    dueAt: Date;
    memo: ApprovalMemo;
  },
): Promise<PendingApprovalRow> {
  await sql`
    insert into approval_request (job_id, person_id, workflow_id, requested_from, approver, due_at, trace)
    values (${input.jobId}, ${input.personId}, ${input.workflowId}, ${input.approver.name},
            ${JSON.stringify(input.approver)}::jsonb, ${input.dueAt}, ${JSON.stringify(input.memo)}::jsonb)
    on conflict (job_id, person_id) where status = 'pending' do nothing`.execute(db);
  return pendingApprovals(db, input.jobId)
    .where('a.person_id', '=', input.personId)
    .executeTakeFirstOrThrow();
}

/** Decides a pending request; undefined when it was no longer pending. */
export async function decideApprovalRequest(
  db: Db,
  input: { approvalId: string; status: ApprovalStatus; decidedBy: string; reason: string | null },
): Promise<{ person_id: string; trace: ApprovalMemo } | undefined> {
  return db
    .updateTable('approval_request')
    .set({ status: input.status, decided_by: input.decidedBy, decided_at: sql`now()`, reason: input.reason })
    .where('id', '=', input.approvalId)
    .where('status', '=', 'pending')
    .returning(['person_id', 'trace'])
    .executeTakeFirst();
}

/** How a request was decided, and the steps deciding it produced (kept for a retried decision). */
export async function approvalDecisionOf(db: Db, approvalId: string) {
  return db
    .selectFrom('approval_request')
    .select(['status', 'decided_by', 'outcome_steps'])
    .where('id', '=', approvalId)
    .executeTakeFirst();
}

export async function keepApprovalOutcome(db: Db, approvalId: string, outcome: unknown): Promise<void> {
  await db
    .updateTable('approval_request')
    .set({ outcome_steps: JSON.stringify(outcome) })
    .where('id', '=', approvalId)
    .execute();
}

export async function approvalMemoOf(db: Db, approvalId: string) {
  return db
    .selectFrom('approval_request')
    .select(['trace', 'status'])
    .where('id', '=', approvalId)
    .executeTakeFirst();
}

/** Hands a request to whom it escalates to, with a new deadline and the memo it carries on with. */
export async function escalateApprovalRequest(
  db: Db,
  input: {
    approvalId: string;
    requestedFrom: string | null;
    approver: ResolvedApprover | null | undefined;
    dueAt: Date;
    memo: ApprovalMemo;
  },
): Promise<void> {
  await db
    .updateTable('approval_request')
    .set({
      requested_from: input.requestedFrom,
      // The escalated request belongs to whom it was escalated to.
      ...(input.approver ? { approver: JSON.stringify(input.approver) } : {}),
      due_at: input.dueAt,
      trace: JSON.stringify(input.memo),
    })
    .where('id', '=', input.approvalId)
    .execute();
}

/** The reason a recruiter gave beside their decision (the web app keeps it out of workflow history). */
export async function approvalReasonGivenBy(
  db: Db,
  approvalId: string,
  givenBy: string,
): Promise<string | null> {
  const given = await db
    .selectFrom('approval_reason')
    .select('reason')
    .where('approval_id', '=', approvalId)
    .where('given_by', '=', givenBy)
    .executeTakeFirst();
  return given?.reason ?? null;
}

/** What telling the approver needs: whom the request is for, on which job, and whether it still waits. */
export async function approvalToNotify(db: Db, approvalId: string) {
  return db
    .selectFrom('approval_request as a')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .select(['a.person_id', 'a.approver', 'a.requested_from', 'a.status', 'j.name as job_name'])
    .where('a.id', '=', approvalId)
    .executeTakeFirst();
}

/** The job's requests approved or rejected since `since`, most recently decided first. */
export async function approvalDecisionsSince(db: Db, input: { jobId: number; since: Date; limit: number }) {
  return db
    .selectFrom('approval_request')
    .select(['person_id', 'status', 'decided_by', 'decided_at'])
    .where('job_id', '=', input.jobId)
    .where('status', 'in', ['approved', 'rejected'])
    .where('decided_at', '>=', input.since)
    .orderBy('decided_at', 'desc')
    .limit(input.limit)
    .execute();
}

/** Every approval asked about one person on one job, newest first, with its decision. */
export async function approvalHistoryOf(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('approval_request')
    .select(['id', 'requested_from', 'status', 'decided_by', 'decided_at', 'reason', 'created_at'])
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}
