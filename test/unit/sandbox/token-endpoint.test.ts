import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../greenhouse/support/sandbox-fixture';

describe('the sandbox token endpoint', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ tokenRateLimit: { limit: 20, windowSeconds: 60 } });
  });
  afterAll(() => t.close());

  const requestToken = (
    body: string,
    credentials = `${t.sandbox.demoCredentials.clientId}:${t.sandbox.demoCredentials.clientSecret}`,
  ) =>
    fetch(t.sandbox.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    });

  it('issues {token_type, access_token, expires_at} with an ISO expiry and no expires_in', async () => {
    const response = await requestToken('grant_type=client_credentials');
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_at', 'token_type']);
    expect(Date.parse(body.expires_at as string)).toBeGreaterThan(Date.now() + 3_500_000);
    expect((body.access_token as string).split('.')).toHaveLength(3);
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const response = await requestToken('grant_type=client_credentials', 'pilothouse-demo:wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses another grant type and an unknown sub with 400', async () => {
    const grant = await requestToken('grant_type=password');
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const sub = await requestToken('grant_type=client_credentials&sub=999');
    expect(sub.status).toBe(400);
    expect(await sub.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('has its own rate window', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await requestToken('grant_type=client_credentials')).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
  });
});
