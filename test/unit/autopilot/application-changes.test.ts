// Unreject, transfer and make-candidate against the Harvest sandbox: each acts once, a retry after Greenhouse
// carried the write out but its answer was lost finds the work done, and a transfer never replays a stale move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertInGreenhouse,
  transferInGreenhouse,
  unrejectInGreenhouse,
} from '../../../activities/autopilot/application-changes';
import type { HarvestClient } from '../../../greenhouse';
import type { Application } from '../../../greenhouse/schemas/applications';
import type { ConvertDecision, TransferDecision } from '../../../rules';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

describe('changing where an application stands in Greenhouse', () => {
  let t: TestSandbox;
  let harvest: HarvestClient;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 29 });
    harvest = t.client();
  });
  afterAll(() => t.close());

  const state = () => t.sandbox.runtime.state;
  const openJobs = () =>
    state()
      .jobs.filter((j) => j.status === 'open' && !j.confidential)
      .map((j) => j.id);
  const stagesOf = (jobId: number) =>
    state()
      .job_interview_stages.filter((s) => s.job_id === jobId)
      .sort((a, b) => a.sort_order - b.sort_order);
  const read = async (id: number) => (await harvest.getApplication(id)) as Application;
  const hasApplicationOn = (candidateId: number, jobId: number) =>
    state().applications.some((a) => a.candidate_id === candidateId && a.job_id === jobId);
  /** Greenhouse carries the next write under `path` out, and its answer never arrives. */
  const loseNextAnswer = (pathPrefix: string) =>
    t.control('PUT', '/faults', { lostAnswers: { pathPrefix, count: 1 } });

  /** An active candidate application on an open job, and another open job the candidate is not on. */
  function movable(taken: Set<number>) {
    for (const a of state().applications) {
      if (a.prospect || a.status !== 'in_process' || taken.has(a.candidate_id)) continue;
      if (!openJobs().includes(a.job_id as number)) continue;
      const target = openJobs().find((j) => j !== a.job_id && !hasApplicationOn(a.candidate_id, j));
      if (target !== undefined) {
        taken.add(a.candidate_id);
        return { application: a, target };
      }
    }
    throw new Error('the demo tenant has no movable application');
  }
  const taken = new Set<number>();

  it('unrejects a rejected application once; an active one is left alone', async () => {
    const { application } = movable(taken);
    const reason = state().rejection_reasons[0]!.id;
    await harvest.rejectApplication(application.id, { rejection_reason_id: reason });
    expect(await unrejectInGreenhouse(harvest, await read(application.id))).toEqual({
      done: true,
      outcome: 'unrejected',
    });
    expect(application).toMatchObject({ status: 'in_process', rejection_reason_id: null });
    expect(await unrejectInGreenhouse(harvest, await read(application.id))).toEqual({
      done: true,
      outcome: 'already_active',
    });
  });

  it('transfers into the chosen stage of the other job, and a retry after a lost answer finishes the step', async () => {
    const { application, target } = movable(taken);
    const chosen = stagesOf(target)[2]!;
    const decision: TransferDecision = {
      type: 'transfer',
      nodeId: 'n1',
      because: 'test',
      applicationId: application.id,
      fromStageId: application.job_interview_stage_id,
      toJobId: target,
      toJobName: 'the other job',
      toStageId: chosen.id,
      toStageName: chosen.name,
    };
    const firstStage = stagesOf(target)[0]!.id;
    const from = application.job_id as number;
    await loseNextAnswer(`/v3/applications/${application.id}/move`);
    // Greenhouse transferred it (onto the job's first stage); the answer was lost, so the step failed.
    await expect(
      transferInGreenhouse(harvest, from, await read(application.id), decision, firstStage),
    ).rejects.toThrow();
    expect(application).toMatchObject({ job_id: target, job_interview_stage_id: firstStage });
    // The retry sees it on the other job's first stage and moves it on to the chosen one.
    expect(
      await transferInGreenhouse(harvest, from, await read(application.id), decision, firstStage),
    ).toEqual({
      done: true,
      outcome: 'transferred',
    });
    expect(application).toMatchObject({
      job_id: target,
      job_interview_stage_id: chosen.id,
      status: 'in_process',
    });
    expect(
      await transferInGreenhouse(harvest, from, await read(application.id), decision, firstStage),
    ).toEqual({
      done: true,
      outcome: 'already_transferred',
    });
  });

  it('does not transfer an application someone moved since the rule decided', async () => {
    const { application, target } = movable(taken);
    const stages = stagesOf(application.job_id as number);
    const seenIn = stages.find((s) => s.id !== application.job_interview_stage_id)!;
    const decision: TransferDecision = {
      type: 'transfer',
      nodeId: 'n1',
      because: 'test',
      applicationId: application.id,
      fromStageId: seenIn.id,
      toJobId: target,
      toJobName: 'the other job',
      toStageId: stagesOf(target)[1]!.id,
      toStageName: 'second',
    };
    const result = await transferInGreenhouse(
      harvest,
      application.job_id as number,
      await read(application.id),
      decision,
      stagesOf(target)[0]!.id,
    );
    expect(result).toEqual({ done: false, outcome: 'moved_since_decided' });
    expect(application.job_id).not.toBe(target);
  });

  it('makes a prospect a candidate once, even when Greenhouse’s first answer is lost', async () => {
    const jobId = openJobs()[0]!;
    const candidate = state().candidates.find(
      (c) => !state().applications.some((a) => a.candidate_id === c.id && (a.job_id === jobId || a.prospect)),
    )!;
    const prospect = await harvest.createApplication({
      candidate_id: candidate.id,
      prospect: true,
      job_ids: [jobId],
    });
    const chosen = stagesOf(jobId)[1]!;
    const decision: ConvertDecision = {
      type: 'convert',
      nodeId: 'n1',
      because: 'test',
      applicationId: prospect.id,
      toStageId: chosen.id,
      toStageName: chosen.name,
    };
    await loseNextAnswer(`/v3/applications/${prospect.id}/convert_to_candidate`);
    await expect(convertInGreenhouse(harvest, jobId, await read(prospect.id), decision)).rejects.toThrow();
    expect(await convertInGreenhouse(harvest, jobId, await read(prospect.id), decision)).toEqual({
      done: true,
      outcome: 'already_candidate',
    });
    const candidates = state().applications.filter(
      (a) => a.candidate_id === candidate.id && a.job_id === jobId && !a.prospect,
    );
    expect(candidates).toEqual([
      expect.objectContaining({ job_id: jobId, job_interview_stage_id: chosen.id, status: 'in_process' }),
    ]);
    expect(state().applications.find((a) => a.id === prospect.id)).toMatchObject({ status: 'converted' });
  });
});
