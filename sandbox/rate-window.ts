/**
 * Greenhouse's fixed rate window: N requests per window (30 s for Harvest, ~60 s for the token
 * endpoint), aligned to the clock, with `X-RateLimit-Reset` in epoch seconds. Windows start on
 * multiples of their length, so Reset is always a whole second.
 */
export interface WindowDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetEpochSeconds: number;
  retryAfterSeconds: number;
}

export interface WindowUsage {
  windowStart: string;
  used: number;
  refused: number;
}

export class FixedRateWindow {
  private windowStartMs = 0;
  private used = 0;
  private refused = 0;
  /** The last few windows, for the benchmark and the control API. */
  readonly history: WindowUsage[] = [];

  constructor(
    public limit: number,
    readonly windowMs: number,
  ) {}

  take(now = Date.now()): WindowDecision {
    this.roll(now);
    const resetMs = this.windowStartMs + this.windowMs;
    const decision = {
      limit: this.limit,
      resetEpochSeconds: Math.ceil(resetMs / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
    };
    if (this.used >= this.limit) {
      this.refused++;
      return { ...decision, allowed: false, remaining: 0 };
    }
    this.used++;
    return { ...decision, allowed: true, remaining: this.limit - this.used };
  }

  current(now = Date.now()): WindowUsage & { limit: number } {
    this.roll(now);
    return {
      windowStart: new Date(this.windowStartMs).toISOString(),
      used: this.used,
      refused: this.refused,
      limit: this.limit,
    };
  }

  reset(): void {
    this.windowStartMs = 0;
    this.used = 0;
    this.refused = 0;
    this.history.length = 0;
  }

  private roll(now: number): void {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    if (start === this.windowStartMs) return;
    if (this.windowStartMs !== 0 && (this.used > 0 || this.refused > 0)) {
      this.history.push({
        windowStart: new Date(this.windowStartMs).toISOString(),
        used: this.used,
        refused: this.refused,
      });
      if (this.history.length > 100) this.history.shift();
    }
    this.windowStartMs = start;
    this.used = 0;
    this.refused = 0;
  }
}

export function rateLimitHeaders(decision: WindowDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetEpochSeconds),
  };
}
