import { GreenhouseError, describeRequestPath, parseErrorMessages, parseRetryAfterMs } from './errors';
import type { GreenhouseRequestInfo } from './errors';
import type { GreenhouseLogger } from './logger';
import type { HarvestRateLimiter } from './rate-limiter';
import type { TokenProvider } from './token-provider';
import { harvestRequestsTotal, harvestStatusLabel } from '../observability/metrics';

export interface HarvestTransportOptions {
  tokens: TokenProvider;
  /** Greenhouse user the token acts as; undefined = the integration user. */
  sub: number | undefined;
  limiter: HarvestRateLimiter;
  timeoutMs: number;
  logger: GreenhouseLogger;
  fetch: typeof fetch;
  /** 429s absorbed per call before the caller sees one (each waits for Retry-After). */
  maxRateLimitRetries: number;
  /** 5xx/network retries for reads only; writes are never replayed blindly (no idempotency keys). */
  maxReadRetries: number;
}

export interface HarvestResponse {
  status: number;
  headers: Headers;
  body: unknown;
  request: GreenhouseRequestInfo;
}

/** One HTTP exchange with Harvest: token, rate limit, timeout, the single 401 refresh, logging. */
export class HarvestTransport {
  constructor(private readonly options: HarvestTransportOptions) {}

  async send(method: string, url: URL, body?: unknown, signal?: AbortSignal): Promise<HarvestResponse> {
    const { tokens, sub, limiter, logger } = this.options;
    const request: GreenhouseRequestInfo = { method, path: describeRequestPath(url) };
    const isRead = method === 'GET';
    let refreshedAfter401 = false;
    let rateLimitRetries = 0;
    let readRetries = 0;

    for (let attempt = 1; ; attempt++) {
      const token = await tokens.accessToken(sub);
      const permit = await limiter.acquire(signal);
      const startedAt = Date.now();
      let response: Response;
      let text: string;
      try {
        const timeout = AbortSignal.timeout(this.options.timeoutMs);
        response = await this.options.fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
        });
        text = await response.text();
      } catch (cause) {
        permit.settle();
        harvestRequestsTotal.inc({ method, status: harvestStatusLabel(undefined) });
        signal?.throwIfAborted();
        const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
        const error = new GreenhouseError({ kind: timedOut ? 'timeout' : 'network', request, cause });
        logger.debug('harvest request failed', {
          ...request,
          attempt,
          kind: error.kind,
          ms: Date.now() - startedAt,
        });
        if (isRead && readRetries < this.options.maxReadRetries) {
          readRetries++;
          await sleep(readBackoffMs(readRetries));
          continue;
        }
        throw error;
      }
      permit.settle(response.headers);
      harvestRequestsTotal.inc({ method, status: harvestStatusLabel(response.status) });
      const parsed = parseBody(text);
      logger.debug('harvest request', {
        ...request,
        status: response.status,
        attempt,
        ms: Date.now() - startedAt,
        rateLimitRemaining: response.headers.get('x-ratelimit-remaining'),
      });
      if (response.ok) return { status: response.status, headers: response.headers, body: parsed, request };

      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
      const error = new GreenhouseError({
        kind: 'http',
        status: response.status,
        request,
        messages: parseErrorMessages(parsed),
        retryAfterMs,
      });
      if (response.status === 401 && !refreshedAfter401) {
        // The token expired or was revoked early: one refresh, one retry. A second 401 is final.
        refreshedAfter401 = true;
        tokens.invalidate(sub, token);
        continue;
      }
      if (response.status === 429) {
        // A 429 was refused before any work was done, so even a write is safe to send again.
        limiter.rateLimited(retryAfterMs);
        if (rateLimitRetries < this.options.maxRateLimitRetries) {
          rateLimitRetries++;
          logger.info('harvest rate limit reached; waiting', {
            ...request,
            retryAfterMs: retryAfterMs ?? null,
          });
          continue;
        }
      } else if (error.retryable && isRead && readRetries < this.options.maxReadRetries) {
        readRetries++;
        await sleep(retryAfterMs ?? readBackoffMs(readRetries));
        continue;
      }
      throw error;
    }
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readBackoffMs(retry: number): number {
  return 300 * 3 ** (retry - 1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
