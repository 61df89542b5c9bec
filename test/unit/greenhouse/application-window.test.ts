import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, listApplicationsChangedBetween } from '../../../greenhouse';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture';

describe('reconciling applications changed in a closed time window', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ seed: 9 });
  });
  afterAll(() => t.close());

  it('finds what a recruiter changed inside the window and nothing from before it', async () => {
    const state = t.sandbox.runtime.state;
    const target = state.applications.find((a) => a.status === 'in_process' && !a.prospect);
    const from = new Date();
    await t.control('POST', `/recruiter/applications/${target?.id}/reject`, {});
    const to = new Date(Date.now() + 1_000);

    const changed = await collect(listApplicationsChangedBetween(t.client(), { from, to }));
    expect(changed.map((a) => a.id)).toEqual([target?.id]);
    expect(changed[0]?.status).toBe('rejected');

    const earlier = await collect(
      listApplicationsChangedBetween(t.client(), {
        from: new Date(from.getTime() - 3_600_000),
        to: new Date(from.getTime() - 1),
      }),
    );
    expect(earlier.map((a) => a.id)).not.toContain(target?.id);
  });

  it('can window on last_activity_at, and sends the window as a pipe filter', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    t.requests.length = 0;
    const recent = await collect(
      listApplicationsChangedBetween(t.client(), { from, to, field: 'last_activity_at' }),
    );
    const expected = t.sandbox.runtime.state.applications.filter((a) => {
      const at = Date.parse(a.last_activity_at ?? '');
      return at >= from.getTime() && at <= to.getTime();
    });
    expect(recent.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const first = t.requests.find((r) => r.url.pathname === '/v3/applications');
    expect(first?.url.searchParams.get('last_activity_at')).toBe(
      `gte|${from.toISOString()}|lte|${to.toISOString()}`,
    );
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => listApplicationsChangedBetween(t.client(), { from: new Date(2), to: new Date(1) })).toThrow(
      RangeError,
    );
  });
});
