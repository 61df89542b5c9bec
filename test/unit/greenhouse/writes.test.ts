import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GreenhouseError, collect, moveApplicationFromStage, type Application } from '../../../greenhouse';
import { toApplicationFailure } from '../../../temporal/greenhouse-failure';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('writing to Greenhouse', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 3 });
  });
  afterAll(() => t.close());

  const openJob = () => {
    const job = t.sandbox.runtime.state.jobs.find((j) => j.status === 'open' && !j.confidential);
    if (!job) throw new Error('the demo tenant has no open job');
    return job;
  };
  const stagesOf = (jobId: number) =>
    t.sandbox.runtime.state.job_interview_stages
      .filter((s) => s.job_id === jobId)
      .sort((a, b) => a.sort_order - b.sort_order);

  async function newApplicant(email: string, jobId = openJob().id): Promise<Application> {
    const { application } = await t.client().createCandidate({
      first_name: 'Ada',
      last_name: 'Quinn',
      email_addresses: [{ value: email, type: 'personal' }],
      application: { job_id: jobId },
    });
    if (!application) throw new Error('no application came back');
    return application;
  }

  it('creates a candidate with a nested application on the first interview stage', async () => {
    const application = await newApplicant('ada.quinn@example.com');
    expect(application).toMatchObject({ status: 'in_process', prospect: false, job_id: openJob().id });
    expect(application.job_interview_stage_id).toBe(stagesOf(openJob().id)[0]?.id);
  });

  it('refuses a second application of the same person to the same job with 422', async () => {
    const first = await newApplicant('dup.check@example.com');
    const error = await t
      .client()
      .createApplication({ candidate_id: first.candidate_id, job_id: openJob().id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GreenhouseError);
    expect((error as GreenhouseError).status).toBe(422);
    expect((error as GreenhouseError).messages.join(' ')).toMatch(/already has an application/);
    expect(toApplicationFailure(error)).toMatchObject({ type: 'GreenhouseValidation', nonRetryable: true });
  });

  it('refuses a move from a stage the application has already left, and leaves it where it is', async () => {
    const application = await newApplicant('stale.move@example.com');
    const [first, second, third] = stagesOf(openJob().id);
    await t.control('POST', `/recruiter/applications/${application.id}/move`, { to_stage_id: second?.id });

    const error = await t
      .client()
      .moveApplication(application.id, { from_stage_id: first?.id as number, to_stage_id: third?.id })
      .catch((e: unknown) => e);

    expect((error as GreenhouseError).status).toBe(422);
    const now = await t.client().getApplication(application.id);
    expect(now?.job_interview_stage_id).toBe(second?.id);
  });

  it('moves with the stage we saw, and refuses to replay when the recruiter moved it meanwhile', async () => {
    const application = await newApplicant('guarded.move@example.com');
    const [, second, third] = stagesOf(openJob().id);
    await moveApplicationFromStage(t.client(), application, { toStageId: second?.id });
    expect((await t.client().getApplication(application.id))?.stage_name).toBe(second?.name);

    await t.control('POST', `/recruiter/applications/${application.id}/move`, { to_stage_id: third?.id });
    const error = await moveApplicationFromStage(t.client(), application, { toStageId: second?.id }).catch(
      (e: unknown) => e,
    );
    expect((error as GreenhouseError).status).toBe(422);
    expect((await t.client().getApplication(application.id))?.job_interview_stage_id).toBe(third?.id);
  });

  it('works whichever id space Greenhouse wants in from_stage_id', async () => {
    await t.control('PUT', '/settings', { move_from_stage_id: 'application_stage' });
    try {
      const application = await newApplicant('id.space@example.com');
      const [, second] = stagesOf(openJob().id);
      const result = await moveApplicationFromStage(t.client(), application, { toStageId: second?.id });
      expect(result.fromStageIdSpace).toBe('application_stage');
      expect((await t.client().getApplication(application.id))?.job_interview_stage_id).toBe(second?.id);
    } finally {
      await t.control('PUT', '/settings', { move_from_stage_id: 'job_interview_stage' });
    }
  });

  it("a transfer Greenhouse refuses for its own reason reports that reason, not the other id space's", async () => {
    const application = await newApplicant('twice.applied@example.com');
    const other = t.sandbox.runtime.state.jobs.find(
      (j) => j.status === 'open' && !j.confidential && j.id !== application.job_id,
    )!;
    await t.client().createApplication({ candidate_id: application.candidate_id, job_id: other.id });
    // A client that has had a move accepted asks once; a fresh one tries both id spaces.
    const seasoned = t.client();
    const warmUp = await newApplicant('warm.up@example.com');
    await moveApplicationFromStage(seasoned, warmUp, { toStageId: stagesOf(openJob().id)[1]?.id });
    for (const client of [seasoned, t.client()]) {
      const error = await moveApplicationFromStage(client, application, { toJobId: other.id }).catch(
        (e: unknown) => e,
      );
      expect((error as GreenhouseError).status).toBe(422);
      expect((error as GreenhouseError).message).toContain('already has an application for the job');
    }
    expect((await t.client().getApplication(application.id))?.job_id).toBe(application.job_id);
  });

  it('rejects, unrejects and hires', async () => {
    const client = t.client();
    const job = await t.control<{ id: number }>('POST', '/recruiter/jobs', { name: 'Payroll Specialist' });
    const application = await newApplicant('lifecycle@example.com', job.id);
    const reasons = await collect(client.listRejectionReasons({ include_defaults: true }));
    await client.rejectApplication(application.id, {
      rejection_reason_id: reasons[0]?.id as number,
      notes: 'Not now',
    });
    expect(await client.getApplication(application.id)).toMatchObject({
      status: 'rejected',
      rejection_reason_id: reasons[0]?.id,
    });

    await client.unrejectApplication(application.id);
    expect((await client.getApplication(application.id))?.status).toBe('in_process');

    await client.hireApplication(application.id);
    expect((await client.getApplication(application.id))?.status).toBe('hired');
  });

  it('exports a prospect into a pool and converts it to a candidate on a job', async () => {
    const client = t.client();
    const [pool] = await collect(client.listProspectPools());
    const [poolStage] = await collect(
      client.listProspectPoolStages({ prospect_pool_ids: [pool?.id as number] }),
    );
    const { application: prospect } = await client.createCandidate({
      first_name: 'Pat',
      last_name: 'Prospect',
      application: {
        prospect: true,
        prospect_pool_id: pool?.id,
        prospect_pool_stage_id: poolStage?.id,
        job_ids: [openJob().id],
      },
    });
    expect(prospect).toMatchObject({ prospect: true, job_id: null, prospective_job_ids: [openJob().id] });
    const [detail] = await collect(client.listProspectDetails({ application_ids: [prospect?.id as number] }));
    expect(detail).toMatchObject({ pool_id: pool?.id, pool_stage_id: poolStage?.id });

    const converted = await client.convertProspect(prospect?.id as number, { job_id: openJob().id });
    expect(converted).toMatchObject({ prospect: false, job_id: openJob().id, status: 'in_process' });
    expect((await client.getApplication(prospect?.id as number))?.status).toBe('converted');
  });

  it('uploads a resume, serves it back, and turns the previous resume into "other"', async () => {
    const client = t.client();
    const application = await newApplicant('resume@example.com');
    const first = await client.createAttachment({
      application_id: application.id,
      filename: 'resume-v1.pdf',
      type: 'resume',
      content: Buffer.from('%PDF-1.4 first').toString('base64'),
    });
    const second = await client.createAttachment({
      application_id: application.id,
      filename: 'resume-v2.pdf',
      type: 'resume',
      content: Buffer.from('%PDF-1.4 second').toString('base64'),
    });
    const download = await fetch(second.url);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 second');
    const files = await collect(client.listAttachments({ application_ids: [application.id] }));
    expect(files.find((f) => f.id === first.id)?.type).toBe('other');
    expect(files.find((f) => f.id === second.id)?.type).toBe('resume');
  });

  it('adds a note written as "private" and read back as "privately_visible"', async () => {
    const client = t.client();
    const application = await newApplicant('note@example.com');
    const note = await client.createNote({
      candidate_id: application.candidate_id,
      application_id: application.id,
      body: 'Matched 4 of 5 requirements.',
      visibility: 'private',
      note_type: 'NOTE',
    });
    expect(note).toMatchObject({ type: 'NOTE', visibility: 'privately_visible' });
    const [listed] = await collect(client.listNotes({ candidate_ids: [application.candidate_id] }));
    expect(listed?.body).toBe('Matched 4 of 5 requirements.');
  });

  it('writes custom fields as an array and reads them back as a map', async () => {
    const client = t.client();
    const application = await newApplicant('custom.fields@example.com');
    const patched = await client.patchApplication(application.id, {
      custom_fields: [{ name_key: 'pilothouse_match_score', value: 87 }],
    });
    expect(patched.custom_fields?.pilothouse_match_score).toEqual({
      name: 'Pilothouse Match Score',
      type: 'number',
      value: 87,
    });
  });

  it('refuses to send a body Greenhouse would refuse, before spending a request', async () => {
    const client = t.client();
    t.requests.length = 0;
    const error = await client
      // @ts-expect-error: a typo a caller could make from untyped data
      .createNote({ candidate_id: 1, body: 'x', visibility: 'everyone', note_type: 'NOTE' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_request', field: 'visibility', retryable: false });
    expect(t.requests).toHaveLength(0);
  });
});
