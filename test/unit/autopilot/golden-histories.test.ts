import { describe, expect, it } from 'vitest';
import { loadHistories, replayHistories } from '../../support/replay';

// Runs recorded on the real dev server (`npm run record:histories`) replayed against today's workflow code:
// a change that would break autopilots and exports already in flight fails here, not in production.
describe('golden histories of the autopilot workflows', () => {
  it('every committed history replays against the current workflow code', async () => {
    const histories = loadHistories();
    expect(histories.map((h) => h.workflowId)).toEqual(
      expect.arrayContaining([
        'export-candidate',
        'export-candidate-education',
        'job-autopilot-approvals',
        'job-autopilot-full-cycle',
      ]),
    );
    const outcomes = await replayHistories(histories);
    const broken = outcomes.filter((o) => o.error).map((o) => `${o.workflowId}: ${o.error!.message}`);
    expect(broken).toEqual([]);
  }, 120_000);
});
