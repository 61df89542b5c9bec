import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import {
  autopilotWorkflowId,
  newSourceDataSignal,
  stageEventSignal,
  statusQuery,
} from '../../../temporal/autopilot-api';
import { initialState } from '../../../workflows/job-autopilot-state';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';

// An autopilot stays cheap while paused and loses no Greenhouse change while Greenhouse is down.
describe('autopilot resilience', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const historyLength = async (workflowId: string) =>
    (await h.client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;

  it('a paused autopilot past its cadence sleeps instead of waking every millisecond', async () => {
    // Paused, and its next cycle was due hours ago: what hours of skipped time leave behind.
    const workflowId = `${autopilotWorkflowId(jobId)}-paused`;
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId,
      args: [
        {
          jobId,
          state: {
            ...initialState({ jobId }),
            cycle: 3,
            paused: true,
            cycleRequested: false,
            phase: 'sleeping' as const,
            nextCycleAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
          },
        },
      ],
    });
    await eventually('the paused autopilot answering', async () =>
      (await handle.query(statusQuery)).phase === 'paused' ? true : undefined,
    );
    const first = await historyLength(workflowId);
    // Give a spinning loop time to show itself: a few seconds are thousands of 1 ms timers.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const later = await historyLength(workflowId);
    expect(later).toBeLessThan(30);
    expect(later - first).toBeLessThan(5);
    expect((await handle.query(statusQuery)).cycle).toBe(3);
    await handle.terminate('scenario finished');
  });

  it('a stage event that fails while Greenhouse is down is applied at the next cycle, not dropped', async () => {
    const person = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Stella',
        lastName: 'Stage',
        emails: ['stella.stage@example.org'],
        greenhouseCandidateId: 960_001,
      },
      { kind: 'import' },
    );
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    await eventually(
      'the first cycle',
      async () => ((await handle.query(statusQuery)).phase === 'sleeping' ? true : undefined),
      { explain: () => handle.query(statusQuery), timeoutMs: 100_000 },
    );
    // Greenhouse refuses the applications list the event needs (an outage outlasting the retries).
    await fetch(`${h.sandbox.controlUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failPath: { pathPrefix: '/v3/applications', status: 403 } }),
    });
    const occurredAt = '2026-11-30T10:11:12.000Z';
    await handle.signal(stageEventSignal, {
      eventId: 'stage-event-during-outage',
      kind: 'stage_changed',
      jobId,
      candidateId: 960_001,
      applicationId: 1,
      toStageId: null,
      occurredAt,
    });
    await eventually(
      'the failure reported',
      async () => ((await handle.query(statusQuery)).lastError ? true : undefined),
      { explain: () => handle.query(statusQuery) },
    );
    await fetch(`${h.sandbox.controlUrl}/faults`, { method: 'DELETE' });

    const { cycle } = await handle.query(statusQuery);
    await handle.signal(newSourceDataSignal, { reason: 'manual' });
    await eventually(
      'the next cycle finished',
      async () => {
        const status = await handle.query(statusQuery);
        const finished =
          status.lastCycleStartedAt !== null &&
          status.lastCycleFinishedAt !== null &&
          status.lastCycleFinishedAt >= status.lastCycleStartedAt;
        return status.cycle > cycle && finished ? true : undefined;
      },
      { explain: () => handle.query(statusQuery), timeoutMs: 100_000 },
    );
    const row = await h.db
      .selectFrom('job_person')
      .select('last_activity_at')
      .where('job_id', '=', jobId)
      .where('person_id', '=', person.personId)
      .executeTakeFirstOrThrow();
    const audit = await h.db.selectFrom('audit_event').select(['action', 'details']).execute();
    expect(
      row.last_activity_at && new Date(row.last_activity_at).toISOString(),
      JSON.stringify({ status: await handle.query(statusQuery), audit }),
    ).toBe(occurredAt);
    await handle.terminate('scenario finished');
  });
});
