import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GreenhouseError, TokenProvider, collect, silentLogger } from '../../../greenhouse';
import { toApplicationFailure } from '../../../temporal/greenhouse-failure';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('OAuth client credentials against the sandbox', { timeout: 30_000 }, () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ candidates: 400 });
  });
  afterAll(() => t.close());

  const freshTokens = (clientSecret = t.sandbox.demoCredentials.clientSecret) =>
    new TokenProvider({
      tokenUrl: t.sandbox.tokenUrl,
      credential: { clientId: t.sandbox.demoCredentials.clientId, clientSecret },
      timeoutMs: 5_000,
      logger: silentLogger,
      fetch: (input, init) => {
        tokenRequests++;
        return fetch(input, init);
      },
      maxAttempts: 2,
    });
  let tokenRequests = 0;

  it('refreshes once when every token is revoked mid-pagination, and the run completes', async () => {
    const client = t.client({ tokenProvider: freshTokens() });
    tokenRequests = 0;
    t.requests.length = 0;
    let seen = 0;
    for await (const _candidate of client.listCandidates({ per_page: 50 })) {
      seen++;
      if (seen === 120) await t.control('POST', '/tokens/expire');
    }
    expect(seen).toBe(400);
    expect(tokenRequests).toBe(2);
    const statuses = t.requests.filter((r) => r.url.pathname === '/v3/candidates').map((r) => r.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(1);
  });

  it('keeps going across natural token expiry when tokens live only a second', async () => {
    await t.control('PUT', '/settings', { token_ttl_seconds: 1 });
    try {
      const client = t.client({ tokenProvider: freshTokens() });
      tokenRequests = 0;
      let seen = 0;
      for await (const _candidate of client.listCandidates({ per_page: 100 })) {
        seen++;
        // Let the token run out between pages, as a long sync would.
        if (seen % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 1_100));
      }
      expect(seen).toBe(400);
      expect(tokenRequests).toBeGreaterThanOrEqual(4);
    } finally {
      await t.control('PUT', '/settings', { token_ttl_seconds: 3600 });
    }
  });

  it('asks for one token however many requests start at once', async () => {
    const client = t.client({ tokenProvider: freshTokens() });
    tokenRequests = 0;
    const ids = t.sandbox.runtime.state.jobs.map((job) => job.id);
    await Promise.all(ids.map((id) => client.getJob(id)));
    expect(tokenRequests).toBe(1);
  });

  it('does not ping-pong when a new token revokes the old one', async () => {
    await t.control('PUT', '/settings', { revoke_previous_tokens: true });
    try {
      const tokens = freshTokens();
      const client = t.client({ tokenProvider: tokens });
      await client.getJob(t.sandbox.runtime.state.jobs[0]?.id as number);
      await t.control('POST', '/tokens/expire');
      tokenRequests = 0;
      const ids = t.sandbox.runtime.state.candidates.slice(0, 10).map((c) => c.id);
      const found = await Promise.all(ids.map((id) => client.getCandidate(id)));
      expect(found.every(Boolean)).toBe(true);
      expect(tokenRequests).toBe(1);
    } finally {
      await t.control('PUT', '/settings', { revoke_previous_tokens: false });
    }
  });

  it('acts as a Greenhouse user through the token sub', async () => {
    const jobAdmin = t.sandbox.runtime.state.users.find(
      (u) => !u.site_admin && !u.deactivated && u.department_ids?.length,
    );
    const client = t.client({ actAsUserId: jobAdmin?.id });
    const jobs = await collect(client.listJobs());
    const permitted = t.sandbox.runtime.state.user_job_permissions.filter((p) => p.user_id === jobAdmin?.id);
    expect(jobs.map((j) => j.id).sort()).toEqual(permitted.map((p) => p.job_id).sort());
  });

  it('reports a wrong secret as a final auth failure naming invalid_client, without the secret', async () => {
    const client = t.client({ tokenProvider: freshTokens('not-the-secret') });
    const error = await client.getJob(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GreenhouseError);
    const failure = error as GreenhouseError;
    expect(failure).toMatchObject({
      kind: 'token',
      status: 401,
      oauthError: 'invalid_client',
      retryable: false,
    });
    expect(failure.message).not.toContain('not-the-secret');
    expect(toApplicationFailure(error)).toMatchObject({ type: 'GreenhouseAuth', nonRetryable: true });
  });

  it('treats a token endpoint outage as retryable unavailability', async () => {
    await t.control('PUT', '/faults', { tokenOutage: true });
    try {
      const client = t.client({ tokenProvider: freshTokens() });
      const error = await client.getJob(1).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'token', status: 503, retryable: true });
      expect(toApplicationFailure(error)).toMatchObject({
        type: 'GreenhouseUnavailable',
        nonRetryable: false,
      });
    } finally {
      await t.control('DELETE', '/faults');
    }
  });
});
