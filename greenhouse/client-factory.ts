import { HarvestClient } from './client';

/** What a Harvest client needs of a Greenhouse connection (stored by an admin, configured, or the demo). */
export interface HarvestConnection {
  clientId: string;
  clientSecret: string;
  /** The Greenhouse user the connection acts as (`sub`), or null for the integration user. */
  userId: number | null;
  tokenUrl: string;
  apiUrl: string;
}

export interface HarvestClientFactoryOptions {
  /**
   * The account's budget as configured (GREENHOUSE_RATE_LIMIT, GREENHOUSE_RATE_RESERVE). Every process —
   * worker or web app — spends the same account's requests, so all of them follow the same budget.
   */
  budget: { requestsPerWindow: number; reserve: number };
  /** Per HTTP attempt; a page gives up sooner than an activity (default 30 s). */
  requestTimeoutMs?: number;
  /** 429s absorbed per call; a page should not wait out several windows (default 8). */
  maxRateLimitRetries?: number;
  /** Called once per new client, e.g. to watch its limiter for the budget metrics. */
  onNewClient?: (client: HarvestClient) => void;
}

/**
 * The one way Pilothouse makes Harvest clients, in the worker and in the web app: a client per
 * connection, reused while the connection stays the same (an admin may change it while the process
 * runs), so the rate limiter and token cache of the credential keep their state.
 */
export function harvestClientFactory(options: HarvestClientFactoryOptions) {
  let cached: { key: string; client: HarvestClient } | undefined;
  return (connection: HarvestConnection): HarvestClient => {
    const key = [
      connection.clientId,
      connection.clientSecret,
      connection.userId,
      connection.tokenUrl,
      connection.apiUrl,
    ].join('\u0000');
    if (cached?.key !== key) {
      const client = new HarvestClient({
        clientId: connection.clientId,
        clientSecret: connection.clientSecret,
        ...(connection.userId ? { actAsUserId: connection.userId } : {}),
        tokenUrl: connection.tokenUrl,
        baseUrl: connection.apiUrl,
        rateLimit: options.budget,
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        ...(options.maxRateLimitRetries !== undefined
          ? { maxRateLimitRetries: options.maxRateLimitRetries }
          : {}),
      });
      cached = { key, client };
      options.onNewClient?.(client);
    }
    return cached.client;
  };
}
