import { describe, expect, it } from 'vitest';
import { createDefaultFlow, preparePublication } from '../../../rules/index';
import { flowOf, reject, score, stop, trigger, when } from './fixtures/build-flow';
import { JOB_ID, jobContext } from './fixtures/job';

const riley = { userId: 7, name: 'Riley' };

describe('publishing a version', () => {
  it('the first publication of the default flow becomes version 1, not retroactive', () => {
    const result = preparePublication({
      flow: createDefaultFlow({ jobId: JOB_ID }),
      context: jobContext(),
      previous: null,
      publishedBy: riley,
      publishedAt: '2025-03-10T09:00:00Z',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.version).toMatchObject({
      flowId: 'job-4001-default',
      jobId: JOB_ID,
      version: 1,
      retroactive: false,
      publishedBy: riley,
    });
    expect(result.version.hash).toBe(result.version.plan.hash);
    expect(result.unchanged).toBe(false);
  });

  it('publishing again after a change becomes version 2 with its change list', () => {
    const first = preparePublication({
      flow: createDefaultFlow({ jobId: JOB_ID }),
      context: jobContext(),
      previous: null,
      publishedBy: riley,
      publishedAt: '2025-03-10T09:00:00Z',
    });
    if (!first.ok) throw new Error('first publication failed');
    const second = preparePublication({
      flow: createDefaultFlow({ jobId: JOB_ID, threshold: 80 }),
      context: jobContext(),
      previous: first.version,
      publishedBy: riley,
      publishedAt: '2025-03-11T09:00:00Z',
      retroactive: true,
    });
    expect(second.ok && second.version).toMatchObject({
      version: 2,
      retroactive: true,
      changes: [
        'Changed condition “Score at least 40”: Score ≥ 40 → Score ≥ 80',
        'Changed step “Stop (Score below 40)”: stop (Score below 40) → stop (Score below 80)',
      ],
    });
  });

  it('republishing the same rules is marked unchanged', () => {
    const args = { context: jobContext(), publishedBy: riley, publishedAt: '2025-03-10T09:00:00Z' };
    const first = preparePublication({ ...args, flow: createDefaultFlow({ jobId: JOB_ID }), previous: null });
    if (!first.ok) throw new Error('first publication failed');
    const again = preparePublication({
      ...args,
      flow: createDefaultFlow({ jobId: JOB_ID }),
      previous: first.version,
    });
    expect(again.ok && again.unchanged).toBe(true);
  });

  it('a flow that rejects on score alone cannot be published until an admin acknowledges it', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(score('lt', 20), [reject(301, false, 'auto-reject')], [stop()]),
    ]);
    const blocked = preparePublication({
      flow,
      context: jobContext(),
      previous: null,
      publishedBy: riley,
      publishedAt: '2025-03-10T09:00:00Z',
    });
    expect(blocked).toMatchObject({
      ok: false,
      blockers: [{ code: 'reject-without-approval', nodeId: 'auto-reject' }],
    });

    flow.acknowledgements.push({
      nodeId: 'auto-reject',
      code: 'reject-without-approval',
      acknowledgedBy: 'Riley',
      acknowledgedAt: '2025-03-10T09:00:00Z',
    });
    const allowed = preparePublication({
      flow,
      context: jobContext(),
      previous: null,
      publishedBy: riley,
      publishedAt: '2025-03-10T09:00:00Z',
    });
    expect(allowed.ok).toBe(true);
  });

  it('a version of one flow cannot follow a version of another', () => {
    const first = preparePublication({
      flow: createDefaultFlow({ jobId: JOB_ID }),
      context: jobContext(),
      previous: null,
      publishedBy: riley,
      publishedAt: '2025-03-10T09:00:00Z',
    });
    if (!first.ok) throw new Error('first publication failed');
    expect(() =>
      preparePublication({
        flow: createDefaultFlow({ jobId: JOB_ID, flowId: 'other' }),
        context: jobContext(),
        previous: first.version,
        publishedBy: riley,
        publishedAt: '2025-03-10T09:00:00Z',
      }),
    ).toThrow('Cannot publish flow "other" as a new version of flow "job-4001-default"');
  });
});
