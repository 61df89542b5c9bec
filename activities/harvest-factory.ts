import type { Env } from '../config/env';
import type { Db } from '../db/database';
import { loadGreenhouseConnection } from '../db/queries/greenhouse-connection';
import { HarvestClient } from '../greenhouse/client';
import { watchHarvestBudget } from '../observability/metrics';

/**
 * The Harvest client for whatever connection is configured now (an admin may connect or change it while
 * the worker runs). Clients are reused while the connection stays the same, so the per-credential rate
 * limiter and token cache keep working.
 */
export function harvestFromConnection(db: Db, env: Env): () => Promise<HarvestClient> {
  let cached: { key: string; client: HarvestClient } | undefined;
  return async () => {
    const connection = await loadGreenhouseConnection(db, env);
    if (!connection)
      throw new Error('Greenhouse is not connected: an admin connects it on the Connect Greenhouse page');
    const key = [
      connection.clientId,
      connection.clientSecret,
      connection.userId,
      connection.tokenUrl,
      connection.apiUrl,
    ].join('\u0000');
    if (cached?.key !== key) {
      cached = {
        key,
        client: new HarvestClient({
          clientId: connection.clientId,
          clientSecret: connection.clientSecret,
          ...(connection.userId ? { actAsUserId: connection.userId } : {}),
          tokenUrl: connection.tokenUrl,
          baseUrl: connection.apiUrl,
          rateLimit: { requestsPerWindow: env.GREENHOUSE_RATE_LIMIT, reserve: env.GREENHOUSE_RATE_RESERVE },
        }),
      };
      // The budget gauges read the limiter, which believes Greenhouse's X-RateLimit-* headers.
      const limiter = cached.client.rateLimiter;
      watchHarvestBudget(() => limiter.snapshot());
    }
    return cached.client;
  };
}
