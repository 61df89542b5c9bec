import { describe, expect, it } from 'vitest';
import { mayDecide, type ApprovalOwnership, type DecidingUser } from '../../../rules/approval-rights';

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
