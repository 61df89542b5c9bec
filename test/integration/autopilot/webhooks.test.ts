import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { addPersonToJob } from '../../../db/queries/people';
import { collect } from '../../../greenhouse/client';
import { runWeb } from '../../../web/server/run-web';
import { autopilotWorkflowId, exportNowUpdate, statusQuery } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { freePort } from '../../support/free-port';
import { sandboxConnectionSettings } from '../../../sandbox';

const WEBHOOK_SECRET = 'webhook-secret-for-tests';

// Stage changes made in Greenhouse reach the autopilot through signed webhooks — and through
// reconciliation when a webhook is lost. Duplicated deliveries change nothing.
describe('tracking Greenhouse changes through webhooks', () => {
  let h: AutopilotHarness;
  let web: Awaited<ReturnType<typeof runWeb>>;
  let jobId: number;
  let personId: string;

  beforeAll(async () => {
    const port = await freePort();
    h = await startAutopilotHarness({
      // Greenhouse retries for hours; with the delays shrunk to fit a test, 30 attempts keep a busy
      // moment of the CI machine from using up its retries in two seconds.
      webhookTargets: [
        { url: `http://127.0.0.1:${port}/webhooks/greenhouse`, secretKey: WEBHOOK_SECRET, maxAttempts: 30 },
      ],
      webhookRetry: { baseDelayMs: 100, maxDelayMs: 500 },
    });
    await h.db.deleteFrom('greenhouse_connection').execute();
    web = await runWeb(
      parseEnv({
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: inject('temporalNamespace'),
        TEMPORAL_TASK_QUEUE: h.taskQueue,
        PORT: String(port),
        ...sandboxConnectionSettings(h.sandbox),
        GREENHOUSE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      }),
    );
    jobId = await h.syncAndPickOpenJob();
    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Webhook',
        lastName: 'Person',
        emails: ['webhook.person@example.org'],
        resumeText: 'Engineer',
      },
      { kind: 'import' },
    ));
  });

  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  async function applicationOf(email: string) {
    const [candidate] = await collect(h.harvest.listCandidates({ email }));
    const [application] = await collect(h.harvest.listApplications({ candidate_ids: [candidate!.id] }));
    return application!;
  }

  async function recruiterMoves(applicationId: number, toStageId: number) {
    const response = await fetch(`${h.sandbox.controlUrl}/recruiter/applications/${applicationId}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_stage_id: toStageId }),
    });
    expect(response.status).toBe(200);
  }

  async function stageInPilothouse() {
    const row = await h.db
      .selectFrom('job_person')
      .select('greenhouse')
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return row.greenhouse.kind === 'none' ? null : (row.greenhouse.stageId ?? null);
  }

  it('a recruiter exports by hand, then moves the candidate in Greenhouse; the webhook brings the stage, duplicates are ignored', async () => {
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

    const stages = await h.db
      .selectFrom('job_stage')
      .select('id')
      .where('job_id', '=', jobId)
      .orderBy('sort_order')
      .execute();
    const application = await applicationOf('webhook.person@example.org');
    const second = stages.find((s) => s.id !== application.job_interview_stage_id)!.id;

    await fetch(`${h.sandbox.controlUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ webhookDuplicateRate: 1 }),
    });
    await recruiterMoves(application.id, second);
    await eventually(
      'the stage from the webhook',
      async () => ((await stageInPilothouse()) === second ? true : undefined),
      {
        explain: async () => ({
          stage: await stageInPilothouse(),
          wanted: second,
          deliveries: await h.db
            .selectFrom('webhook_event')
            .select(['action', 'verdict', 'rejection_reason', 'job_id', 'signalled_at', 'signal_error'])
            .execute(),
          sent: await (await fetch(`${h.sandbox.controlUrl}/webhook-deliveries`)).json(),
          autopilot: await handle.query(statusQuery),
        }),
      },
    );
    const deliveries = await h.db
      .selectFrom('webhook_event')
      .select(['verdict', 'action'])
      .where('action', '=', 'candidate_stage_change')
      .execute();
    expect(deliveries.filter((d) => d.verdict === 'accepted')).toHaveLength(1);
    await eventually('the duplicate delivery recorded', async () => {
      const duplicates = await h.db
        .selectFrom('webhook_event')
        .select('id')
        .where('verdict', '=', 'duplicate')
        .execute();
      return duplicates.length >= 1 ? true : undefined;
    });
    await handle.terminate('scenario finished');
  });

  it('a lost webhook is made up for by the next cycle, which re-reads the changed applications', async () => {
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: `${autopilotWorkflowId(jobId)}-second`,
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    await fetch(`${h.sandbox.controlUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ webhookDuplicateRate: 0, webhookDropRate: 1 }),
    });
    const application = await applicationOf('webhook.person@example.org');
    const stages = await h.db
      .selectFrom('job_stage')
      .select('id')
      .where('job_id', '=', jobId)
      .orderBy('sort_order')
      .execute();
    const third = stages.find(
      (s) => s.id !== application.job_interview_stage_id && s.id !== stages[0]!.id,
    )!.id;
    const acceptedBefore = (
      await h.db.selectFrom('webhook_event').select('id').where('verdict', '=', 'accepted').execute()
    ).length;
    await recruiterMoves(application.id, third);

    await eventually('reconciliation to bring the stage', async () =>
      (await stageInPilothouse()) === third ? true : undefined,
    );
    const acceptedAfter = (
      await h.db.selectFrom('webhook_event').select('id').where('verdict', '=', 'accepted').execute()
    ).length;
    expect(acceptedAfter).toBe(acceptedBefore);
    await fetch(`${h.sandbox.controlUrl}/faults`, { method: 'DELETE' });
    await handle.terminate('scenario finished');
  });
});
