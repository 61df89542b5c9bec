// Sign-in attempts (sign_in_attempt): what the sign-in throttle counts. The throttle's arithmetic lives in
// web/server/sign-in-throttle.ts; this module only counts, records and decides one email at a time.
import { sql } from 'kysely';
import type { Db } from '../database';

/** Failures in the window, per tier (see sign-in-throttle.ts), and whether the address is one the email signed in from. */
export interface SignInTallies {
  now: Date;
  emailFromAddress: { failures: number; lastFailureAt: Date | null };
  address: { failures: number; lastFailureAt: Date | null };
  email: { failures: number; lastFailureAt: Date | null };
  knownAddress: boolean;
}

export type SignInAttemptStart =
  { allowed: true; attemptId: number } | { allowed: false; waitSeconds: number };

/**
 * Decides whether a sign-in may be verified and, if so, records it as failed *before* the password is
 * checked (it is marked succeeded afterwards): concurrent guesses each see the others, and a guess
 * whose answer never comes back still counts. One email's attempts are decided one at a time
 * (an advisory lock for the transaction). Refused attempts are not recorded, so hammering does not
 * lengthen anyone's wait.
 */
export async function beginSignInAttempt(
  db: Db,
  input: { email: string; address: string; windowMinutes: number },
  secondsToWait: (tallies: SignInTallies) => number,
): Promise<SignInAttemptStart> {
  const email = input.email.toLowerCase();
  const { address } = input;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0))`.execute(trx);
    const window = sql<Date>`now() - make_interval(mins => ${input.windowMinutes})`;
    const row = await trx
      .selectFrom('sign_in_attempt')
      .select([
        sql<number>`count(*) filter (where email = ${email} and ip = ${address})::int`.as('pair'),
        sql<Date | null>`max(attempted_at) filter (where email = ${email} and ip = ${address})`.as(
          'pairLast',
        ),
        sql<number>`count(*) filter (where ip = ${address})::int`.as('addr'),
        sql<Date | null>`max(attempted_at) filter (where ip = ${address})`.as('addrLast'),
        sql<number>`count(*) filter (where email = ${email})::int`.as('acct'),
        sql<Date | null>`max(attempted_at) filter (where email = ${email})`.as('acctLast'),
        sql<boolean>`exists (select 1 from sign_in_attempt s where s.email = ${email} and s.ip = ${address} and s.succeeded and s.attempted_at > now() - interval '30 days')`.as(
          'knownAddress',
        ),
        sql<Date>`now()`.as('now'),
      ])
      .where('succeeded', '=', false)
      .where('attempted_at', '>', window)
      .executeTakeFirstOrThrow();
    const tally = (failures: number, last: Date | null) => ({
      failures,
      lastFailureAt: last ? new Date(last) : null,
    });
    const wait = secondsToWait({
      now: new Date(row.now),
      emailFromAddress: tally(row.pair, row.pairLast),
      address: tally(row.addr, row.addrLast),
      email: tally(row.acct, row.acctLast),
      knownAddress: row.knownAddress,
    });
    if (wait > 0) return { allowed: false as const, waitSeconds: wait };
    const attempt = await trx
      .insertInto('sign_in_attempt')
      .values({ email, ip: address, succeeded: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { allowed: true as const, attemptId: Number(attempt.id) };
  });
}

/** The password was right: the attempt recorded as failed in advance is marked succeeded. */
export async function signInAttemptSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.updateTable('sign_in_attempt').set({ succeeded: true }).where('id', '=', attemptId).execute();
}
