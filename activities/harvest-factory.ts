import type { Env } from '../config/env';
import type { Db } from '../db/database';
import { loadGreenhouseConnection } from '../db/queries/greenhouse-connection';
import type { HarvestClient } from '../greenhouse/client';
import { harvestClientFactory } from '../greenhouse/client-factory';
import { watchHarvestBudget } from '../observability/metrics';

/**
 * The worker's Harvest client for whatever connection is configured now (an admin may connect or change
 * it while the worker runs), from the factory the web app uses too.
 */
export function harvestFromConnection(db: Db, env: Env): () => Promise<HarvestClient> {
  const clientFor = harvestClientFactory({
    budget: { requestsPerWindow: env.GREENHOUSE_RATE_LIMIT, reserve: env.GREENHOUSE_RATE_RESERVE },
    // The budget gauges read the limiter, which believes Greenhouse's X-RateLimit-* headers.
    onNewClient: (client) => watchHarvestBudget(() => client.rateLimiter.snapshot()),
  });
  return async () => {
    const connection = await loadGreenhouseConnection(db, env);
    if (!connection)
      throw new Error('Greenhouse is not connected: an admin connects it on the Connect Greenhouse page');
    return clientFor(connection);
  };
}
