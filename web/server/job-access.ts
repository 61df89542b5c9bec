// Which jobs a Pilothouse account may see — the one decision every screen (Jobs, a job, Approvals,
// notifications, Ops, rule choices, imports) reads through `visibleJobIds`. Pure, so it is tested as
// a table of accounts without Greenhouse or a database.
import type { UserRole } from '../../db/tables/accounts';

export type JobAccess =
  /** An admin linked to no Greenhouse user: every synced job (someone has to set the others up). */
  | { kind: 'everyJob' }
  /** Exactly the jobs Greenhouse lets the linked Greenhouse user see (confidential ones included or not). */
  | { kind: 'asGreenhouseUser'; greenhouseUserId: number }
  /**
   * A recruiter or ops account linked to no Greenhouse user: no job at all. Pilothouse cannot tell which
   * jobs (confidential ones among them) Greenhouse would show them, so it shows none until an admin
   * links the account.
   */
  | { kind: 'noJobUntilLinked' };

export function jobAccessOf(user: { role: UserRole; greenhouse_user_id: number | null }): JobAccess {
  if (user.greenhouse_user_id !== null)
    return { kind: 'asGreenhouseUser', greenhouseUserId: user.greenhouse_user_id };
  return user.role === 'admin' ? { kind: 'everyJob' } : { kind: 'noJobUntilLinked' };
}

/** What the Jobs screen says to an account that sees no job because it is not linked yet. */
export function notLinkedMessage(admins: readonly string[]): string {
  const whom =
    admins.length === 0
      ? 'an admin'
      : admins.length === 1
        ? `an admin (${admins[0]})`
        : `an admin (${admins.slice(0, -1).join(', ')} or ${admins.at(-1)})`;
  return `Your account is not linked to a Greenhouse user yet, so Pilothouse shows you no job: which jobs you may see comes from your Greenhouse access. Ask ${whom} to link it under Users.`;
}
