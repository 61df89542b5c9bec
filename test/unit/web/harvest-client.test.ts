import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { harvestClientFactory, type HarvestConnection } from '../../../greenhouse/client-factory';
import type { PilothouseContext } from '../../../web/server/load-context';
import { clientFor } from '../../../web/server/greenhouse.server';
import { grantable } from '../greenhouse/support/grantable';

// Each test uses its own API URL: limiters are shared per process by URL and client id.
const connection = (apiUrl: string, clientSecret = 'secret'): HarvestConnection => ({
  clientId: 'pilothouse',
  clientSecret,
  userId: null,
  tokenUrl: 'https://auth.example.test/token',
  apiUrl,
});

describe('one Harvest client factory for the worker and the web app', () => {
  it("the web app's Greenhouse reads follow the account budget and reserve the worker follows", async () => {
    const env = parseEnv({ GREENHOUSE_RATE_LIMIT: '20', GREENHOUSE_RATE_RESERVE: '3' });
    const client = clientFor({ env } as PilothouseContext, connection('https://web-budget.example.test/v3'));
    const probe = await client.rateLimiter.acquire();
    probe.settle(
      new Headers({
        'x-ratelimit-limit': '20',
        'x-ratelimit-remaining': '10',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 30),
      }),
    );
    // 10 remain for the whole account: the web app takes 7 and leaves the reserve of 3 to the workers.
    expect(await grantable(client.rateLimiter)).toBe(7);
  });

  it('in one process, the worker-side and web-side clients of a connection draw on one limiter', () => {
    const budget = { requestsPerWindow: 75, reserve: 0 };
    const worker = harvestClientFactory({ budget });
    const web = harvestClientFactory({ budget, requestTimeoutMs: 10_000, maxRateLimitRetries: 1 });
    const shared = connection('https://one-limiter.example.test/v3');
    expect(web(shared).rateLimiter).toBe(worker(shared).rateLimiter);
  });

  it('a client is reused while the connection stays the same, and replaced when an admin changes it', () => {
    const watched: unknown[] = [];
    const clients = harvestClientFactory({
      budget: { requestsPerWindow: 75, reserve: 0 },
      onNewClient: (client) => watched.push(client),
    });
    const url = 'https://reuse.example.test/v3';
    const first = clients(connection(url));
    expect(clients(connection(url))).toBe(first);
    const rotated = clients(connection(url, 'rotated-secret'));
    expect(rotated).not.toBe(first);
    expect(watched).toEqual([first, rotated]);
  });
});
