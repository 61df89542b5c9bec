import { afterEach, describe, expect, it } from 'vitest';
import { GreenhouseError, collect } from '../../../greenhouse';
import { harvestTaskQueueActivitiesPerSecond } from '../../../temporal/harvest-queue-rate';
import { toApplicationFailure } from '../../../temporal/greenhouse-failure';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('sharing the Harvest rate budget', { timeout: 30_000 }, () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('absorbs a burst of 429s: the caller only sees its records', async () => {
    t = await startTestSandbox();
    const client = t.client();
    await t.control('PUT', '/faults', { rateLimitBurst: 3, retryAfterSeconds: 1 });

    const jobs = await collect(client.listJobs());

    expect(jobs.length).toBe(t.sandbox.runtime.state.jobs.length);
    expect(t.requests.filter((r) => r.status === 429)).toHaveLength(3);
    expect(client.rateLimiter.stats.rateLimited).toBe(3);
  });

  it('paces concurrent callers to the window instead of collecting 429s', async () => {
    t = await startTestSandbox({ rateLimit: { limit: 4, windowSeconds: 1 } });
    const client = t.client();
    const ids = t.sandbox.runtime.state.candidates.slice(0, 14).map((c) => c.id);

    const found = await Promise.all(ids.map((id) => client.getCandidate(id)));

    expect(found.map((c) => c?.id)).toEqual(ids);
    const state = await t.control<{
      rate_window: { current: { refused: number }; history: { refused: number }[] };
    }>('GET', '/state');
    const refused = state.rate_window.history.reduce(
      (sum, w) => sum + w.refused,
      state.rate_window.current.refused,
    );
    expect(refused).toBe(0);
    expect(t.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it('gives up after its retries with a retryable error that carries Retry-After', async () => {
    t = await startTestSandbox();
    const client = t.client({ maxRateLimitRetries: 1 });
    await t.control('PUT', '/faults', { rateLimitBurst: 5, retryAfterSeconds: 1 });

    const error = await collect(client.listSources()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GreenhouseError);
    const greenhouseError = error as GreenhouseError;
    expect(greenhouseError.status).toBe(429);
    expect(greenhouseError.retryable).toBe(true);
    expect(greenhouseError.retryAfterMs).toBe(1_000);
    const failure = toApplicationFailure(error);
    expect(failure.type).toBe('GreenhouseRateLimited');
    expect(failure.nonRetryable).toBe(false);
    expect(failure.nextRetryDelay).toBe(1_000);
  });
});

describe('the task-queue rate that protects the budget across workers', () => {
  it('turns 75 requests per 30 s with a 20 % margin into 2 activities per second', () => {
    expect(harvestTaskQueueActivitiesPerSecond({ requestsPerWindow: 75 })).toBe(2);
  });

  it('counts activities, not requests: paginated activities get a lower rate', () => {
    expect(harvestTaskQueueActivitiesPerSecond({ requestsPerWindow: 75, requestsPerActivity: 4 })).toBe(0.5);
    expect(
      harvestTaskQueueActivitiesPerSecond({ requestsPerWindow: 150, windowSeconds: 30, safetyMargin: 0 }),
    ).toBe(5);
  });

  it('refuses a budget that makes no sense', () => {
    expect(() => harvestTaskQueueActivitiesPerSecond({ requestsPerWindow: 0 })).toThrow(RangeError);
    expect(() => harvestTaskQueueActivitiesPerSecond({ requestsPerWindow: 75, safetyMargin: 1 })).toThrow(
      RangeError,
    );
  });
});
