// Who may decide an approval request: the approver the rule named (a Greenhouse user, or whoever holds a
// hiring-team role on the job), or an admin. Pure, so the web action, the runtime and tests agree on it.
import type { HiringTeamRole } from './node-types';
import type { ResolvedApprover } from './plan';

export interface DecidingUser {
  role: 'admin' | 'recruiter' | 'ops';
  /** The Greenhouse user this Pilothouse account is linked to, when it is. */
  greenhouseUserId: number | null;
}

export interface ApprovalOwnership {
  /** The approver the rule named; null on requests made before approvers were stored (anyone may decide those). */
  approver: ResolvedApprover | null;
  /** The job's hiring team as known to Pilothouse: who holds which role. */
  hiringTeam: readonly { role: HiringTeamRole; greenhouseUserId: number }[];
}

export type DecideVerdict = { allowed: true } | { allowed: false; why: string };

const ROLE_WORDS: Record<HiringTeamRole, string> = {
  recruiter: 'recruiter',
  coordinator: 'coordinator',
  hiringManager: 'hiring manager',
  sourcer: 'sourcer',
};

export function mayDecide(user: DecidingUser, approval: ApprovalOwnership): DecideVerdict {
  if (user.role === 'admin') return { allowed: true };
  if (user.role !== 'recruiter') {
    return { allowed: false, why: 'Only recruiters and admins decide approval requests.' };
  }
  const approver = approval.approver;
  if (approver === null) return { allowed: true };
  if (approver.kind === 'user') {
    if (user.greenhouseUserId !== null && user.greenhouseUserId === approver.userId) return { allowed: true };
    return {
      allowed: false,
      why: `This request is waiting for ${approver.name}; only they or an admin can decide it.`,
    };
  }
  const holds = approval.hiringTeam.some(
    (member) => member.role === approver.role && member.greenhouseUserId === user.greenhouseUserId,
  );
  if (user.greenhouseUserId !== null && holds) return { allowed: true };
  return {
    allowed: false,
    why: `This request is waiting for the job's ${ROLE_WORDS[approver.role]}; only they or an admin can decide it.`,
  };
}

export type HiringTeam = ApprovalOwnership['hiringTeam'];

/**
 * The hiring team mayDecide should read for one request: the job's team as Greenhouse has it, with the
 * deciding user standing in for the requested role when
 * - nobody holds the role on the job (no such person in Greenhouse, or the team could not be read) and
 *   the user's Greenhouse access reaches the job: the request is never one only an admin can decide
 *   without anyone being told;
 * - or the account is linked to no Greenhouse user. Such an account cannot be found on any team; it
 *   stands in only where its access reaches the job — since job-access.ts, only an unlinked admin's does
 *   (an unlinked recruiter sees no job and is refused before this is asked).
 */
export function teamForDecision(
  team: HiringTeam,
  approver: ResolvedApprover | null,
  user: { greenhouseUserId: number; linked: boolean; reachesJob: boolean },
): HiringTeam {
  if (approver?.kind !== 'hiringTeam') return team;
  const held = team.some((member) => member.role === approver.role);
  const standsIn = user.reachesJob && (!user.linked || !held);
  return standsIn ? [...team, { role: approver.role, greenhouseUserId: user.greenhouseUserId }] : team;
}
