import { HttpError, json, type Reply } from '../http/reply';
import { rateLimitHeaders } from '../rate-window';
import type { SandboxRuntime } from '../runtime';
import { byId } from '../state/types';

/** RFC 6749 error bodies: `{"error":"invalid_client"}` with 400/401. */
function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): HttpError {
  return new HttpError(status, { error, error_description: description }, headers);
}

/**
 * `POST /token`: client credentials with HTTP Basic, optional `sub` (the Greenhouse user to act
 * as). Answers `{token_type, access_token, expires_at}` — an ISO timestamp, no `expires_in`.
 */
export async function handleTokenRequest(
  rt: SandboxRuntime,
  authorization: string | undefined,
  rawBody: Buffer,
): Promise<Reply> {
  await rt.faults.delay();
  if (rt.faults.settings.tokenOutage) {
    throw oauthError(503, 'temporarily_unavailable', 'The authorization server is temporarily unavailable.');
  }
  const window = rt.tokenWindow.take();
  if (!window.allowed) {
    throw oauthError(429, 'rate_limit_exceeded', 'Too many token requests.', {
      'retry-after': String(window.retryAfterSeconds),
      ...rateLimitHeaders(window),
    });
  }

  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  const decoded = basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const clientId = separator > 0 ? decoded.slice(0, separator) : '';
  const clientSecret = separator > 0 ? decoded.slice(separator + 1) : '';
  const credential = rt.credentials.find((c) => c.client_id === clientId && c.client_secret === clientSecret);
  if (!credential) {
    throw oauthError(401, 'invalid_client', 'Client authentication failed.', {
      'www-authenticate': 'Basic realm="greenhouse"',
    });
  }

  const form = new URLSearchParams(rawBody.toString('utf8'));
  const grantType = form.get('grant_type');
  if (!grantType) throw oauthError(400, 'invalid_request', 'grant_type is required.');
  if (grantType !== 'client_credentials') {
    throw oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported.`);
  }
  const rawSub = form.get('sub');
  let sub: number | undefined;
  if (rawSub !== null && rawSub !== '') {
    sub = Number(rawSub);
    const user = Number.isInteger(sub) ? byId(rt.state.users, sub) : undefined;
    if (!user || user.deactivated) {
      throw oauthError(400, 'invalid_request', `sub ${rawSub} is not an active user of this organization.`);
    }
  }
  const { token, grant } = rt.tokens.issue(credential.client_id, sub, credential.scopes);
  return json(
    200,
    { token_type: 'Bearer', access_token: token, expires_at: new Date(grant.expiresAtMs).toISOString() },
    { 'cache-control': 'no-store' },
  );
}
