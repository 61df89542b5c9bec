import { ApplicationFailure } from '@temporalio/common';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../observability/logger';
import { isRetryable } from '../../../observability/activity-metrics';
import {
  exportsTotal,
  harvestStatusLabel,
  metricsRegistry,
  observeWebhookLag,
  renderMetrics,
  watchHarvestBudget,
} from '../../../observability/metrics';
import { temporalLogger } from '../../../observability/temporal-logger';

const at = new Date('2026-09-01T12:00:00.000Z');
function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({ now: () => at, write: (line) => lines.push(line), ...options });
  return { logger, lines, json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('structured logs', () => {
  it('one JSON object per line, with the ids of the work it is about', () => {
    const { logger, json } = capture({ base: { service: 'worker' } });
    logger.child({ jobId: 4012 }).info('candidate exported', { personId: 77, workflowId: 'export-4012-77' });
    expect(json()).toEqual([
      {
        time: '2026-09-01T12:00:00.000Z',
        level: 'info',
        msg: 'candidate exported',
        service: 'worker',
        jobId: 4012,
        personId: 77,
        workflowId: 'export-4012-77',
      },
    ]);
  });

  it('drops lines below the level, and a field cannot overwrite time, level or msg', () => {
    const { logger, json } = capture({ level: 'warn' });
    logger.info('not written');
    logger.warn('written', { level: 'debug', msg: 'forged' });
    expect(json()).toEqual([{ time: at.toISOString(), level: 'warn', msg: 'written' }]);
    expect(logger.enabled('info')).toBe(false);
    expect(logger.enabled('error')).toBe(true);
  });

  it('errors keep their name, type and cause chain; a cyclic field does not break the line', () => {
    const { logger, json } = capture();
    const cause = ApplicationFailure.nonRetryable('permission denied', 'HarvestPermissionError');
    logger.error('export failed', { err: new Error('activity failed', { cause }) });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.error('still a line', { cyclic });
    const [first, second] = json();
    expect(first!.err).toMatchObject({
      name: 'Error',
      message: 'activity failed',
      cause: { name: 'ApplicationFailure', type: 'HarvestPermissionError', message: 'permission denied' },
    });
    expect(second).toMatchObject({
      msg: 'still a line',
      logError: expect.stringContaining('could not be serialised'),
    });
  });

  it("a worker that polls one kind of task by design (the Harvest queue's) logs no warning for it", () => {
    const { logger, json } = capture({ level: 'info' });
    const runtime = temporalLogger(logger);
    runtime.warn('No workflows registered, not polling for workflow tasks', {
      sdkComponent: 'worker',
      taskQueue: 'pilothouse-harvest',
    });
    runtime.warn('No activities registered, not polling for activity tasks', { sdkComponent: 'worker' });
    expect(json()).toEqual([]);
  });

  it('text format for a developer terminal', () => {
    const { logger, lines } = capture({ format: 'text' });
    logger.warn('slow answer', { path: '/v3/jobs', ms: 812, note: 'two words' });
    expect(lines).toEqual([
      '2026-09-01T12:00:00.000Z WARN  slow answer path=/v3/jobs ms=812 note="two words"',
    ]);
  });

  it('the Temporal runtime logger forwards activity lines with their workflow ids, and quiets the SDK chatter', () => {
    const { logger, json } = capture({ level: 'info' });
    const runtime = temporalLogger(logger);
    runtime.info('exported', {
      sdkComponent: 'activity',
      workflowId: 'export-1-2',
      workflowRunId: 'run-9',
      activityType: 'createApplication',
      taskToken: 'b64-secretish',
      [Symbol('timestamp')]: 1n,
    });
    runtime.info('Worker state changed', { sdkComponent: 'worker' });
    runtime.warn('Workflow bundle is large', { sdkComponent: 'worker' });
    expect(json()).toEqual([
      {
        time: at.toISOString(),
        level: 'info',
        msg: 'exported',
        sdkComponent: 'activity',
        workflowId: 'export-1-2',
        runId: 'run-9',
        activityType: 'createApplication',
      },
      { time: at.toISOString(), level: 'warn', msg: 'Workflow bundle is large', sdkComponent: 'worker' },
    ]);
  });
});

describe('Prometheus metrics', () => {
  afterEach(() => {
    metricsRegistry.resetMetrics();
    watchHarvestBudget(() => undefined);
  });

  it('exports counted by outcome, webhook lag observed, Harvest budget read at scrape time', async () => {
    exportsTotal.inc({ outcome: 'created', target: 'candidate' });
    exportsTotal.inc({ outcome: 'created', target: 'candidate' });
    exportsTotal.inc({ outcome: 'failed', target: 'prospect' });
    observeWebhookLag(
      'candidate_stage_change',
      new Date('2026-09-01T12:00:00Z'),
      new Date('2026-09-01T12:00:07Z'),
    );
    let remaining = 60;
    watchHarvestBudget(() => ({ limit: 75, remaining }));
    remaining = 15;

    const { contentType, body } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('pilothouse_exports_total{outcome="created",target="candidate"} 2');
    expect(body).toContain('pilothouse_exports_total{outcome="failed",target="prospect"} 1');
    expect(body).toContain(
      'pilothouse_webhook_lag_seconds_bucket{le="10",action="candidate_stage_change"} 1',
    );
    expect(body).toContain('pilothouse_webhook_lag_seconds_bucket{le="5",action="candidate_stage_change"} 0');
    expect(body).toContain('pilothouse_harvest_budget_limit 75');
    expect(body).toContain('pilothouse_harvest_budget_used_ratio 0.8');
  });

  it('status classes keep 429 apart; only a non-retryable ApplicationFailure counts as final', () => {
    expect([200, 201, 404, 429, 503, undefined].map(harvestStatusLabel)).toEqual([
      '2xx',
      '2xx',
      '4xx',
      '429',
      '5xx',
      'network',
    ]);
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
    expect(isRetryable(ApplicationFailure.retryable('429', 'HarvestRateLimited'))).toBe(true);
    expect(isRetryable(ApplicationFailure.nonRetryable('bad email', 'HarvestValidationError'))).toBe(false);
  });
});
