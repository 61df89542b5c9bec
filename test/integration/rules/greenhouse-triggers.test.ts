import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import { readWatermark } from '../../../db/queries/watermarks';
import { collect } from '../../../greenhouse/client';
import { autopilotWorkflowId, newSourceDataSignal, stageEventSignal } from '../../../temporal/autopilot-api';
import {
  exportAsCandidate,
  flowOf,
  ghStage,
  leaf,
  stop,
  tag,
  trigger,
  when,
  type Step,
} from '../../unit/rules/fixtures/build-flow';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { pilothouseTags } from '../../support/pilothouse-tags';
import { publishRules } from '../../support/publish-rules';

// The three triggers a recruiter sets off inside Greenhouse — a move, a rejection, a hire — each run
// their flow end to end: the running autopilot learns of the change (here from its next cycle, as
// after a lost webhook) and carries out the flow's step.
describe('rules set off by what a recruiter does in Greenhouse', () => {
  let h: AutopilotHarness;
  let jobId: number;
  let personId: string;
  let applicationId: number;
  let stageIds: number[];

  const recruiter = async (action: 'move' | 'reject' | 'unreject' | 'hire', body: object = {}) => {
    const response = await fetch(
      `${h.sandbox.controlUrl}/recruiter/applications/${applicationId}/${action}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    expect(response.status, `the recruiter's ${action}`).toBe(200);
  };
  const tagsOf = () => pilothouseTags(h.db, jobId, personId);
  /** How many times each Greenhouse-change flow ran for Quinn (one decision trace per run), a move's by stage. */
  const flowRuns = async () => {
    const traces = await h.db
      .selectFrom('decision_trace')
      .select('event')
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .execute();
    const runs: Record<string, number> = {};
    for (const { event } of traces) {
      const { type, toStageId } = event as { type: string; toStageId?: number };
      const key = type === 'stageChanged' ? `stageChanged to ${toStageId}` : type;
      runs[key] = (runs[key] ?? 0) + 1;
    }
    return runs;
  };
  const candidateIdOfQuinn = async () =>
    (
      await h.db
        .selectFrom('person')
        .select('greenhouse_candidate_id')
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
    ).greenhouse_candidate_id!;
  /** The autopilot's next cycle re-reads the changed applications; its flows' steps follow. */
  const taggedAfterNextCycle = async (wanted: string) => {
    await h.client.workflow.getHandle(autopilotWorkflowId(jobId)).signal(newSourceDataSignal, {
      reason: 'manual',
    });
    await eventually(
      `the "${wanted}" tag`,
      async () => ((await tagsOf()).includes(wanted) ? true : undefined),
      {
        explain: async () => ({ tags: await tagsOf() }),
      },
    );
  };
  const publish = (start: ReturnType<(typeof trigger)['personMatched']>, steps: Step[]) =>
    publishRules(h.db, {
      ...flowOf(start, [when(leaf('source', 'is', 'import'), steps, [stop('Not imported')])], {
        id: randomUUID(),
      }),
      jobId,
    });

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob();
    stageIds = (
      await h.db
        .selectFrom('job_stage')
        .select('id')
        .where('job_id', '=', jobId)
        .orderBy('sort_order')
        .execute()
    ).map((s) => s.id);
    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Quinn',
        lastName: 'Triggered',
        emails: ['quinn.triggered@example.org'],
        resumeText: 'Engineer with ten years of experience in distributed systems',
      },
      { kind: 'import' },
    ));
    await publish(trigger.personMatched(), [exportAsCandidate(ghStage(stageIds[0]!))]);
    await publish(trigger.stageChanged(null, ghStage(stageIds[1]!)), [tag('moved on', 'pilothouse')]);
    await publish(trigger.applicationRejected(), [tag('rejected in Greenhouse', 'pilothouse')]);
    await publish(trigger.candidateHired(), [tag('hired', 'pilothouse')]);
    await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    const exported = await eventually('Quinn exported', async () => {
      const row = await h.db
        .selectFrom('export_ledger')
        .select(['status', 'greenhouse_application_id'])
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row?.status === 'exported' ? row : undefined;
    });
    applicationId = exported.greenhouse_application_id!;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('"Stage changed" to the second stage: the recruiter moves Quinn there and the flow tags them', async () => {
    expect(await tagsOf()).toEqual([]);
    await recruiter('move', { to_stage_id: stageIds[1] });
    await taggedAfterNextCycle('moved on');
  });

  it('a move told late, after a later move, runs its flow once and does not set the later move off again', async () => {
    // Quinn stands at the second stage. The recruiter moves them to the third, then the fourth; the two
    // webhooks arrive the other way round, then the next cycle re-reads Greenhouse.
    await publish(trigger.stageChanged(null, ghStage(stageIds[2]!)), [tag('third stage', 'pilothouse')]);
    await publish(trigger.stageChanged(null, ghStage(stageIds[3]!)), [tag('fourth stage', 'pilothouse')]);
    const candidateId = await candidateIdOfQuinn();
    /** When Greenhouse says the application last changed: what each webhook carries. */
    const lastActivity = async () =>
      (await collect(h.harvest.listApplications({ candidate_ids: [candidateId] }))).find(
        (a) => a.id === applicationId,
      )!.last_activity_at!;
    await recruiter('move', { to_stage_id: stageIds[2] });
    const movedToThird = await lastActivity();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await recruiter('move', { to_stage_id: stageIds[3] });
    const movedToFourth = await lastActivity();
    expect(new Date(movedToFourth).getTime()).toBeGreaterThan(new Date(movedToThird).getTime());
    const autopilot = h.client.workflow.getHandle(autopilotWorkflowId(jobId));
    const webhook = (toStageId: number, changedAt: string) =>
      autopilot.signal(stageEventSignal, {
        eventId: `webhook-move-${toStageId}`,
        kind: 'stage_changed',
        jobId,
        candidateId,
        applicationId,
        toStageId,
        toStageName: null,
        status: 'in_process',
        occurredAt: new Date().toISOString(),
        changedAt,
      });
    const tagged = (wanted: string) =>
      eventually(`the "${wanted}" tag`, async () => ((await tagsOf()).includes(wanted) ? true : undefined));

    await webhook(stageIds[3]!, movedToFourth);
    await tagged('fourth stage');
    await webhook(stageIds[2]!, movedToThird);
    await tagged('third stage');
    const readBefore = await readWatermark(h.db, `job:${jobId}:reconcile`);
    await autopilot.signal(newSourceDataSignal, { reason: 'manual' });
    await eventually('the next cycle re-read Greenhouse', async () =>
      (await readWatermark(h.db, `job:${jobId}:reconcile`)) > readBefore ? true : undefined,
    );

    // Before, the late webhook left Quinn standing at the third stage, and the re-read took Greenhouse's
    // fourth stage for a new move: the fourth stage's flow ran twice.
    expect(await flowRuns()).toMatchObject({
      [`stageChanged to ${stageIds[2]}`]: 1,
      [`stageChanged to ${stageIds[3]}`]: 1,
    });
  });

  it('"Application rejected": the recruiter rejects Quinn and the flow tags them', async () => {
    await recruiter('reject');
    await taggedAfterNextCycle('rejected in Greenhouse');
  });

  it('"Candidate hired": taken back and hired, Quinn is tagged by the hire flow — once, though told twice', async () => {
    await recruiter('unreject');
    await recruiter('hire');
    await taggedAfterNextCycle('hired');
    // The hire's webhook arrives late, after the cycle's re-read of Greenhouse found it: the same change, told twice.
    const candidateId = await candidateIdOfQuinn();
    const hired = (await collect(h.harvest.listApplications({ candidate_ids: [candidateId] }))).find(
      (a) => a.id === applicationId,
    )!;
    const occurredAt = '2026-12-04T09:30:00.000Z';
    await h.client.workflow.getHandle(autopilotWorkflowId(jobId)).signal(stageEventSignal, {
      eventId: `webhook-hire-${applicationId}`,
      kind: 'hired',
      jobId,
      candidateId,
      applicationId,
      toStageId: hired.job_interview_stage_id ?? null,
      toStageName: hired.stage_name ?? null,
      status: hired.status,
      occurredAt,
    });
    await eventually('the webhook applied', async () => {
      const row = await h.db
        .selectFrom('job_person')
        .select('last_activity_at')
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      return row.last_activity_at && new Date(row.last_activity_at).toISOString() === occurredAt
        ? true
        : undefined;
    });
    expect(new Set(await tagsOf())).toEqual(
      new Set(['moved on', 'third stage', 'fourth stage', 'rejected in Greenhouse', 'hired']),
    );
    // Each flow ran once: the move's flow not again for the hire, the hire's not for its second telling.
    expect(await flowRuns()).toMatchObject({
      [`stageChanged to ${stageIds[1]}`]: 1,
      applicationRejected: 1,
      candidateHired: 1,
    });
  });
});
