import { describe, expect, it } from 'vitest';
import type { DryRunCase } from '../../../rules/index';
import { createDefaultFlow, dryRun } from '../../../rules/index';
import {
  approval,
  flowOf,
  fromUser,
  moveTo,
  ghStage,
  note,
  requestApproval,
  score,
  stop,
  trigger,
  when,
  exportAsCandidate,
  reject,
  tag,
} from './fixtures/build-flow';
import { JOB_ID, STAGES } from './fixtures/job';
import { applicant, person, planFor } from './fixtures/plans';

const matched = (personId: string, value: number): DryRunCase => ({
  personId,
  event: { type: 'personMatched', score: value },
  facts: person({ personId }),
});

describe('dry run before publishing', () => {
  it("the default rules on last week's matches: three go to approval, three stop, nobody is rejected", () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    const report = dryRun(plan, [
      matched('ana', 61),
      matched('ben', 40),
      matched('cai', 39),
      matched('dee', 55),
      matched('eli', 12),
      // Applied to this job already: Greenhouse's own review has them, approving would export nothing.
      {
        personId: 'fay',
        event: { type: 'personMatched', score: 88 },
        facts: applicant(STAGES.applicationReview.id, { personId: 'fay' }),
      },
    ]);
    expect(report.total).toBe(6);
    expect(report.counts).toEqual({
      exported: 0,
      moved: 0,
      rejected: 0,
      sentForApproval: 3,
      other: 0,
      noAction: 3,
    });
    expect(report.examples.sentForApproval).toEqual([
      {
        personId: 'ana',
        because: "Score 61 ≥ 40; Not in Greenhouse → request approval from the job's recruiter",
      },
      {
        personId: 'ben',
        because: "Score 40 ≥ 40; Not in Greenhouse → request approval from the job's recruiter",
      },
      {
        personId: 'dee',
        because: "Score 55 ≥ 40; Not in Greenhouse → request approval from the job's recruiter",
      },
    ]);
    expect(report.examples.noAction.map((e) => e.personId)).toEqual(['cai', 'eli', 'fay']);
    expect(report.examples.rejected).toEqual([]);
  });

  it('a case can count as exported and moved at once, and notes alone count as "other"', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        when(
          score('gte', 90),
          [exportAsCandidate(), moveTo(ghStage(STAGES.phoneScreen.id))],
          [note('Seen at {{score}}')],
        ),
      ]),
    );
    const report = dryRun(plan, [matched('star', 95), matched('maybe', 60)]);
    expect(report.results.map((r) => [r.personId, r.outcomes])).toEqual([
      ['star', ['exported', 'moved']],
      ['maybe', ['other']],
    ]);
    expect(report.counts).toMatchObject({ exported: 1, moved: 1, other: 1, noAction: 0 });
  });

  it('rejections are counted and explained', () => {
    const plan = planFor(flowOf(trigger.approvalDecided('rejected'), [reject(301)]));
    const report = dryRun(plan, [
      {
        personId: 'fay',
        event: { type: 'approvalDecided', outcome: 'rejected', decidedBy: { userId: 7, name: 'Riley' } },
        facts: applicant(STAGES.applicationReview.id, { personId: 'fay' }),
      },
    ]);
    expect(report.counts.rejected).toBe(1);
    expect(report.examples.rejected[0]!.because).toBe(
      'Riley declined → reject ("Lacking skill(s)/qualification(s)", no email)',
    );
  });

  it('examples are capped so a dry run over thousands of people stays readable', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [approval(requestApproval(fromUser(7)), [tag('ok')], [stop()])]),
    );
    const cases = Array.from({ length: 40 }, (_, i) => matched(`p${i}`, 80));
    const report = dryRun(plan, cases, { examplesPerOutcome: 3 });
    expect(report.counts.sentForApproval).toBe(40);
    expect(report.examples.sentForApproval).toHaveLength(3);
  });
});
