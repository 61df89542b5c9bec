// Which jobs an account sees is one decision (web/server/job-access.ts) every screen reads.
import { describe, expect, it } from 'vitest';
import { jobAccessOf, notLinkedMessage } from '../../../web/server/job-access';

describe('which jobs a Pilothouse account sees', () => {
  it('a recruiter or an ops engineer linked to no Greenhouse user sees no job until an admin links them', () => {
    expect(jobAccessOf({ role: 'recruiter', greenhouse_user_id: null })).toEqual({
      kind: 'noJobUntilLinked',
    });
    expect(jobAccessOf({ role: 'ops', greenhouse_user_id: null })).toEqual({ kind: 'noJobUntilLinked' });
  });

  it('a linked account sees what its Greenhouse user sees, an admin too', () => {
    for (const role of ['recruiter', 'ops', 'admin'] as const)
      expect(jobAccessOf({ role, greenhouse_user_id: 1_000_002 })).toEqual({
        kind: 'asGreenhouseUser',
        greenhouseUserId: 1_000_002,
      });
  });

  it('an admin linked to nobody sees every synced job (someone has to link the others)', () => {
    expect(jobAccessOf({ role: 'admin', greenhouse_user_id: null })).toEqual({ kind: 'everyJob' });
  });

  it('the Jobs screen says why it is empty and whom to ask, by name', () => {
    expect(notLinkedMessage(['Ada Admin'])).toBe(
      'Your account is not linked to a Greenhouse user yet, so Pilothouse shows you no job: which jobs you may see comes from your Greenhouse access. Ask an admin (Ada Admin) to link it under Users.',
    );
    expect(notLinkedMessage(['Ada Admin', 'Ari Admin', 'Bo Boss'])).toContain(
      'Ask an admin (Ada Admin, Ari Admin or Bo Boss) to link it under Users.',
    );
    expect(notLinkedMessage([])).toContain('Ask an admin to link it under Users.');
  });
});
