import { describe, expect, it } from 'vitest';
import { GreenhouseError, HarvestClient, HarvestRateLimiter, collect } from '../../../greenhouse';

/** A Harvest stand-in that answers every list with the given records. */
function clientAnswering(records: unknown[]) {
  const fakeFetch: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/token')) {
      return Response.json({
        token_type: 'Bearer',
        access_token: 't',
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      });
    }
    return Response.json(records, {
      headers: {
        'x-ratelimit-limit': '75',
        'x-ratelimit-remaining': '74',
        'x-ratelimit-reset': '9999999999',
      },
    });
  };
  return new HarvestClient({
    clientId: 'shape-test',
    clientSecret: 'x',
    tokenUrl: 'https://auth.shapes.test/token',
    baseUrl: 'https://harvest.shapes.test/v3',
    fetch: fakeFetch,
    rateLimiter: new HarvestRateLimiter({ requestsPerWindow: 75, windowMs: 30_000 }),
  });
}

const job = {
  id: 4000001,
  name: 'Senior Backend Engineer',
  status: 'open',
  confidential: false,
  department_id: 10001,
  office_ids: [20001],
};

describe('the shape of what Greenhouse sends', () => {
  it('tolerates fields we do not know', async () => {
    const [read] = await collect(clientAnswering([{ ...job, brand_new_field: { nested: true } }]).listJobs());
    expect(read?.name).toBe('Senior Backend Engineer');
  });

  it('names the resource, the record and the field when a required field is missing', async () => {
    const { status: _status, ...withoutStatus } = job;
    const error = (await collect(clientAnswering([withoutStatus]).listJobs()).catch(
      (e: unknown) => e,
    )) as GreenhouseError;
    expect(error).toBeInstanceOf(GreenhouseError);
    expect(error).toMatchObject({
      kind: 'invalid_response',
      resource: 'job',
      resourceId: 4000001,
      field: 'status',
      retryable: false,
    });
    expect(error.message).toContain('job 4000001');
    expect(error.message).toContain('"status" is missing');
  });

  it('refuses an enum value the document does not know', async () => {
    const error = (await collect(clientAnswering([{ ...job, status: 'archived' }]).listJobs()).catch(
      (e: unknown) => e,
    )) as GreenhouseError;
    expect(error).toMatchObject({ kind: 'invalid_response', field: 'status' });
  });

  it('refuses a list answer that is not a bare array', async () => {
    const error = await collect(clientAnswering({ jobs: [job] } as never).listJobs()).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'invalid_response', resource: 'job' });
  });
});
