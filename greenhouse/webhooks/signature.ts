import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `Signature` header value Greenhouse sends: `sha256 <hex HMAC-SHA256 of the raw body>`. */
export function signWebhookBody(rawBody: Buffer | string, secret: string): string {
  return `sha256 ${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Checks a delivery before anything parses it. The HMAC covers the raw bytes as received — a
 * re-serialised JSON body would not match — and the comparison is constant-time so the header
 * cannot be guessed byte by byte.
 */
export function verifyWebhookSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const match = /^\s*sha256[ =]([0-9a-f]{64})\s*$/i.exec(header);
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}
