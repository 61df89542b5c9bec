import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Pilothouse's own Prometheus metrics. Every process (web, each worker) has its own registry and
 * serves it — the web app on `/metrics`, a worker on WORKER_METRICS_PORT — and Prometheus sums the
 * counters across processes (`sum by (outcome) (rate(pilothouse_exports_total[5m]))`). The Temporal
 * SDK's own worker metrics (task latencies, slots, polls) come from the SDK's exporter instead
 * (TEMPORAL_METRICS_BIND_ADDRESS), prefixed `temporal_`.
 *
 * Import the objects and increment them where the thing happens; label values are small closed
 * sets (never ids: one series per job or person would swamp Prometheus — ids go into log lines).
 */
// One registry per process, even when a module is loaded twice: the web app's routes run through Vite
// (development) or a server bundle (production), each with its own copy of this module, and a
// counter incremented in a route must be the one `/metrics` renders.
const store = globalThis as typeof globalThis & { __pilothouseMetricsRegistry?: Registry };
export const metricsRegistry = (store.__pilothouseMetricsRegistry ??= new Registry());

/** The metric already registered under `name` (by another copy of this module), or a new one. */
function shared<T>(name: string, make: () => T): T {
  return (metricsRegistry.getSingleMetric(name) as T | undefined) ?? make();
}

/** Exports to Greenhouse. outcome: created | existing | failed; target: candidate | prospect. */
export const exportsTotal = shared(
  'pilothouse_exports_total',
  () =>
    new Counter({
      name: 'pilothouse_exports_total',
      help: 'Candidate exports to Greenhouse by outcome (created, existing = already in Greenhouse and linked, failed = gave up)',
      labelNames: ['outcome', 'target'] as const,
      registers: [metricsRegistry],
    }),
);

/**
 * Activity attempts that threw, counted by the worker's interceptor for every activity (no call
 * needed in activity code). retryable: "true" when Temporal will try again, "false" when final.
 */
export const activityFailuresTotal = shared(
  'pilothouse_activity_failures_total',
  () =>
    new Counter({
      name: 'pilothouse_activity_failures_total',
      help: 'Activity attempts that failed, by activity type and whether Temporal retries them',
      labelNames: ['activity', 'retryable'] as const,
      registers: [metricsRegistry],
    }),
);

/** Activity attempt durations, by activity type and outcome (ok | failed). Filled by the interceptor. */
export const activityDurationSeconds = shared(
  'pilothouse_activity_duration_seconds',
  () =>
    new Histogram({
      name: 'pilothouse_activity_duration_seconds',
      help: 'Duration of activity attempts',
      labelNames: ['activity', 'outcome'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [metricsRegistry],
    }),
);

/**
 * Greenhouse webhooks received. outcome: accepted | duplicate | rejected (signed, but not a webhook
 * body) | unsigned (no or wrong signature, or no secret configured: answered, never stored).
 */
export const webhookEventsTotal = shared(
  'pilothouse_webhook_events_total',
  () =>
    new Counter({
      name: 'pilothouse_webhook_events_total',
      help: 'Greenhouse webhook deliveries by action and outcome',
      labelNames: ['action', 'outcome'] as const,
      registers: [metricsRegistry],
    }),
);

/** Seconds from the change in Greenhouse to its webhook reaching us. Use `observeWebhookLag`. */
export const webhookLagSeconds = shared(
  'pilothouse_webhook_lag_seconds',
  () =>
    new Histogram({
      name: 'pilothouse_webhook_lag_seconds',
      help: 'Delay between a change in Greenhouse and its webhook arriving',
      labelNames: ['action'] as const,
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
      registers: [metricsRegistry],
    }),
);

/** Harvest requests answered, by method and status class (2xx, 4xx, 429, 5xx, network). */
export const harvestRequestsTotal = shared(
  'pilothouse_harvest_requests_total',
  () =>
    new Counter({
      name: 'pilothouse_harvest_requests_total',
      help: 'Harvest API requests by method and status',
      labelNames: ['method', 'status'] as const,
      registers: [metricsRegistry],
    }),
);

export interface HarvestBudgetSnapshot {
  /** Requests allowed in the current 30-second window (X-RateLimit-Limit). */
  limit: number;
  /** Requests left in it (X-RateLimit-Remaining), when Greenhouse has told us. */
  remaining: number | undefined;
}

let harvestBudgetSource: (() => HarvestBudgetSnapshot | undefined) | undefined;

/**
 * Where the Harvest budget gauges read from at scrape time — typically
 * `() => limiter.snapshot()` of the process's shared rate limiter. A later call replaces the source
 * (one Greenhouse connection at a time).
 */
export function watchHarvestBudget(source: () => HarvestBudgetSnapshot | undefined): void {
  harvestBudgetSource = source;
}

export const harvestBudgetLimit = shared(
  'pilothouse_harvest_budget_limit',
  () =>
    new Gauge({
      name: 'pilothouse_harvest_budget_limit',
      help: 'Harvest requests allowed per 30-second window for the account, as Greenhouse last reported',
      registers: [metricsRegistry],
      collect() {
        const snapshot = harvestBudgetSource?.();
        if (snapshot) this.set(snapshot.limit);
      },
    }),
);

export const harvestBudgetUsedRatio = shared(
  'pilothouse_harvest_budget_used_ratio',
  () =>
    new Gauge({
      name: 'pilothouse_harvest_budget_used_ratio',
      help: 'Share of the current Harvest window already spent by the whole account (0..1), as Greenhouse last reported',
      registers: [metricsRegistry],
      collect() {
        const snapshot = harvestBudgetSource?.();
        if (snapshot && snapshot.remaining !== undefined && snapshot.limit > 0) {
          this.set(Math.min(1, Math.max(0, 1 - snapshot.remaining / snapshot.limit)));
        }
      },
    }),
);

/** Records how late a webhook arrived; a clock skew that makes it negative counts as 0. */
export function observeWebhookLag(action: string, occurredAt: Date, receivedAt: Date = new Date()): void {
  const seconds = (receivedAt.getTime() - occurredAt.getTime()) / 1000;
  if (Number.isFinite(seconds)) webhookLagSeconds.observe({ action }, Math.max(0, seconds));
}

/** Status label for harvestRequestsTotal: 429 stays separate (it is the budget signal). */
export function harvestStatusLabel(status: number | undefined): string {
  if (status === undefined) return 'network';
  if (status === 429) return '429';
  return `${Math.floor(status / 100)}xx`;
}

let processMetricsFor: string | undefined;

/**
 * Labels every series with the process's role and adds Node's process metrics (CPU, memory, event
 * loop lag) under `pilothouse_`. Called once by the web app and the worker at start-up.
 */
export function collectProcessMetrics(service: 'web' | 'worker'): void {
  if (processMetricsFor) return;
  processMetricsFor = service;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'pilothouse_' });
}

/** The registry in Prometheus text format, for an HTTP handler. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
