import { createHash } from 'node:crypto';
import { GreenhouseError, parseErrorMessages, parseRetryAfterMs } from './errors';
import type { GreenhouseLogger } from './logger';
import { parseGreenhouseRecord } from './response-shape';
import { tokenResponseSchema } from './schemas/token';

export interface GreenhouseCredential {
  clientId: string;
  clientSecret: string;
}

export interface TokenProviderOptions {
  tokenUrl: string;
  credential: GreenhouseCredential;
  timeoutMs: number;
  logger: GreenhouseLogger;
  fetch: typeof fetch;
  /** How often a 429/5xx from the token endpoint is retried before the caller sees it. */
  maxAttempts?: number;
}

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
  refreshAtMs: number;
}

/**
 * OAuth client-credentials tokens, cached per (credential, sub) for the whole process so every
 * client built from the same credential shares one token and one refresh at a time.
 */
export class TokenProvider {
  private readonly cache = new Map<string, CachedToken>();
  private readonly refreshing = new Map<string, Promise<CachedToken>>();

  constructor(private readonly options: TokenProviderOptions) {}

  /** A token valid for the next request; refreshed early, and only once however many ask. */
  async accessToken(sub: number | undefined): Promise<string> {
    const key = String(sub ?? '');
    const cached = this.cache.get(key);
    const now = Date.now();
    if (cached && now < cached.refreshAtMs) return cached.accessToken;
    try {
      return (await this.refresh(key, sub)).accessToken;
    } catch (error) {
      // A failed early refresh must not stop work the current token can still do.
      if (cached && Date.now() < cached.expiresAtMs - 1_000) {
        this.options.logger.warn(
          'greenhouse token refresh failed; using the current token until it expires',
          {
            error: error instanceof Error ? error.message : String(error),
          },
        );
        return cached.accessToken;
      }
      throw error;
    }
  }

  /**
   * Greenhouse said 401 to `usedToken`. Drop it, unless another request already replaced it:
   * two requests failing with the same old token must cause one refresh, not two (a new token may
   * revoke the previous one, so refreshing twice could ping-pong).
   */
  invalidate(sub: number | undefined, usedToken: string): void {
    const key = String(sub ?? '');
    if (this.cache.get(key)?.accessToken === usedToken) this.cache.delete(key);
  }

  private refresh(key: string, sub: number | undefined): Promise<CachedToken> {
    const running = this.refreshing.get(key);
    if (running) return running;
    const refresh = this.requestToken(sub)
      .then((token) => {
        this.cache.set(key, token);
        return token;
      })
      .finally(() => this.refreshing.delete(key));
    this.refreshing.set(key, refresh);
    return refresh;
  }

  private async requestToken(sub: number | undefined): Promise<CachedToken> {
    const { tokenUrl, credential, timeoutMs, logger } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 3;
    const request = { method: 'POST', path: new URL(tokenUrl).pathname };
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (sub !== undefined) form.set('sub', String(sub));
    const basic = Buffer.from(`${credential.clientId}:${credential.clientSecret}`).toString('base64');

    for (let attempt = 1; ; attempt++) {
      const startedAt = Date.now();
      let response: Response;
      try {
        response = await this.options.fetch(tokenUrl, {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
        const error = new GreenhouseError({ kind: timedOut ? 'timeout' : 'network', request, cause });
        if (attempt < maxAttempts) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw error;
      }
      const body: unknown = await response.json().catch(() => undefined);
      logger.debug('greenhouse token request', {
        status: response.status,
        sub: sub ?? null,
        attempt,
        ms: Date.now() - startedAt,
      });
      if (response.ok)
        return toCachedToken(parseGreenhouseRecord(tokenResponseSchema, 'token', body, request));

      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
      const error = new GreenhouseError({
        kind: 'token',
        status: response.status,
        request,
        messages: parseErrorMessages(body),
        oauthError: oauthErrorCode(body),
        retryAfterMs,
      });
      if (error.retryable && attempt < maxAttempts) {
        await sleep(Math.min(retryAfterMs ?? backoffMs(attempt), 60_000));
        continue;
      }
      throw error;
    }
  }
}

function toCachedToken(token: {
  access_token: string;
  expires_at?: string | undefined;
  expires?: string | undefined;
  expires_in?: number | undefined;
}): CachedToken {
  const now = Date.now();
  const stated = token.expires_at ?? token.expires;
  const expiresAtMs = stated !== undefined ? Date.parse(stated) : now + (token.expires_in ?? 0) * 1000;
  const lifetimeMs = Math.max(0, expiresAtMs - now);
  // Refresh a minute early, or a tenth of the lifetime for short-lived tokens.
  const refreshAtMs = expiresAtMs - Math.min(60_000, lifetimeMs / 10);
  return { accessToken: token.access_token, expiresAtMs, refreshAtMs };
}

function oauthErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error } = body as Record<string, unknown>;
  return typeof error === 'string' ? error : undefined;
}

function backoffMs(attempt: number): number {
  return 250 * 2 ** (attempt - 1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const sharedProviders = new Map<string, TokenProvider>();

/** One provider per (token URL, client id, secret): tokens are shared by every client in the process. */
export function sharedTokenProvider(options: TokenProviderOptions): TokenProvider {
  const secretFingerprint = createHash('sha256')
    .update(options.credential.clientSecret)
    .digest('hex')
    .slice(0, 16);
  const key = `${options.tokenUrl}\u0000${options.credential.clientId}\u0000${secretFingerprint}`;
  let provider = sharedProviders.get(key);
  if (!provider) {
    provider = new TokenProvider(options);
    sharedProviders.set(key, provider);
  }
  return provider;
}
