import { WorkflowNotFoundError } from '@temporalio/client';
import { sql } from 'kysely';
import type { GreenhousePresence } from '../../db/tables/people';
import {
  decideApprovalsUpdate,
  type ApprovalDecision,
  type ApprovalDecisionResult,
} from '../../workflows/autopilot-api';
import { mayDecide } from '../../rules/approval-rights';
import type { ResolvedApprover } from '../../rules';
import type { SignedInUser } from './auth.server';
import { visibleJobIds } from './greenhouse.server';
import { explanationView, greenhouseBadge } from './job-people.server';
import type { PilothouseContext } from './load-context';

/** Pending approval requests across the jobs the user may see, oldest due first. */
export async function pendingApprovals(context: PilothouseContext, user: SignedInUser, jobId: number | null) {
  const visible = await visibleJobIds(context, user);
  let query = context.db
    .selectFrom('approval_request as a')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('job_person as jp', (join) =>
      join.onRef('jp.job_id', '=', 'a.job_id').onRef('jp.person_id', '=', 'a.person_id'),
    )
    .leftJoin('match_score as m', (join) =>
      join
        .onRef('m.job_id', '=', 'a.job_id')
        .onRef('m.person_id', '=', 'a.person_id')
        .onRef('m.profile_version', '=', 'jp.profile_version'),
    )
    .select([
      'a.id',
      'a.job_id',
      'a.person_id',
      'a.requested_from',
      'a.due_at',
      'a.created_at',
      'j.name as job_name',
      'p.first_name',
      'p.last_name',
      'p.title',
      'p.company',
      'p.location',
      'p.greenhouse_candidate_id',
      'jp.score',
      'jp.source_kind',
      'jp.greenhouse',
      'm.explanation',
    ])
    .where('a.status', '=', 'pending')
    .orderBy(sql`a.due_at asc nulls last`)
    .orderBy('a.created_at')
    .limit(200);
  if (visible) query = query.where('a.job_id', 'in', visible.size > 0 ? [...visible] : [-1]);
  if (jobId) query = query.where('a.job_id', '=', jobId);
  const rows = await query.execute();
  return rows.map((row) => {
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
      explanation: explanationView(row.explanation),
      greenhouse: greenhouseBadge(context, presence, row.greenhouse_candidate_id),
    };
  });
}

export interface DecisionOutcome extends ApprovalDecisionResult {
  jobId: number;
  name: string;
  error?: string;
}

/**
 * The requests among `approvalIds` this user may not decide, with why (rules/approval-rights' mayDecide):
 * a request belongs to the approver its rule named, a hiring-team role, or an admin. Pilothouse does not
 * store Greenhouse hiring-team roles yet, so a role's holders are the teammates whose Greenhouse access
 * reaches the job (unlinked accounts reach every job); a named Greenhouse user is exactly that user.
 */
export async function approvalRefusals(
  context: PilothouseContext,
  user: SignedInUser,
  approvalIds: string[],
): Promise<{ approvalId: string; name: string; why: string }[]> {
  const visible = await visibleJobIds(context, user);
  const requests = await context.db
    .selectFrom('approval_request as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.job_id', 'a.approver', 'p.first_name', 'p.last_name'])
    .where('a.id', 'in', approvalIds)
    .execute();
  const refusals: { approvalId: string; name: string; why: string }[] = [];
  for (const request of requests) {
    const approver = (request.approver ?? null) as ResolvedApprover | null;
    const onTheJob = visible === null || visible.has(request.job_id);
    const verdict = mayDecide(
      { role: user.role, greenhouseUserId: user.greenhouse_user_id ?? UNLINKED },
      {
        approver,
        hiringTeam:
          approver?.kind === 'hiringTeam' && onTheJob
            ? [{ role: approver.role, greenhouseUserId: user.greenhouse_user_id ?? UNLINKED }]
            : [],
      },
    );
    if (!verdict.allowed)
      refusals.push({
        approvalId: request.id,
        name: `${request.first_name} ${request.last_name}`.trim(),
        why: verdict.why,
      });
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
  const requests = await context.db
    .selectFrom('approval_request as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.job_id', 'a.person_id', 'a.workflow_id', 'a.status', 'p.first_name', 'p.last_name'])
    .where('a.id', 'in', input.approvalIds)
    .execute();
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
  await Promise.all(
    [...byWorkflow].map(async ([workflowId, group]) => {
      const decisions: ApprovalDecision[] = group.map((r) => ({
        personId: r.person_id,
        decision: input.decision,
        ...(input.reason ? { reason: input.reason } : {}),
        decidedBy: user.email,
      }));
      const names = new Map(
        group.map((r) => [r.person_id, { name: `${r.first_name} ${r.last_name}`.trim(), jobId: r.job_id }]),
      );
      try {
        const results = await context.temporal.workflow
          .getHandle(workflowId)
          .executeUpdate(decideApprovalsUpdate, { args: [{ decisions }] });
        for (const result of results) outcomes.push({ ...result, ...names.get(result.personId)! });
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
