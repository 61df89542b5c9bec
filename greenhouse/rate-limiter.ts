/**
 * Client side of Greenhouse's fixed 30-second window. Greenhouse tells us the truth in
 * `X-RateLimit-Limit/Remaining/Reset` on every answer; this limiter believes the headers, counts
 * requests still in flight against the remaining budget, and parks callers until the window
 * resets (or until a 429's Retry-After has passed) instead of letting them collect 429s.
 *
 * One limiter per credential, shared by everything in the process (`sharedRateLimiter`). Other
 * worker processes spend the same account budget; across processes the dedicated Temporal task
 * queue's `maxTaskQueueActivitiesPerSecond` (see task-queue-rate.ts) keeps the total in bounds,
 * and the headers let this limiter notice what the others spent.
 */
export interface RateLimiterOptions {
  /** Budget assumed until Greenhouse's headers say otherwise. */
  requestsPerWindow: number;
  windowMs: number;
  /**
   * Requests of each window this process leaves unspent (default 0). With several worker processes
   * the headers each one reads are already stale by the others' requests in flight; a reserve of
   * about their concurrency keeps the account clear of 429s.
   */
  reserve?: number;
}

export interface RateLimiterStats {
  requests: number;
  rateLimited: number;
  waitedMs: number;
}

/** Granted budget for one request; hand it back with `settle` once the answer (or failure) is in. */
export interface RateLimitPermit {
  settle(headers?: Headers): void;
}

// Reset is whole epoch seconds and clocks differ a little: wait slightly past it.
const clockSkewMs = 250;

export class HarvestRateLimiter {
  private limit: number;
  private remaining: number | undefined;
  private resetAtMs: number | undefined;
  private blockedUntilMs = 0;
  private inFlight = 0;
  /**
   * Until Greenhouse has told us the real budget (first answer, or after a 429), send one request
   * and believe whatever its headers say, instead of guessing and collecting 429s.
   */
  private probing = true;
  private readonly waiters = new Set<() => void>();
  readonly stats: RateLimiterStats = { requests: 0, rateLimited: 0, waitedMs: 0 };

  constructor(private readonly options: RateLimiterOptions) {
    this.limit = options.requestsPerWindow;
    this.remaining = 1;
  }

  async acquire(signal?: AbortSignal): Promise<RateLimitPermit> {
    const startedAt = Date.now();
    while (this.available(Date.now()) <= 0) {
      signal?.throwIfAborted();
      await this.waitForChange(this.wakeAt(Date.now()) - Date.now(), signal);
    }
    this.stats.waitedMs += Date.now() - startedAt;
    this.stats.requests++;
    this.inFlight++;
    let settled = false;
    return {
      settle: (headers) => {
        if (settled) return;
        settled = true;
        this.inFlight--;
        if (headers) this.observe(headers);
        this.notify();
      },
    };
  }

  /** Greenhouse answered 429: nothing more goes out until Retry-After (or the window reset) has passed. */
  rateLimited(retryAfterMs: number | undefined): void {
    this.stats.rateLimited++;
    const now = Date.now();
    const until =
      retryAfterMs !== undefined ? now + retryAfterMs : (this.resetAtMs ?? now + this.options.windowMs);
    this.blockedUntilMs = Math.max(this.blockedUntilMs, until + clockSkewMs);
    // Retry-After is the authority: once it has passed, one request finds out where we stand.
    this.probing = true;
    this.remaining = 1;
    this.resetAtMs = undefined;
    this.notify();
  }

  /** What the limiter currently believes, for logs and the benchmark. */
  snapshot(): {
    limit: number;
    remaining: number | undefined;
    resetAtMs: number | undefined;
    inFlight: number;
  } {
    return {
      limit: this.limit,
      remaining: this.remaining,
      resetAtMs: this.resetAtMs,
      inFlight: this.inFlight,
    };
  }

  private observe(headers: Headers): void {
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const resetSeconds = Number(headers.get('x-ratelimit-reset'));
    if (headers.get('x-ratelimit-limit') !== null && Number.isFinite(limit) && limit > 0) this.limit = limit;
    if (headers.get('x-ratelimit-remaining') === null || !Number.isFinite(remaining)) {
      // No rate headers at all (a proxy strips them?): fall back to the configured budget.
      if (this.probing) {
        this.probing = false;
        this.remaining = undefined;
      }
      return;
    }
    const resetAtMs =
      headers.get('x-ratelimit-reset') !== null && Number.isFinite(resetSeconds)
        ? resetSeconds * 1000
        : undefined;
    if (
      this.probing ||
      resetAtMs === undefined ||
      this.resetAtMs === undefined ||
      resetAtMs > this.resetAtMs
    ) {
      this.probing = false;
      // A new window: its first report is the truth.
      this.resetAtMs = resetAtMs;
      this.remaining = remaining;
    } else if (resetAtMs === this.resetAtMs) {
      // Answers of one window can arrive out of order: the smallest remaining is the latest.
      this.remaining = Math.min(this.remaining ?? remaining, remaining);
    }
    // An answer from an older window says nothing about the current one.
  }

  private available(now: number): number {
    if (now < this.blockedUntilMs) return 0;
    if (!this.probing && this.resetAtMs !== undefined && now >= this.resetAtMs + clockSkewMs) {
      // A new window. Other processes may already be spending it: one request reads the real budget
      // rather than assuming the whole window is ours.
      this.resetAtMs = undefined;
      this.probing = true;
      this.remaining = 1;
    }
    if (this.probing) return (this.remaining ?? 1) - this.inFlight;
    return (this.remaining ?? this.limit) - (this.options.reserve ?? 0) - this.inFlight;
  }

  private wakeAt(now: number): number {
    if (now < this.blockedUntilMs) return this.blockedUntilMs;
    if (this.resetAtMs !== undefined) return this.resetAtMs + clockSkewMs;
    // Budget is taken by requests in flight: their answers will wake us; poll as a safety net.
    return now + 1_000;
  }

  private waitForChange(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(1, ms));
      signal?.addEventListener('abort', wake, { once: true });
      this.waiters.add(wake);
    });
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

const sharedLimiters = new Map<string, HarvestRateLimiter>();

/** The process-wide limiter for one credential on one Harvest base URL. */
export function sharedRateLimiter(key: string, options: RateLimiterOptions): HarvestRateLimiter {
  let limiter = sharedLimiters.get(key);
  if (!limiter) {
    limiter = new HarvestRateLimiter(options);
    sharedLimiters.set(key, limiter);
  }
  return limiter;
}
