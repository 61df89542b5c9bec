import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { addPersonToJob } from '../../../db/queries/people';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import {
  eventually,
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// The Harvest queue serves the account's whole budget, so when many exports are decided at once it has a
// backlog. Served step by step (every export's first step, then every second step…), none lands until
// all have started; served export by export, the first lands at once and they land in the order they were
// decided (ADR 0010). Asserted on the order of what ran, never on how long it took.
describe('a burst of exports on a busy Harvest queue', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  /** The Harvest activities an export ran, with when each started, and when the export finished. */
  async function stepsOf(handle: WorkflowHandle) {
    const events = (await handle.fetchHistory()).events ?? [];
    const scheduled = new Map<number, string>();
    const started: { step: string; at: number }[] = [];
    let finishedAt = Number.NaN;
    for (const event of events) {
      const at = tsToMs(event.eventTime);
      const schedule = event.activityTaskScheduledEventAttributes;
      if (schedule?.taskQueue?.name?.endsWith('-harvest'))
        scheduled.set(Number(event.eventId), schedule.activityType!.name!);
      const start = event.activityTaskStartedEventAttributes;
      const step = start && scheduled.get(Number(start.scheduledEventId));
      if (step) started.push({ step, at });
      if (event.workflowExecutionCompletedEventAttributes) finishedAt = at;
    }
    return { started, finishedAt };
  }

  it("finishes them one by one in the order they were decided: a started export's next step goes before a new export's first step", async () => {
    const people: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { personId } = await addPersonToJob(
        h.db,
        jobId,
        {
          firstName: `Burst${i}`,
          lastName: 'Order',
          emails: [`burst.order.${i}@example.org`],
          resumeText: 'Platform engineer, Kubernetes, Go',
        },
        { kind: 'import' },
      );
      people.push(personId);
    }

    // The queue is busy: the exports are decided one after the other while nothing is served.
    await h.stopHarvestQueue();
    const handles: WorkflowHandle[] = [];
    for (const personId of people) {
      const handle = await h.client.workflow.start('exportCandidate', {
        taskQueue: h.taskQueue,
        workflowId: exportWorkflowId(jobId, personId),
        args: [{ jobId, personId, target: { kind: 'candidate', stageId: null }, requestedBy: 'approval' }],
      });
      await eventually(
        `the first step of ${personId}'s export waits on the queue`,
        async () =>
          (await handle.describe()).raw.pendingActivities?.some(
            (activity) =>
              activity.activityType?.name === 'ensureGreenhousePerson' &&
              // PENDING_ACTIVITY_STATE_SCHEDULED: waiting for a worker, not handed to one.
              activity.state === 1,
          ) || undefined,
      );
      handles.push(handle);
    }
    // Served one step at a time, at production's rate (75 requests per 30 s less the margin: 2 activities
    // per second). With more slots, steps handed out together (the rate allows a short burst) run side by
    // side and finish in any order.
    await h.startHarvestQueue({ activitiesPerSecond: 2, slots: 1 });
    await Promise.all(handles.map((handle) => handle.result()));
    // The export's shape since its later steps go first, kept for the replay test.
    await maybeRecordGoldenHistory(h, handles[0]!.workflowId, 'export-candidate-next-steps-first');

    const runs = await Promise.all(handles.map(stepsOf));
    const timeline = runs
      .flatMap((run, index) => run.started.map(({ step, at }) => ({ at, what: `export ${index}: ${step}` })))
      .sort((a, b) => a.at - b.at)
      .map(({ what }) => what);
    const finishOrder = runs
      .map((run, index) => ({ index, at: run.finishedAt }))
      .sort((a, b) => a.at - b.at)
      .map(({ index }) => index);
    expect(finishOrder, timeline.join('\n')).toEqual([0, 1, 2, 3, 4, 5]);
    // The first export was done before the last one's first step ran: it did not wait for the others to start.
    const lastStarted = runs[5]!.started.find(({ step }) => step === 'ensureGreenhousePerson')!.at;
    expect(runs[0]!.finishedAt, timeline.join('\n')).toBeLessThan(lastStarted);
    expect(timeline.indexOf('export 0: addMatchNote'), timeline.join('\n')).toBeLessThan(
      timeline.indexOf('export 5: ensureGreenhousePerson'),
    );
  });
});
