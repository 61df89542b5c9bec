import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../greenhouse';
import type { DeliveryRecord } from '../../../sandbox';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';
import { startWebhookReceiver } from '../greenhouse/support/webhook-receiver';

describe('webhooks the sandbox sends', () => {
  let t: TestSandbox | undefined;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  afterEach(async () => {
    await t?.close();
    await receiver?.close();
    t = undefined;
    receiver = undefined;
  });

  const secret = 'delivery-test-secret';
  async function setUp(answers: number[] = [], maxAttempts = 6) {
    receiver = await startWebhookReceiver(answers);
    t = await startTestSandbox({ webhookTargets: [{ url: receiver.url, secretKey: secret, maxAttempts }] });
    return { t, receiver };
  }
  const someApplication = (sandbox: TestSandbox) =>
    sandbox.sandbox.runtime.state.applications.find((a) => a.status === 'in_process' && !a.prospect);
  const flush = (sandbox: TestSandbox) => sandbox.control('POST', '/webhooks/flush');

  it('delivers a signed candidate_stage_change with a Greenhouse-Event-ID', async () => {
    const { t, receiver } = await setUp();
    const application = someApplication(t);
    await t.control('POST', `/recruiter/applications/${application?.id}/move`, {});
    await receiver.waitFor(1);

    const [delivery] = receiver.received;
    expect(delivery?.action).toBe('candidate_stage_change');
    expect(delivery?.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(verifyWebhookSignature(delivery?.rawBody as Buffer, delivery?.signature, secret)).toBe(true);
    const body = JSON.parse(delivery?.rawBody.toString() ?? '{}') as {
      payload: { application: Record<string, unknown> };
    };
    expect(body.payload.application).toMatchObject({ id: application?.id, status: 'active' });
    expect(body.payload.application.current_stage).toMatchObject({ name: expect.any(String) });
    expect(body.payload.application.candidate).toMatchObject({ id: application?.candidate_id });
  });

  it('retries a failing endpoint with the same event id until it answers 2xx', async () => {
    const { t, receiver } = await setUp([500, 503]);
    await t.control('POST', `/recruiter/applications/${someApplication(t)?.id}/reject`, {});
    await receiver.waitFor(3);
    await flush(t);

    const ids = receiver.received.map((d) => d.eventId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    const log = await t.control<DeliveryRecord[]>('GET', '/webhook-deliveries');
    expect(log.map((d) => [d.attempt, d.outcome, d.status])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 503],
      [3, 'delivered', 200],
    ]);
  });

  it('gives up after max_attempts', async () => {
    const { t, receiver } = await setUp([500, 500, 500, 500], 2);
    await t.control('POST', `/recruiter/applications/${someApplication(t)?.id}/reject`, {});
    await receiver.waitFor(2);
    await flush(t);
    expect(receiver.received).toHaveLength(2);
    const log = await t.control<DeliveryRecord[]>('GET', '/webhook-deliveries');
    expect(log.at(-1)).toMatchObject({ attempt: 2, outcome: 'gave_up' });
  });

  it('duplicates deliveries on request, with the same event id, so receivers must dedupe', async () => {
    const { t, receiver } = await setUp();
    await t.control('PUT', '/faults', { webhookDuplicateRate: 1 });
    await t.control('POST', `/recruiter/applications/${someApplication(t)?.id}/move`, {});
    await receiver.waitFor(2);
    await flush(t);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.eventId).toBe(receiver.received[1]?.eventId);
    expect(receiver.received[0]?.rawBody.equals(receiver.received[1]?.rawBody as Buffer)).toBe(true);
  });

  it('drops events on request and records that it did', async () => {
    const { t, receiver } = await setUp();
    await t.control('PUT', '/faults', { webhookDropRate: 1 });
    await t.control('POST', `/recruiter/applications/${someApplication(t)?.id}/move`, {});
    await flush(t);
    expect(receiver.received).toHaveLength(0);
    const log = await t.control<DeliveryRecord[]>('GET', '/webhook-deliveries');
    expect(log).toMatchObject([{ outcome: 'dropped', action: 'candidate_stage_change' }]);
  });

  it('sends each target only the events it subscribed to', async () => {
    const { t, receiver } = await setUp();
    const other = await startWebhookReceiver();
    try {
      await t.control('POST', '/webhook-targets', {
        url: other.url,
        secret_key: 'other',
        events: ['hire_candidate'],
      });
      await t.control('POST', `/recruiter/applications/${someApplication(t)?.id}/move`, {});
      await receiver.waitFor(1);
      await flush(t);
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
