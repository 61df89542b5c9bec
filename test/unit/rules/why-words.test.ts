import { describe, expect, it } from 'vitest';
import { createDefaultFlow, describeSeen, evaluate } from '../../../rules/index';
import { JOB_ID, STAGES } from './fixtures/job';
import { applicant, planFor } from './fixtures/plans';

// The Why page lists each check a person's rules made: "…: saw <what>, needed <what>". An applicant stopped by
// the default rules read "saw applicantOnThisJob" — the stored key, not words.
describe('what the Why page says a check saw', () => {
  it('names where a person stands in Greenhouse in words', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    const { trace } = evaluate(
      plan,
      { type: 'personMatched', score: 66 },
      applicant(STAGES.applicationReview.id),
    );
    const checks = trace.entries.flatMap((entry) => entry.checks);
    const presence = checks.find((check) => check.field === 'greenhousePresence');
    expect(presence && describeSeen(presence)).toBe('an applicant on this job');
    expect(checks.map(describeSeen)).toEqual(['66', 'an applicant on this job']);
  });

  it("names a requirement's level in words, and says when nothing was known", () => {
    expect(describeSeen({ field: 'requirement:Kubernetes', actual: 'notMet' })).toBe('not met');
    expect(describeSeen({ field: 'requirement:Kubernetes', actual: 'partly' })).toBe('partly met');
    expect(describeSeen({ field: 'score', actual: null })).toBe('nothing known');
  });

  it('names how a person came to the job, and the day of their last activity, not stored keys and timestamps', () => {
    expect(describeSeen({ field: 'source', actual: 'prospect_pool' })).toBe(
      'a prospect from a Greenhouse pool',
    );
    expect(describeSeen({ field: 'timeSinceLastActivity', actual: '2026-11-20T14:05:00.000Z' })).toBe(
      'last activity on 2026-11-20',
    );
  });
});
