import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WebhookPayloadError,
  signWebhookBody,
  translateWebhook,
  verifyWebhookSignature,
} from '../../../greenhouse';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';
import { startWebhookReceiver } from './support/webhook-receiver';

describe('verifying a webhook signature', () => {
  const secret = 'whsec-test';
  const body = Buffer.from('{"action":"candidate_stage_change","payload":{"application":{"id":1}}}');

  it('accepts the HMAC-SHA256 of the raw bytes', () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, secret), secret)).toBe(true);
  });

  it('refuses a body changed by a single byte', () => {
    const tampered = Buffer.from(body.toString().replace('"id":1', '"id":2'));
    expect(verifyWebhookSignature(tampered, signWebhookBody(body, secret), secret)).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, 'someone-else'), secret)).toBe(false);
  });

  it('refuses a missing, malformed or truncated header', () => {
    const valid = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(body, undefined, secret)).toBe(false);
    expect(verifyWebhookSignature(body, valid.replace('sha256 ', 'sha1 '), secret)).toBe(false);
    expect(verifyWebhookSignature(body, valid.slice(0, -2), secret)).toBe(false);
    expect(verifyWebhookSignature(body, valid, '')).toBe(false);
  });

  it('compares the raw bytes, so re-serialised JSON does not verify', () => {
    const spaced = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    expect(verifyWebhookSignature(spaced, signWebhookBody(body, secret), secret)).toBe(false);
  });
});

describe('translating v1-shaped webhooks into the v3 model', () => {
  it('reads a stage change: current_stage becomes the job interview stage, active becomes in_process', () => {
    const event = translateWebhook({
      action: 'candidate_stage_change',
      payload: {
        application: {
          id: 71,
          status: 'active',
          prospect: false,
          applied_at: '2026-05-01T10:00:00Z',
          current_stage: { id: 6000003, name: 'Technical Interview', interviews: [] },
          jobs: [{ id: 4000001, name: 'Senior Backend Engineer' }],
          source: { id: 70001, public_name: 'Pilothouse' },
          candidate: {
            id: 9,
            first_name: 'Ada',
            last_name: 'Quinn',
            email_addresses: [{ value: 'ada@example.com', type: 'personal' }],
            social_media_addresses: [{ value: 'linkedin.com/in/ada' }],
            recruiter: { id: 1000002, name: 'Priya Natarajan' },
          },
        },
      },
    });
    expect(event).toMatchObject({
      kind: 'application_changed',
      application: {
        id: 71,
        candidate_id: 9,
        job_id: 4000001,
        status: 'in_process',
        job_interview_stage_id: 6000003,
        stage_name: 'Technical Interview',
        stage_id: null,
        source_id: 70001,
        recruiter_id: 1000002,
      },
      candidate: { id: 9, email_addresses: [{ value: 'ada@example.com', type: 'personal' }] },
    });
  });

  it('names the action and the field when a payload misses something we need', () => {
    expect(() =>
      translateWebhook({
        action: 'reject_candidate',
        payload: { application: { id: 1, status: 'rejected' } },
      }),
    ).toThrow(/reject_candidate.*application\.candidate/);
    expect(() => translateWebhook({ action: 'job_updated', payload: {} })).toThrow(WebhookPayloadError);
  });

  it('passes unknown actions through as unsupported instead of failing the delivery', () => {
    expect(translateWebhook({ action: 'offer_created', payload: { offer: { id: 1 } } })).toEqual({
      kind: 'unsupported',
      action: 'offer_created',
    });
  });

  it('reads deletions whose payload is only an id', () => {
    expect(
      translateWebhook({ action: 'delete_application', payload: { application: { id: 5 } } }),
    ).toMatchObject({
      kind: 'application_deleted',
      applicationId: 5,
    });
    expect(translateWebhook({ action: 'delete_candidate', payload: { person: { id: 8 } } })).toMatchObject({
      kind: 'candidate_removed',
      candidateId: 8,
    });
  });
});

describe('webhooks the sandbox sends, read by our verifier and translator', () => {
  let t: TestSandbox;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const secret = 'pilothouse-test-secret';
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestSandbox({ webhookTargets: [{ url: receiver.url, secretKey: secret }] });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('verifies and translates every event of an application lifecycle', async () => {
    const state = t.sandbox.runtime.state;
    const job = state.jobs.find((j) => j.status === 'open' && !j.confidential);
    const { application } = await t.client().createCandidate({
      first_name: 'Wes',
      last_name: 'Hook',
      application: { job_id: job?.id as number },
    });
    const id = application?.id as number;
    await t.control('POST', `/recruiter/applications/${id}/move`, {});
    await t.control('POST', `/recruiter/applications/${id}/reject`, {});
    await t.control('POST', `/recruiter/applications/${id}/unreject`, {});
    await t.control('POST', '/recruiter/jobs', { name: 'Webhook Engineer' });
    await receiver.waitFor(5);

    const events = receiver.received.map((delivery) => {
      expect(verifyWebhookSignature(delivery.rawBody, delivery.signature, secret)).toBe(true);
      return translateWebhook(JSON.parse(delivery.rawBody.toString('utf8')));
    });
    // Greenhouse sends each event on its own request and does not promise the order they arrive in
    // (the sandbox's deliveries race the same way), so events are read by what they are, not where.
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'new_candidate_application',
        'candidate_stage_change',
        'reject_candidate',
        'unreject_candidate',
        'job_created',
      ].sort(),
    );
    const byAction = (action: string) => events.find((e) => e.action === action);
    const stageChange = byAction('candidate_stage_change');
    expect(stageChange?.kind === 'application_changed' && stageChange.application).toMatchObject({
      id,
      job_id: job?.id,
      status: 'in_process',
      job_interview_stage_id: state.applications.find((a) => a.id === id)?.job_interview_stage_id,
    });
    const rejection = byAction('reject_candidate');
    expect(rejection?.kind === 'application_changed' && rejection.application.status).toBe('rejected');
    expect(byAction('job_created')).toMatchObject({
      kind: 'job_changed',
      job: { name: 'Webhook Engineer', status: 'open' },
    });
  });
});
