import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GreenhouseError, checkScopes, requiredScopeList } from '../../../greenhouse';
import { toApplicationFailure } from '../../../temporal/greenhouse-failure';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('checking the scopes of a credential', () => {
  let t: TestSandbox;
  const limited = { clientId: 'limited-integration', clientSecret: 'limited-secret' };
  const withheld = ['harvest:applications:move', 'harvest:notes:create', 'harvest:prospect_pools:list'];

  beforeAll(async () => {
    t = await startTestSandbox({
      // Each check probes every scope (about 40 requests): two would not fit Greenhouse's 75 a window,
      // and the budget is not what these tests are about.
      rateLimit: 500,
      credentials: [{ ...limited, scopes: requiredScopeList.filter((scope) => !withheld.includes(scope)) }],
    });
  });
  afterAll(() => t.close());

  it('finds every scope of the demo credential granted', async () => {
    const result = await checkScopes(t.client());
    expect(result.missing).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.granted).toHaveLength(requiredScopeList.length);
  });

  it('names exactly the scopes a credential lacks, and creates nothing while probing', async () => {
    const before = { ...t.sandbox.runtime.state.nextIds };
    const result = await checkScopes(t.client(limited));
    expect(result.missing.sort()).toEqual([...withheld].sort());
    expect(result.granted).toHaveLength(requiredScopeList.length - withheld.length);
    expect(t.sandbox.runtime.state.nextIds).toEqual(before);
  });

  it('answers a call without its scope with a final 403 that names the scope', async () => {
    const client = t.client(limited);
    const application = t.sandbox.runtime.state.applications.find(
      (a) => a.status === 'in_process' && !a.prospect,
    );
    const error = await client
      .moveApplication(application?.id as number, {
        from_stage_id: application?.job_interview_stage_id as number,
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GreenhouseError);
    expect((error as GreenhouseError).status).toBe(403);
    expect((error as GreenhouseError).messages.join(' ')).toContain('harvest:applications:move');
    expect(toApplicationFailure(error)).toMatchObject({
      type: 'GreenhousePermissionDenied',
      nonRetryable: true,
    });
  });
});
