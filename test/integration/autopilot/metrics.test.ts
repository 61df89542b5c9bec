import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../../activities';
import { harvestFromConnection } from '../../../activities/harvest-factory';
import { parseEnv, type Env } from '../../../config/env';
import { addPersonToJob } from '../../../db/queries/people';
import { collect } from '../../../greenhouse/client';
import { serveProbes, type ProbeServer } from '../../../observability/metrics-server';
import { ingestWebhook, signalStoredEvent } from '../../../web/server/webhook-ingest.server';
import { autopilotWorkflowId, exportNowUpdate, statusQuery } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { startWebhookReceiver } from '../../unit/greenhouse/support/webhook-receiver';
import { sandboxConnectionSettings } from '../../../sandbox';

const WEBHOOK_SECRET = 'webhook-secret-for-metrics-tests';

// The counters on /metrics move where the work happens: exports (created, failed), webhooks (received
// and their lag, observed when signalled), Harvest requests and the budget Greenhouse reports.
describe('Pilothouse metrics from the activities', () => {
  let h: AutopilotHarness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let probes: ProbeServer;
  let env: Env;
  let jobId: number;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    h = await startAutopilotHarness({
      webhookTargets: [{ url: receiver.url, secretKey: WEBHOOK_SECRET }],
      webhookRetry: { baseDelayMs: 100, maxDelayMs: 500 },
    });
    await h.db.deleteFrom('greenhouse_connection').execute();
    env = parseEnv({
      DATABASE_URL: inject('databaseUrl'),
      ...sandboxConnectionSettings(h.sandbox),
      GREENHOUSE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    });
    probes = await serveProbes({ port: 0, host: '127.0.0.1', healthy: () => ({ ok: true, detail: 'test' }) });
    jobId = await h.syncAndPickOpenJob();
  }, 120_000);

  afterAll(async () => {
    await probes?.close();
    await h?.close();
    await receiver?.close();
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`http://127.0.0.1:${probes.port}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  }

  /** The value of one series in Prometheus text format; 0 when it is absent. */
  function value(text: string, series: string): number {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }

  it('counts Harvest requests and shows the budget Greenhouse reports, for the worker’s connection', async () => {
    const harvest = await harvestFromConnection(h.db, env)();
    const before = await scrape();

    await collect(harvest.listJobs({ per_page: 10 }));
    const after = await scrape();

    const ok = 'pilothouse_harvest_requests_total{method="GET",status="2xx"}';
    expect(value(after, ok)).toBeGreaterThan(value(before, ok));
    expect(value(after, 'pilothouse_harvest_budget_limit')).toBe(75);
    const used = value(after, 'pilothouse_harvest_budget_used_ratio');
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(1);
  });

  it('counts an export, a failed export, an accepted webhook and its lag when it is signalled', async () => {
    const { personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Metric',
        lastName: 'Person',
        emails: ['metric.person@example.org'],
        resumeText: 'Engineer',
      },
      { kind: 'import' },
    );
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    await eventually('the first cycle', async () =>
      (await handle.query(statusQuery)).phase === 'sleeping' ? true : undefined,
    );
    const created = 'pilothouse_exports_total{outcome="created",target="candidate"}';
    const before = await scrape();

    const { exportWorkflowId } = await handle.executeUpdate(exportNowUpdate, {
      args: [{ personId, requestedBy: 'riley@example.com' }],
    });
    await h.client.workflow.getHandle(exportWorkflowId).result();
    expect(value(await scrape(), created)).toBe(value(before, created) + 1);

    // A final failure recorded for another person's export.
    const { personId: other } = await addPersonToJob(
      h.db,
      jobId,
      { firstName: 'Failing', lastName: 'Export', emails: ['failing.export@example.org'] },
      { kind: 'import' },
    );
    await h.db
      .insertInto('export_ledger')
      .values({
        job_id: jobId,
        person_id: other,
        workflow_id: 'export-metrics-test',
        status: 'running',
        target: JSON.stringify({ kind: 'prospect', poolId: null, poolStageId: null }),
        requested_by: 'riley@example.com',
      })
      .execute();
    await createActivities({ db: h.db }).recordExportFailure({
      jobId,
      personId: other,
      failureType: 'validation',
      message: 'Greenhouse refused the candidate',
    });
    expect(value(await scrape(), 'pilothouse_exports_total{outcome="failed",target="prospect"}')).toBe(
      value(before, 'pilothouse_exports_total{outcome="failed",target="prospect"}') + 1,
    );

    // A recruiter moves the application; Greenhouse's webhook arrives and is signalled.
    const [candidate] = await collect(h.harvest.listCandidates({ email: 'metric.person@example.org' }));
    const [application] = await collect(h.harvest.listApplications({ candidate_ids: [candidate!.id] }));
    const stages = await h.db.selectFrom('job_stage').select('id').where('job_id', '=', jobId).execute();
    const target = stages.find((s) => s.id !== application!.job_interview_stage_id)!.id;
    const moved = await fetch(`${h.sandbox.controlUrl}/recruiter/applications/${application!.id}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_stage_id: target }),
    });
    expect(moved.status).toBe(200);
    const delivery = await eventually('the stage-change delivery', async () =>
      receiver.received.find((r) => r.action === 'candidate_stage_change'),
    );
    const context = { env, db: h.db, temporal: h.client, taskQueue: h.taskQueue };
    const stored = await ingestWebhook(
      context,
      new Request('http://pilothouse.test/webhooks/greenhouse', {
        method: 'POST',
        headers: { Signature: delivery.signature ?? '', 'Greenhouse-Event-ID': delivery.eventId ?? '' },
        body: new Uint8Array(delivery.rawBody),
      }),
    );
    const lagCount = 'pilothouse_webhook_lag_seconds_count{action="candidate_stage_change"}';
    const accepted = 'pilothouse_webhook_events_total{action="candidate_stage_change",outcome="accepted"}';
    const beforeSignal = await scrape();
    expect(value(beforeSignal, accepted)).toBe(value(before, accepted) + 1);
    expect(value(beforeSignal, lagCount)).toBe(value(before, lagCount));

    await expect(signalStoredEvent(context, stored.eventRowId!)).resolves.toBe(true);
    const afterSignal = await scrape();
    expect(value(afterSignal, lagCount)).toBe(value(beforeSignal, lagCount) + 1);
    expect(
      value(afterSignal, 'pilothouse_webhook_lag_seconds_sum{action="candidate_stage_change"}'),
    ).toBeGreaterThanOrEqual(0);
    await handle.terminate('scenario finished');
  });
});
