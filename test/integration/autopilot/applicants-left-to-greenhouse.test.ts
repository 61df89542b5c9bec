import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsForJob } from '../../../db/queries/pipeline-counts';
import { stagesOfTab } from '../../../db/queries/pipeline-tabs';
import { autopilotWorkflowId } from '../../../temporal/autopilot-api';
import {
  eventually,
  startAutopilotHarness,
  syncedBusiestJob,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// The default rules leave applicants to Greenhouse's own review ("Already an applicant on this job"). The job
// screen counted them under "Not selected" — the demo's account executive job said "39 not selected", 33 of
// them applicants Greenhouse was still reviewing. They have a tab of their own.
describe("applicants the default rules leave to Greenhouse's review", () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await syncedBusiestJob(h);
    await h.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', jobId).execute();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('are "left to Greenhouse", not "not selected", after the first cycle', async () => {
    await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    const stages = () =>
      h.db
        .selectFrom('job_person')
        .select(['pipeline_stage', 'greenhouse'])
        .where('job_id', '=', jobId)
        .execute();
    const people = await eventually(
      'every person past matching',
      async () => {
        const rows = await stages();
        return rows.length > 0 &&
          rows.every((r) => r.pipeline_stage !== 'sourced' && r.pipeline_stage !== 'matched')
          ? rows
          : undefined;
      },
      { timeoutMs: 60_000, explain: stages },
    );
    const applicantsHere = people.filter(
      (p) =>
        p.greenhouse.kind === 'applicant' && p.greenhouse.onThisJob && p.greenhouse.status === 'in_process',
    );
    expect(applicantsHere.length).toBeGreaterThan(0);
    expect(applicantsHere.map((p) => p.pipeline_stage)).toEqual(
      applicantsHere.map(() => 'left_to_greenhouse'),
    );
    const counts = await countsForJob(h.db, jobId);
    expect(counts.byTab.left_to_greenhouse).toBe(applicantsHere.length);
    // "Not selected" keeps those Greenhouse itself decided (rejected or hired there) and those the rules passed over.
    expect(counts.byTab.rejected).toBe(
      people.filter((p) => stagesOfTab('rejected').includes(p.pipeline_stage)).length,
    );
    expect(people.filter((p) => p.pipeline_stage === 'not_selected' && applicantsHere.includes(p))).toEqual(
      [],
    );
  });
});
