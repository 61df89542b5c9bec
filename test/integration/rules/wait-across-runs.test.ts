import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import { autopilotWorkflowId } from '../../../temporal/autopilot-api';
import { days, flowOf, tag, trigger, wait } from '../../unit/rules/fixtures/build-flow';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { pilothouseTags } from '../../support/pilothouse-tags';
import { publishRules } from '../../support/publish-rules';

// A one-day wait shrunk to about three seconds.
const WAIT_SCALE = 3_000 / (24 * 3600_000);

// A long-lived autopilot hands over to a new run (continue-as-new) when its history grows long. A wait a
// flow decided before the handover still ends, and the rest of the flow runs, in the new run.
describe('a rule that waits, across a handover to a new run', () => {
  let h: AutopilotHarness;

  beforeAll(async () => {
    h = await startAutopilotHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('the wait decided in the first run ends in the second, and the step after it is carried out', async () => {
    const jobId = await h.syncAndPickOpenJob();
    const { personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Wanda',
        lastName: 'Waiting',
        emails: ['wanda.waiting@example.org'],
        resumeText: 'Engineer with ten years of experience in distributed systems',
      },
      { kind: 'import' },
    );
    await publishRules(h.db, {
      ...flowOf(trigger.personMatched(), [wait(days(1)), tag('waited a day', 'pilothouse')], {
        id: randomUUID(),
      }),
      jobId,
    });
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600, approvalTimeoutScale: WAIT_SCALE, continueAsNewAfterCycles: 1 }],
    });
    const tagsOf = () => pilothouseTags(h.db, jobId, personId);

    await eventually(
      'the tag after the wait',
      async () => ((await tagsOf()).includes('waited a day') ? true : undefined),
      {
        explain: async () => ({ tags: await tagsOf(), run: (await handle.describe()).runId }),
      },
    );
    // The first run decided the wait and handed over; the run that carried out the tag is a later one.
    const first = await h.client.workflow
      .getHandle(autopilotWorkflowId(jobId), handle.firstExecutionRunId)
      .describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
    const traces = await h.db
      .selectFrom('decision_trace')
      .select(['event', 'created_at'])
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute();
    expect(traces.map((t) => (t.event as { type: string }).type)).toEqual(['personMatched', 'waitElapsed']);
    expect(await tagsOf()).toEqual(['waited a day']);
  });
});
