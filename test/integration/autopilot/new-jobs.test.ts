import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalStoredEvent } from '../../../services/webhook-signals';
import { setNewJobAutopilot } from '../../../db/queries/app-settings';
import { autopilotWorkflowId } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';

describe('new Greenhouse jobs and their autopilot', () => {
  let h: AutopilotHarness;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    await h.db.deleteFrom('app_setting').execute();
  });

  afterAll(async () => {
    await h?.db.deleteFrom('app_setting').execute();
    await h?.close();
  });

  it('a job_created webhook starts the new job’s autopilot when admins chose "on" for new jobs', async () => {
    await setNewJobAutopilot(h.db, true, 'ada@example.org');
    // A recruiter opens a job in Greenhouse; Greenhouse tells Pilothouse with a job_created webhook.
    const opened = (await (
      await fetch(`${h.sandbox.controlUrl}/recruiter/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Site Reliability Engineer',
          content: '<p>Run our Kubernetes clusters.</p>',
        }),
      })
    ).json()) as { id?: number; job?: { id: number } };
    const jobId = opened.job?.id ?? opened.id!;
    expect(jobId).toBeGreaterThan(0);
    const row = await h.db
      .insertInto('webhook_event')
      .values({
        event_id: `job-created-${jobId}`,
        action: 'job_created',
        verdict: 'accepted',
        job_id: jobId,
        payload: JSON.stringify({
          action: 'job_created',
          payload: {
            job: {
              id: jobId,
              name: 'Site Reliability Engineer',
              status: 'open',
              departments: [],
              offices: [],
            },
          },
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await signalStoredEvent({ db: h.db, temporal: h.client, taskQueue: h.taskQueue }, row.id)).toBe(
      true,
    );
    // The webhook started the job sync: the job is stored with its autopilot on, and the autopilot runs.
    const job = await eventually(
      'the new job to be stored with its autopilot on',
      async () =>
        (await h.db
          .selectFrom('job')
          .select(['autopilot_enabled'])
          .where('id', '=', jobId)
          .executeTakeFirst()) ?? undefined,
    );
    expect(job.autopilot_enabled).toBe(true);
    const description = await eventually('the new job’s autopilot to run', async () => {
      try {
        return await h.client.workflow.getHandle(autopilotWorkflowId(jobId)).describe();
      } catch {
        return undefined;
      }
    });
    expect(description.status.name).toBe('RUNNING');
  });

  it('with "off" for new jobs, a new job is stored with its autopilot off and none is started', async () => {
    await setNewJobAutopilot(h.db, false, 'ada@example.org');
    const opened = (await (
      await fetch(`${h.sandbox.controlUrl}/recruiter/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Data Engineer' }),
      })
    ).json()) as { id?: number; job?: { id: number } };
    const jobId = opened.job?.id ?? opened.id!;
    await h.client.workflow.execute('syncJobs', {
      taskQueue: h.taskQueue,
      workflowId: `sync-off-${h.taskQueue}`,
      args: [{}],
    });
    const job = await h.db
      .selectFrom('job')
      .select(['autopilot_enabled'])
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(job.autopilot_enabled).toBe(false);
    await expect(h.client.workflow.getHandle(autopilotWorkflowId(jobId)).describe()).rejects.toThrow();
  });
});
