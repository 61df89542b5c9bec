import { describe, expect, it } from 'vitest';
import { HarvestRateLimiter } from '../../../greenhouse';
import { grantable } from './support/grantable';

const headers = (remaining: number, resetAtSeconds: number, limit = 20) =>
  new Headers({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(resetAtSeconds),
  });

// Two worker processes spend one Greenhouse account; each reads the budget from the headers.
describe('one process’s share of the account’s Harvest budget', () => {
  it('leaves the reserve unspent once Greenhouse has said what remains', async () => {
    const limiter = new HarvestRateLimiter({ requestsPerWindow: 20, windowMs: 30_000, reserve: 3 });
    const probe = await limiter.acquire();
    probe.settle(headers(10, Math.ceil(Date.now() / 1000) + 30));
    // 10 remain for the whole account; this process takes 7 and leaves 3 for what others have in flight.
    expect(await grantable(limiter)).toBe(7);
  });

  it('after a window resets, sends one request to learn what the others already spent', async () => {
    const limiter = new HarvestRateLimiter({ requestsPerWindow: 20, windowMs: 30_000 });
    const probe = await limiter.acquire();
    // The window ends in a moment.
    probe.settle(headers(5, Math.floor(Date.now() / 1000)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // New window: not 20 at once (the whole budget assumed) but one, whose answer tells the truth.
    expect(await grantable(limiter)).toBe(1);
  });
});
