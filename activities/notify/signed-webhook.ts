import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';

/** The header receivers check: `sha256=<hex HMAC-SHA256 of the raw body with the shared secret>`. */
export const SIGNATURE_HEADER = 'X-Pilothouse-Signature';
/** The same for every attempt of one notification, so a receiver can drop a redelivery. */
export const DELIVERY_HEADER = 'X-Pilothouse-Delivery';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Posts one notification. The body is JSON with a Slack-compatible `text` field, so a Slack incoming
 * webhook URL works as is. Answers that a retry can fix (5xx, 429, network, timeout) throw a retryable
 * failure — the activity's retry policy retries them; others (4xx) are final.
 */
export async function postSignedWebhook(input: {
  url: string;
  secret: string;
  deliveryId: string;
  payload: Record<string, unknown> & { text: string };
  timeoutMs?: number;
}): Promise<{ status: number }> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw ApplicationFailure.nonRetryable(
      'The notification webhook URL is not a valid URL',
      'NotifyWebhookInvalid',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw ApplicationFailure.nonRetryable(
      'The notification webhook URL must be http(s)',
      'NotifyWebhookInvalid',
    );
  const body = JSON.stringify(input.payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [SIGNATURE_HEADER]: signBody(body, input.secret),
        [DELIVERY_HEADER]: input.deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw ApplicationFailure.retryable(
      `The notification webhook at ${url.host} did not answer (${(error as Error).name})`,
      'NotifyWebhookUnreachable',
    );
  }
  await response.body?.cancel();
  if (response.ok) return { status: response.status };
  const message = `The notification webhook at ${url.host} answered ${response.status}`;
  if (response.status >= 500 || response.status === 429)
    throw ApplicationFailure.retryable(message, 'NotifyWebhookFailed');
  throw ApplicationFailure.nonRetryable(message, 'NotifyWebhookRefused');
}
