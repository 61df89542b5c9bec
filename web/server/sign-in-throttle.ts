/**
 * How long a sign-in must wait, from the failures seen recently. Nothing is ever locked: after a few
 * free failures each further attempt waits twice as long as the last (up to a cap), counted from the
 * latest failure. Three tiers, so one attacker slows only themselves:
 * - this email from this address: the guesser at the keyboard;
 * - this address, whatever the email: one machine spraying many accounts;
 * - this email from anywhere, except addresses it signed in from before: many machines on one account,
 *   while its owner keeps signing in from where they always do.
 */
export interface FailureTally {
  failures: number;
  /** The latest failure counted, or null when there was none. */
  lastFailureAt: Date | null;
}

export interface Tier {
  /** Failures in the window that cost nothing. */
  free: number;
  /** The wait after the first failure past `free`; it doubles with each further one. */
  baseSeconds: number;
  capSeconds: number;
}

export const SIGN_IN_WINDOW_MINUTES = 15;

export const SIGN_IN_TIERS = {
  emailFromAddress: { free: 5, baseSeconds: 30, capSeconds: 15 * 60 },
  address: { free: 20, baseSeconds: 30, capSeconds: 15 * 60 },
  emailFromNewAddress: { free: 50, baseSeconds: 5, capSeconds: 5 * 60 },
} as const satisfies Record<string, Tier>;

/** Seconds still to wait before the next attempt is verified (0: go ahead). */
export function secondsToWait(tally: FailureTally, tier: Tier, now: Date): number {
  if (tally.failures < tier.free || !tally.lastFailureAt) return 0;
  const backoff = Math.min(tier.baseSeconds * 2 ** (tally.failures - tier.free), tier.capSeconds);
  const elapsed = (now.getTime() - tally.lastFailureAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(backoff - elapsed));
}

/** "Wait 30 seconds", "Wait 2 minutes": the sentence a person reads. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
