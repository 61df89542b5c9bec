import { randomUUID } from 'node:crypto';
import { signWebhookBody } from '../../greenhouse/webhooks/signature';
import type { FaultInjector } from '../faults';
import type { WebhookTarget } from '../state/types';

export interface WebhookRetryPolicy {
  /** Delay before the 2nd attempt; doubles each time (Greenhouse backs off exponentially). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per delivery attempt. */
  timeoutMs: number;
}

export interface DeliveryRecord {
  eventId: string;
  action: string;
  targetId: number;
  url: string;
  attempt: number;
  /** HTTP status, or null when the connection failed or the event was dropped. */
  status: number | null;
  outcome: 'delivered' | 'failed' | 'gave_up' | 'dropped' | 'duplicate';
  error?: string;
  at: string;
}

/**
 * Sends Greenhouse-style webhooks: body `{action, payload}`, `Signature: sha256 <hex>` over the
 * raw body with the target's secret, one `Greenhouse-Event-ID` per event that stays the same on
 * every retry (receivers dedupe on it). Non-2xx answers are retried with exponential backoff up to
 * the target's `max_attempts`.
 */
export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly targets: () => WebhookTarget[],
    private readonly faults: FaultInjector,
    readonly retry: WebhookRetryPolicy,
  ) {}

  emit(action: string, payload: unknown): string {
    const eventId = randomUUID();
    const body = Buffer.from(JSON.stringify({ action, payload }));
    for (const target of this.targets()) {
      if (target.events.length > 0 && !target.events.includes(action)) continue;
      if (this.faults.dropWebhookNow()) {
        this.record({ eventId, action, target, attempt: 0, status: null, outcome: 'dropped' });
        continue;
      }
      this.schedule(0, () => this.attempt(eventId, action, body, target, 1));
    }
    return eventId;
  }

  /** Resolves when nothing is queued or being sent (tests wait on it instead of sleeping). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) {
      await Promise.race([...this.inFlight, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  pending(): number {
    return this.timers.size + this.inFlight.size;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(delayMs: number, run: () => Promise<void>): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const running = run().finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(
    eventId: string,
    action: string,
    body: Buffer,
    target: WebhookTarget,
    attempt: number,
  ) {
    const status = await this.send(eventId, body, target);
    const ok = typeof status === 'number' && status >= 200 && status < 300;
    if (ok) {
      this.record({ eventId, action, target, attempt, status, outcome: 'delivered' });
      if (this.faults.duplicateWebhookNow()) {
        const again = await this.send(eventId, body, target);
        this.record({
          eventId,
          action,
          target,
          attempt,
          status: typeof again === 'number' ? again : null,
          outcome: 'duplicate',
        });
      }
      return;
    }
    const last = attempt >= target.max_attempts;
    this.record({
      eventId,
      action,
      target,
      attempt,
      status: typeof status === 'number' ? status : null,
      outcome: last ? 'gave_up' : 'failed',
      ...(typeof status === 'string' ? { error: status } : {}),
    });
    if (last) return;
    const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    this.schedule(delay, () => this.attempt(eventId, action, body, target, attempt + 1));
  }

  /** The status code, or the reason the connection failed. */
  private async send(eventId: string, body: Buffer, target: WebhookTarget): Promise<number | string> {
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Greenhouse-Webhooks (sandbox)',
          signature: signWebhookBody(body, target.secret_key),
          'greenhouse-event-id': eventId,
        },
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(this.retry.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private record(entry: {
    eventId: string;
    action: string;
    target: WebhookTarget;
    attempt: number;
    status: number | null;
    outcome: DeliveryRecord['outcome'];
    error?: string;
  }) {
    const { target, ...rest } = entry;
    this.deliveries.push({ ...rest, targetId: target.id, url: target.url, at: new Date().toISOString() });
    if (this.deliveries.length > 2_000) this.deliveries.shift();
  }
}
