import { describe, expect, it } from 'vitest';
import { describeWait, secondsToWait, SIGN_IN_TIERS } from '../../../web/server/sign-in-throttle';

const now = new Date('2026-12-03T12:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const tier = SIGN_IN_TIERS.emailFromAddress;

describe('sign-in backoff: slower and slower, never locked', () => {
  it('the first five failures cost nothing', () => {
    expect(secondsToWait({ failures: 4, lastFailureAt: secondsAgo(0) }, tier, now)).toBe(0);
  });

  it('then each attempt waits twice as long as the one before, counted from the latest failure', () => {
    expect(secondsToWait({ failures: 5, lastFailureAt: secondsAgo(0) }, tier, now)).toBe(30);
    expect(secondsToWait({ failures: 6, lastFailureAt: secondsAgo(0) }, tier, now)).toBe(60);
    expect(secondsToWait({ failures: 7, lastFailureAt: secondsAgo(100) }, tier, now)).toBe(20);
  });

  it('the wait is capped, and once it has passed the next attempt goes ahead', () => {
    expect(secondsToWait({ failures: 40, lastFailureAt: secondsAgo(0) }, tier, now)).toBe(15 * 60);
    expect(secondsToWait({ failures: 40, lastFailureAt: secondsAgo(15 * 60) }, tier, now)).toBe(0);
  });

  it('reads as a person would say it', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(30)).toBe('30 seconds');
    expect(describeWait(240)).toBe('4 minutes');
  });
});
