import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import {
  startAutopilotHarness,
  syncedBusiestJob,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// The demo as `npm start` runs it: the sandbox's default tenant (seed 1, 300 people) read through the
// real source, train and score activities. Its seeded resumes put people above the default approval
// threshold (70) and far below it.
describe('the demo tenant through the match activities', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness({ candidates: 300, seed: 1 });
    // The open job with the most applicants in the sandbox.
    jobId = await syncedBusiestJob(h);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('sources resumes and scores a spread: several strong, several weak', async () => {
    const activities = createActivities({ db: h.db, harvest: async () => h.harvest });
    const sourced = await activities.sourceCandidates({ jobId });
    const { profileVersion } = await activities.trainJobProfile({ jobId });
    await activities.scoreBatch({ jobId, profileVersion, limit: 500 });

    const rows = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select(['jp.score', 'p.resume_text'])
      .where('jp.job_id', '=', jobId)
      .execute();
    const scores = rows.map((r) => r.score ?? 0).sort((a, b) => b - a);
    console.info(
      JSON.stringify({
        jobId,
        sourced: sourced.newPeople,
        withResume: rows.filter((r) => r.resume_text).length,
        atLeast70: scores.filter((s) => s >= 70).length,
        below40: scores.filter((s) => s < 40).length,
        scores,
      }),
    );
    expect(rows.filter((r) => r.resume_text).length).toBeGreaterThan(rows.length / 2);
    expect(scores.filter((s) => s >= 70).length).toBeGreaterThanOrEqual(3);
    expect(scores.filter((s) => s < 40).length).toBeGreaterThanOrEqual(3);
  });
});
