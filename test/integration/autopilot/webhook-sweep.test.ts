import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signalStoredEvent } from '../../../services/webhook-signals';
import { parseEnv, type Env } from '../../../config/env';
import { addPersonToJob } from '../../../db/queries/people';
import { collect } from '../../../greenhouse/client';
import { ingestWebhook } from '../../../web/server/webhook-ingest.server';
import { autopilotWorkflowId, exportNowUpdate, statusQuery } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { freePort } from '../../support/free-port';
import { startWebhookReceiver } from '../../unit/greenhouse/support/webhook-receiver';
import { sandboxConnectionSettings } from '../../../sandbox';

const WEBHOOK_SECRET = 'webhook-secret-for-sweep-tests';

// A signed webhook arrives while Temporal is unreachable: it is stored, its signal fails, and the next
// job sync delivers it — the autopilot gets the stage change all the same.
describe('webhook events that could not be signalled', () => {
  let h: AutopilotHarness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let env: Env;
  let deadTemporal: Client;
  let jobId: number;
  let personId: string;

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
    // Nothing listens on this port: every call fails as it does while the Temporal server is down.
    deadTemporal = new Client({
      connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: '1 second' }),
    });

    jobId = await h.syncAndPickOpenJob();
    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Sweep',
        lastName: 'Person',
        emails: ['sweep.person@example.org'],
        resumeText: 'Engineer',
      },
      { kind: 'import' },
    ));
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  /** The stage the job screen shows, and the one the autopilot last acted on (its flows compare with it). */
  async function stageInPilothouse() {
    const row = await h.db
      .selectFrom('job_person')
      .select(['greenhouse', 'greenhouse_standing'])
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return {
      shown: row.greenhouse.kind === 'none' ? null : (row.greenhouse.stageId ?? null),
      actedOn: row.greenhouse_standing?.stageId ?? null,
    };
  }

  it('stores the event, records the failed signal, and the next sync delivers it', async () => {
    // Long cadence: nothing but a signal can bring the stage change before the scenario ends.
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    await eventually('the first cycle', async () =>
      (await handle.query(statusQuery)).phase === 'sleeping' ? true : undefined,
    );
    const { exportWorkflowId } = await handle.executeUpdate(exportNowUpdate, {
      args: [{ personId, requestedBy: 'riley@example.com' }],
    });
    await h.client.workflow.getHandle(exportWorkflowId).result();
    const [candidate] = await collect(h.harvest.listCandidates({ email: 'sweep.person@example.org' }));
    const [application] = await collect(h.harvest.listApplications({ candidate_ids: [candidate!.id] }));
    const stages = await h.db
      .selectFrom('job_stage')
      .select('id')
      .where('job_id', '=', jobId)
      .orderBy('sort_order')
      .execute();
    const target = stages.find((s) => s.id !== application!.job_interview_stage_id)!.id;

    const moved = await fetch(`${h.sandbox.controlUrl}/recruiter/applications/${application!.id}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_stage_id: target }),
    });
    expect(moved.status).toBe(200);
    const delivery = await eventually('the signed stage-change delivery', async () =>
      receiver.received.find((r) => r.action === 'candidate_stage_change'),
    );

    // What the web endpoint does, with Temporal down: stored and answered, then the signal fails.
    const context = { env, db: h.db, temporal: deadTemporal, taskQueue: h.taskQueue };
    const ingested = await ingestWebhook(
      context,
      new Request('http://pilothouse.test/webhooks/greenhouse', {
        method: 'POST',
        headers: { Signature: delivery.signature ?? '', 'Greenhouse-Event-ID': delivery.eventId ?? '' },
        body: new Uint8Array(delivery.rawBody),
      }),
    );
    expect(ingested).toMatchObject({ status: 200, body: 'accepted' });
    await expect(signalStoredEvent(context, ingested.eventRowId!)).resolves.toBe(false);
    const stored = await h.db
      .selectFrom('webhook_event')
      .select(['signalled_at', 'signal_error'])
      .where('id', '=', ingested.eventRowId!)
      .executeTakeFirstOrThrow();
    expect(stored.signalled_at).toBeNull();
    expect(stored.signal_error).toEqual(expect.any(String));
    // The job screen shows the move at once (written when the delivery was stored); the autopilot, which
    // was never told, has not acted on it.
    expect(await stageInPilothouse()).toMatchObject({ shown: target });
    expect((await stageInPilothouse()).actedOn).not.toBe(target);

    const sync = await h.client.workflow.execute('syncJobs', {
      taskQueue: h.taskQueue,
      workflowId: `sync-again-${h.taskQueue}`,
      args: [{}],
    });

    expect(sync).toMatchObject({ resignalled: 1, resignalFailed: 0 });
    const after = await h.db
      .selectFrom('webhook_event')
      .select(['signalled_at', 'signal_error'])
      .where('id', '=', ingested.eventRowId!)
      .executeTakeFirstOrThrow();
    expect(after.signalled_at).not.toBeNull();
    expect(after.signal_error).toBeNull();
    await eventually('the swept stage change applied by the autopilot', async () =>
      (await stageInPilothouse()).actedOn === target ? true : undefined,
    );
    expect((await stageInPilothouse()).shown).toBe(target);
    await handle.terminate('scenario finished');
  });
});
