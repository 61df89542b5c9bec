import { describe, expect, it } from 'vitest';
import {
  mayDecide,
  teamForDecision,
  type ApprovalOwnership,
  type DecidingUser,
} from '../../../rules/approval-rights';

const riley: DecidingUser = { role: 'recruiter', greenhouseUserId: 11 };
const sam: DecidingUser = { role: 'recruiter', greenhouseUserId: 12 };
const unlinked: DecidingUser = { role: 'recruiter', greenhouseUserId: null };
const admin: DecidingUser = { role: 'admin', greenhouseUserId: null };
const ops: DecidingUser = { role: 'ops', greenhouseUserId: 11 };
const team = [
  { role: 'recruiter' as const, greenhouseUserId: 11 },
  { role: 'hiringManager' as const, greenhouseUserId: 13 },
];
const toRiley: ApprovalOwnership = {
  approver: { kind: 'user', userId: 11, name: 'Riley Chen' },
  hiringTeam: team,
};
const toHiringManager: ApprovalOwnership = {
  approver: { kind: 'hiringTeam', role: 'hiringManager', name: 'Hiring manager' },
  hiringTeam: team,
};
const toRecruiter: ApprovalOwnership = {
  approver: { kind: 'hiringTeam', role: 'recruiter', name: 'Recruiter' },
  hiringTeam: team,
};

describe('mayDecide: only the named approver, the hiring-team role holder or an admin decides', () => {
  it.each([
    ['the named user', riley, toRiley, true],
    ['another recruiter, for a named user', sam, toRiley, false],
    ['an unlinked recruiter, for a named user', unlinked, toRiley, false],
    ['an admin, for a named user', admin, toRiley, true],
    ['ops, even when linked to the named user', ops, toRiley, false],
    ['the role holder', riley, toRecruiter, true],
    ['a recruiter who is not the hiring manager', riley, toHiringManager, false],
    ['an unlinked recruiter, for a role', unlinked, toRecruiter, false],
    ['an admin, for a role', admin, toHiringManager, true],
    [
      'any recruiter, for a request made before approvers were stored',
      sam,
      { approver: null, hiringTeam: [] },
      true,
    ],
  ])('%s', (_what, user, approval, allowed) => {
    expect(mayDecide(user, approval).allowed).toBe(allowed);
  });

  it('a refusal names who the request waits for, in recruiting words', () => {
    expect(mayDecide(sam, toRiley)).toEqual({
      allowed: false,
      why: 'This request is waiting for Riley Chen; only they or an admin can decide it.',
    });
    expect(mayDecide(riley, toHiringManager)).toMatchObject({
      why: "This request is waiting for the job's hiring manager; only they or an admin can decide it.",
    });
  });
});

describe('teamForDecision: the job’s hiring team decides, and a role nobody holds falls to the job’s team', () => {
  const recruiterRole = toRecruiter.approver;
  const coordinatorRole = { kind: 'hiringTeam', role: 'coordinator', name: 'Coordinator' } as const;
  // As the web app asks: an unlinked account stands as Greenhouse user 0, which no one is.
  const decides = (user: DecidingUser, approval: ApprovalOwnership, reachesJob: boolean) => {
    const greenhouseUserId = user.greenhouseUserId ?? 0;
    const hiringTeam = teamForDecision(approval.hiringTeam, approval.approver, {
      greenhouseUserId,
      linked: user.greenhouseUserId !== null,
      reachesJob,
    });
    return mayDecide({ ...user, greenhouseUserId }, { ...approval, hiringTeam }).allowed;
  };

  it('Sam, who can see the job but is not its recruiter, may not decide what waits for the recruiter', () => {
    expect(decides(sam, toRecruiter, true)).toBe(false);
    expect(decides(riley, toRecruiter, true)).toBe(true);
  });

  it('nobody coordinates the job: whoever can see it may decide a request for the coordinator', () => {
    const toCoordinator: ApprovalOwnership = { approver: coordinatorRole, hiringTeam: team };
    expect(decides(sam, toCoordinator, true)).toBe(true);
    expect(decides(unlinked, toCoordinator, true)).toBe(true);
    expect(decides(sam, toCoordinator, false)).toBe(false);
  });

  it('a job whose team was never read: the role falls to whoever can see the job', () => {
    expect(decides(sam, { approver: recruiterRole, hiringTeam: [] }, true)).toBe(true);
    expect(decides(sam, { approver: recruiterRole, hiringTeam: [] }, false)).toBe(false);
  });

  it('an account linked to no Greenhouse user is on no team: it decides roles as before teams were stored', () => {
    expect(decides(unlinked, toRecruiter, true)).toBe(true);
    expect(decides(unlinked, toHiringManager, true)).toBe(true);
    expect(decides(unlinked, toRiley, true)).toBe(false);
  });

  it('the team is left alone for a named user and for requests from before approvers were stored', () => {
    expect(
      teamForDecision(team, toRiley.approver, { greenhouseUserId: 12, linked: true, reachesJob: true }),
    ).toBe(team);
    expect(teamForDecision([], null, { greenhouseUserId: 12, linked: true, reachesJob: true })).toEqual([]);
    expect(decides(sam, toRiley, true)).toBe(false);
  });
});
