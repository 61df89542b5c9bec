import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  GreenhouseError,
  HarvestClient,
  HarvestRateLimiter,
  collect,
  parseErrorMessages,
} from '../../../greenhouse';
import { toApplicationFailure } from '../../../temporal/greenhouse-failure';

const request = { method: 'POST', path: '/v3/applications' };
const httpError = (status: number, retryAfterMs?: number) =>
  new GreenhouseError({ kind: 'http', status, request, messages: ['said no'], retryAfterMs });

describe('turning Greenhouse errors into Temporal failures', () => {
  it.each([
    [429, 'GreenhouseRateLimited', false],
    [500, 'GreenhouseUnavailable', false],
    [503, 'GreenhouseUnavailable', false],
    [400, 'GreenhouseValidation', true],
    [422, 'GreenhouseValidation', true],
    [401, 'GreenhouseAuth', true],
    [403, 'GreenhousePermissionDenied', true],
    [404, 'GreenhouseNotFound', true],
  ] as const)('%i becomes %s (nonRetryable: %s)', (status, type, nonRetryable) => {
    const failure = toApplicationFailure(httpError(status));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type, nonRetryable });
  });

  it('carries Retry-After as the next retry delay of a rate-limited call', () => {
    expect(toApplicationFailure(httpError(429, 7_000)).nextRetryDelay).toBe(7_000);
  });

  it('treats network failures and timeouts as retryable unavailability', () => {
    for (const kind of ['network', 'timeout'] as const) {
      const error = new GreenhouseError({ kind, request });
      expect(error.retryable).toBe(true);
      expect(toApplicationFailure(error)).toMatchObject({
        type: 'GreenhouseUnavailable',
        nonRetryable: false,
      });
    }
  });

  it('keeps the request and Greenhouse messages in the failure details', () => {
    const failure = toApplicationFailure(httpError(422));
    expect(failure.details?.[0]).toMatchObject({
      status: 422,
      messages: ['said no'],
      method: 'POST',
      path: '/v3/applications',
    });
    expect(failure.cause).toBeInstanceOf(GreenhouseError);
  });

  it('keeps anything else retryable with its message, since it is our bug to fix', () => {
    expect(toApplicationFailure(new TypeError('x is undefined'))).toMatchObject({
      type: 'UnexpectedError',
      nonRetryable: false,
      message: 'x is undefined',
    });
  });
});

describe('reading error bodies defensively', () => {
  it('understands the shapes Greenhouse has been seen to send', () => {
    expect(parseErrorMessages({ errors: ['one', 'two'] })).toEqual(['one', 'two']);
    expect(parseErrorMessages({ errors: [{ message: 'is required', field: 'job_id' }] })).toEqual([
      'job_id: is required',
    ]);
    expect(parseErrorMessages({ error: 'invalid_client', error_description: 'bad secret' })).toEqual([
      'invalid_client: bad secret',
    ]);
    expect(parseErrorMessages('<html>Bad gateway</html>')).toEqual(['<html>Bad gateway</html>']);
    expect(parseErrorMessages(undefined)).toEqual([]);
  });
});

describe('what a request leaves in errors and logs', () => {
  it('never records the bearer token and masks emails in the path', async () => {
    const lines: string[] = [];
    const record = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    const fakeFetch: typeof fetch = async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/token')) {
        return Response.json({
          token_type: 'Bearer',
          access_token: 'secret-token-value',
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        });
      }
      return Response.json({ errors: ['Forbidden'] }, { status: 403 });
    };
    const client = new HarvestClient({
      clientId: 'id',
      clientSecret: 'client-secret-value',
      tokenUrl: 'https://auth.example.test/token',
      baseUrl: 'https://harvest.example.test/v3',
      fetch: fakeFetch,
      logger: { debug: record, info: record, warn: record, error: record },
      rateLimiter: new HarvestRateLimiter({ requestsPerWindow: 75, windowMs: 30_000 }),
    });
    const error = (await collect(client.listCandidates({ email: 'jane@example.com' })).catch(
      (e: unknown) => e,
    )) as GreenhouseError;

    expect(error.request.path).toBe('/v3/candidates?email=[redacted]');
    const everything = `${error.message} ${JSON.stringify(error.request)} ${lines.join('\n')}`;
    expect(lines.length).toBeGreaterThan(0);
    expect(everything).not.toContain('secret-token-value');
    expect(everything).not.toContain('client-secret-value');
    expect(everything).not.toContain('jane@example.com');
  });
});
