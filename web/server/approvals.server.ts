import { WorkflowNotFoundError } from '@temporalio/client';
import {
  approvalsToDecide,
  giveApprovalReasons,
  jobsWithPendingApprovals,
  pendingApprovalPage,
  recentDecisionsBy,
} from '../../db/queries/approval-inbox';
import { hiringTeamsOf } from '../../db/queries/hiring-team';
import type { GreenhousePresence } from '../../db/tables/people';
import {
  exportWorkflowId,
  type ApprovalDecision,
  type ApprovalDecisionResult,
} from '../../temporal/autopilot-api';
import { mayDecide, teamForDecision } from '../../rules/approval-rights';
import type { ResolvedApprover } from '../../rules';
import type { SignedInUser } from './auth.server';
import { whyNothing } from './approval-effect';
import { approveEffects } from './approval-effect.server';
import { greenhouseLinks, profileLink, visibleJobIds } from './greenhouse.server';
import { jobAccessOf } from './job-access';
import { explanationView, greenhouseBadge } from './job-people.server';
import { workflowsOf, type PilothouseContext } from './load-context';

export const APPROVALS_PAGE_SIZE = 20;

export interface InboxQuery {
  /** Only this job's requests; null: every job the user may see, grouped by job. */
  jobId: number | null;
  /** score: best match first; due: the earliest deadline first. */
  sort: 'score' | 'due';
  /** 1-based. */
  page: number;
}

/**
 * The recruiter's inbox: one page of pending requests across the jobs the user may see, with the jobs
 * that have requests (for the filter) and, per request, what Approve will do. Without a job filter the
 * page is ordered job by job, so each job's requests sit together under its name.
 */
export async function pendingApprovals(context: PilothouseContext, user: SignedInUser, inbox: InboxQuery) {
  const visible = await visibleJobIds(context, user);
  const jobs = (await jobsWithPendingApprovals(context.db, visible)).map((j) => ({
    jobId: j.job_id,
    jobName: j.name,
    pending: j.pending,
  }));
  const jobId = inbox.jobId !== null && jobs.some((j) => j.jobId === inbox.jobId) ? inbox.jobId : null;
  const total =
    jobId === null
      ? jobs.reduce((sum, j) => sum + j.pending, 0)
      : jobs.find((j) => j.jobId === jobId)!.pending;
  const pages = Math.max(1, Math.ceil(total / APPROVALS_PAGE_SIZE));
  const page = Math.min(Math.max(1, inbox.page), pages);

  const rows = await pendingApprovalPage(context.db, {
    jobs: visible,
    jobId,
    sort: inbox.sort,
    limit: APPROVALS_PAGE_SIZE,
    offset: (page - 1) * APPROVALS_PAGE_SIZE,
  });
  const effects = await approveEffects(
    context,
    rows.map((row) => ({
      trace: row.trace,
      facts: {
        ...row,
        source_kind: row.source_kind ?? 'unknown',
        greenhouse: row.greenhouse ?? { kind: 'none' },
      },
    })),
  );
  const links = await greenhouseLinks(context);
  const approvals = rows.map((row, index) => {
    const presence: GreenhousePresence = row.greenhouse ?? { kind: 'none' };
    return {
      approvalId: row.id,
      jobId: row.job_id,
      jobName: row.job_name,
      personId: row.person_id,
      name: `${row.first_name} ${row.last_name}`.trim(),
      headline: [row.title, row.company].filter(Boolean).join(' at '),
      location: row.location,
      score: row.score,
      source: row.source_kind,
      requestedFrom: row.requested_from,
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
      onApprove: effects[index]!,
      explanation: explanationView(row.explanation),
      greenhouse: greenhouseBadge(links, presence, row.greenhouse_candidate_id),
    };
  });
  return { approvals, jobs, jobId, sort: inbox.sort, page, pages, pageSize: APPROVALS_PAGE_SIZE, total };
}

export type DecidedState =
  | { state: 'rejected'; reason: string | null }
  | { state: 'export-queued' }
  | { state: 'export-running' }
  | { state: 'in-greenhouse'; profileUrl: string | null }
  | { state: 'export-failed'; failure: string }
  | { state: 'no-export' };

/**
 * What became of the user's own decisions of the last day, read from where it happened: the request's
 * status, the export ledger, and — between the decision and the ledger's first row — whether Temporal
 * has the export workflow at all. "Export queued" is only said when that workflow exists.
 */
export async function recentDecisions(context: PilothouseContext, user: SignedInUser) {
  const rows = await recentDecisionsBy(context.db, user.email);
  const links = await greenhouseLinks(context);
  return Promise.all(
    rows.map(async (row) => {
      let outcome: DecidedState;
      if (row.status === 'rejected') outcome = { state: 'rejected', reason: row.reason };
      else if (row.export_status === 'exported')
        outcome = {
          state: 'in-greenhouse',
          profileUrl: row.greenhouse_candidate_id ? profileLink(links, row.greenhouse_candidate_id) : null,
        };
      else if (row.export_status === 'failed')
        outcome = { state: 'export-failed', failure: row.failure_message ?? 'Greenhouse gave no reason' };
      else if (row.export_status === 'running') outcome = { state: 'export-running' };
      else
        outcome = (await exportWorkflowExists(context, row.job_id, row.person_id))
          ? { state: 'export-queued' }
          : { state: 'no-export' };
      return {
        approvalId: row.id,
        jobId: row.job_id,
        jobName: row.job_name,
        name: `${row.first_name} ${row.last_name}`.trim(),
        decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
        outcome,
      };
    }),
  );
}

async function exportWorkflowExists(context: PilothouseContext, jobId: number, personId: string) {
  return (await workflowsOf(context).runStatus(exportWorkflowId(jobId, personId))) !== null;
}

export interface DecisionOutcome extends ApprovalDecisionResult {
  jobId: number;
  name: string;
  error?: string;
  /** Approved and nothing exported: why, as the card said before the decision ("already an applicant on this job…"). */
  noExportBecause?: string;
}

/**
 * The requests among `approvalIds` this user may not decide, with why (rules/approval-rights' mayDecide):
 * a request belongs to the approver its rule named, a hiring-team role, or an admin. A named Greenhouse
 * user is exactly that user; a role is whoever holds it on the job's Greenhouse hiring team (stored by the
 * job sync in job_hiring_team), matched by the Greenhouse user the account is linked to. A role nobody
 * holds on the job falls to everyone whose Greenhouse access reaches it, and an admin linked to no
 * Greenhouse user decides roles as before (teamForDecision says why). Nobody decides a request on a job
 * they may not see (job-access.ts): a recruiter linked to nobody decides none.
 */
export async function approvalRefusals(
  context: PilothouseContext,
  user: SignedInUser,
  approvalIds: string[],
): Promise<{ approvalId: string; name: string; why: string }[]> {
  const visible = await visibleJobIds(context, user);
  const requests = await approvalsToDecide(context.db, approvalIds);
  const teams = await hiringTeamsOf(context.db, [...new Set(requests.map((r) => r.job_id))]);
  const me = user.greenhouse_user_id ?? UNLINKED;
  const refusals: { approvalId: string; name: string; why: string }[] = [];
  for (const request of requests) {
    const name = `${request.first_name} ${request.last_name}`.trim();
    const reachesJob = visible === null || visible.has(request.job_id);
    // A job the account may not see is never one it decides on, whoever the request waits for (a request
    // from before approvers were stored would otherwise be open to anyone).
    if (!reachesJob) {
      refusals.push({
        approvalId: request.id,
        name,
        why:
          jobAccessOf(user).kind === 'noJobUntilLinked'
            ? 'Your account is not linked to a Greenhouse user yet, so it decides on no job: ask an admin to link it under Users.'
            : 'This request is on a job your Greenhouse account may not see.',
      });
      continue;
    }
    const approver = (request.approver ?? null) as ResolvedApprover | null;
    const hiringTeam = teamForDecision(teams.get(request.job_id) ?? [], approver, {
      greenhouseUserId: me,
      linked: user.greenhouse_user_id !== null,
      reachesJob,
    });
    const verdict = mayDecide({ role: user.role, greenhouseUserId: me }, { approver, hiringTeam });
    if (!verdict.allowed) refusals.push({ approvalId: request.id, name, why: verdict.why });
  }
  return refusals;
}

/** Stands for "no Greenhouse account linked": matches no named Greenhouse user (ids are positive). */
const UNLINKED = 0;

/**
 * Hands the recruiter's decisions to each job's waiting autopilot (decideApprovals update) and returns
 * what the workflow did with each: approved (with the export it started), rejected, or no longer pending.
 */
export async function decideApprovals(
  context: PilothouseContext,
  user: SignedInUser,
  input: { approvalIds: string[]; decision: 'approved' | 'rejected'; reason: string | undefined },
): Promise<DecisionOutcome[]> {
  const visible = await visibleJobIds(context, user);
  const requests = await approvalsToDecide(context.db, input.approvalIds);
  const byWorkflow = new Map<string, typeof requests>();
  const outcomes: DecisionOutcome[] = [];
  for (const request of requests) {
    const name = `${request.first_name} ${request.last_name}`.trim();
    if (visible && !visible.has(request.job_id)) {
      outcomes.push({
        personId: request.person_id,
        jobId: request.job_id,
        name,
        outcome: 'not_pending',
        error: 'not one of your jobs',
      });
    } else if (request.status !== 'pending') {
      outcomes.push({ personId: request.person_id, jobId: request.job_id, name, outcome: 'not_pending' });
    } else {
      byWorkflow.set(request.workflow_id, [...(byWorkflow.get(request.workflow_id) ?? []), request]);
    }
  }
  // What approving does, evaluated as the card was, so that an approval that exports nothing says why.
  const toApprove = input.decision === 'approved' ? [...byWorkflow.values()].flat() : [];
  const effects = await approveEffects(
    context,
    toApprove.map((r) => ({
      trace: r.trace,
      facts: { ...r, source_kind: r.source_kind ?? 'unknown', greenhouse: r.greenhouse ?? { kind: 'none' } },
    })),
  );
  const effectOf = new Map(toApprove.map((r, i) => [r.id, effects[i]!]));
  await Promise.all(
    [...byWorkflow].map(async ([workflowId, group]) => {
      // The reason can name the person: it is kept here, beside the request, and the update (which
      // Temporal keeps in the workflow's history) carries only who decided.
      if (input.reason)
        await giveApprovalReasons(context.db, {
          approvalIds: group.map((r) => r.id),
          givenBy: user.email,
          reason: input.reason,
        });
      const decisions: ApprovalDecision[] = group.map((r) => ({
        personId: r.person_id,
        decision: input.decision,
        decidedBy: user.email,
      }));
      const names = new Map(
        group.map((r) => [r.person_id, { name: `${r.first_name} ${r.last_name}`.trim(), jobId: r.job_id }]),
      );
      try {
        const results = await workflowsOf(context).decideApprovals(workflowId, decisions);
        for (const result of results) {
          const request = group.find((r) => r.person_id === result.personId);
          const effect = request && effectOf.get(request.id);
          const why =
            result.outcome === 'approved' && !result.exportWorkflowId && effect
              ? whyNothing(effect)
              : undefined;
          outcomes.push({
            ...result,
            ...names.get(result.personId)!,
            ...(why ? { noExportBecause: why } : {}),
          });
        }
      } catch (error) {
        const message =
          error instanceof WorkflowNotFoundError
            ? 'the job’s autopilot is not running: turn it on and decide again'
            : error instanceof Error
              ? error.message
              : String(error);
        for (const r of group)
          outcomes.push({
            personId: r.person_id,
            ...names.get(r.person_id)!,
            outcome: 'not_pending',
            error: message,
          });
      }
    }),
  );
  return outcomes;
}
