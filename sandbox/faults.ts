import { z } from 'zod';
import { createPrng, type Prng } from './seed/prng';

/** Failures the control API can switch on, to rehearse what Greenhouse does on a bad day. */
export const faultSettingsSchema = z.strictObject({
  /** Added to every Harvest and token answer. */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** Share (0–1) of Harvest requests answered 503. */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** The next N Harvest requests are answered 429 whatever the window says. */
  rateLimitBurst: z.number().int().min(0).default(0),
  /** Retry-After sent with burst 429s. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Share (0–1) of webhook events never delivered. */
  webhookDropRate: z.number().min(0).max(1).default(0),
  /** Share (0–1) of webhook deliveries sent twice with the same Greenhouse-Event-ID. */
  webhookDuplicateRate: z.number().min(0).max(1).default(0),
  /** The token endpoint answers 503 while true. */
  tokenOutage: z.boolean().default(false),
  /** Harvest requests whose path starts with `pathPrefix` are answered `status` (one endpoint down). */
  failPath: z
    .strictObject({ pathPrefix: z.string().min(1), status: z.number().int().min(400).max(599) })
    .nullable()
    .default(null),
  /**
   * The next `count` Harvest writes (POST/PATCH/PUT/DELETE) under `pathPrefix` are carried out, but
   * their answer never arrives: the connection drops, as when Greenhouse accepted a write and then timed out.
   */
  lostAnswers: z
    .strictObject({ pathPrefix: z.string().min(1), count: z.number().int().min(0) })
    .nullable()
    .default(null),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export class FaultInjector {
  settings: FaultSettings = faultSettingsSchema.parse({});
  private readonly rng: Prng;

  constructor(seed: number) {
    // Offset so faults do not replay the tenant generator's sequence.
    this.rng = createPrng(seed ^ 0x5eed_fa17);
  }

  update(patch: unknown): FaultSettings {
    this.settings = faultSettingsSchema.parse({ ...this.settings, ...(patch as object) });
    return this.settings;
  }

  clear(): FaultSettings {
    this.settings = faultSettingsSchema.parse({});
    return this.settings;
  }

  takeForcedRateLimit(): boolean {
    if (this.settings.rateLimitBurst <= 0) return false;
    this.settings.rateLimitBurst--;
    return true;
  }

  /** The status an injected endpoint outage answers for this path, if any. */
  failingStatus(path: string): number | undefined {
    const fail = this.settings.failPath;
    return fail && path.startsWith(fail.pathPrefix) ? fail.status : undefined;
  }

  /** Whether this write's answer is to be lost (counts it down). */
  takeLostAnswer(method: string, path: string): boolean {
    const lost = this.settings.lostAnswers;
    if (!lost || lost.count <= 0 || method === 'GET' || !path.startsWith(lost.pathPrefix)) return false;
    lost.count -= 1;
    return true;
  }

  serverErrorNow(): boolean {
    return this.settings.serverErrorRate > 0 && this.rng.chance(this.settings.serverErrorRate);
  }

  dropWebhookNow(): boolean {
    return this.settings.webhookDropRate > 0 && this.rng.chance(this.settings.webhookDropRate);
  }

  duplicateWebhookNow(): boolean {
    return this.settings.webhookDuplicateRate > 0 && this.rng.chance(this.settings.webhookDuplicateRate);
  }

  async delay(): Promise<void> {
    if (this.settings.latencyMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.settings.latencyMs));
  }
}
