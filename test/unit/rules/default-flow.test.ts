import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultFlow, evaluate, validateFlow } from '../../../rules/index';
import { JOB_ID, jobContext, STAGES } from './fixtures/job';
import { applicant, person, planFor } from './fixtures/plans';

describe('the default flow for a new job', () => {
  it('matched → score ≥ 40 → not yet an applicant here → request approval → export at the mapped stage; otherwise stop', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    expect(plan.steps.map((s) => s.text)).toEqual([
      'When a person is matched to the job',
      'Score ≥ 40',
      'Is not an applicant on this job',
      "request approval from the job's recruiter",
      'export to Greenhouse as a candidate at "Application Review"',
      'stop (Not approved)',
      'stop (Already an applicant on this job)',
      'stop (Score below 40)',
    ]);
  });

  it('does not ask anyone to approve a person who already applied to this job: exporting them would do nothing', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    const here = evaluate(plan, { type: 'personMatched', score: 95 }, applicant(STAGES.applicationReview.id));
    expect(here.decisions).toEqual([
      expect.objectContaining({ type: 'stop', reason: 'Already an applicant on this job' }),
    ]);

    // An applicant to another of the company's jobs is new to this one: approving exports them here.
    const elsewhere = person({
      greenhouse: { presence: 'applicant', onThisJob: false, applicationId: 9002, status: 'in_process' },
    });
    const asked = evaluate(plan, { type: 'personMatched', score: 95 }, elsewhere);
    const request = asked.decisions.find((d) => d.type === 'requestApproval');
    expect(request?.type).toBe('requestApproval');
    if (request?.type !== 'requestApproval') return;
    const approved = evaluate(
      plan,
      { type: 'approvalDecided', outcome: 'approved', decidedBy: null, resume: request.resume },
      elsewhere,
    );
    expect(approved.decisions.map((d) => d.type)).toEqual(['export']);
  });

  it('it passes validation against the job with nothing to acknowledge', () => {
    expect(validateFlow(createDefaultFlow({ jobId: JOB_ID }), jobContext())).toEqual([]);
  });

  it('whatever the score and whatever the approver decides, the default rules never reject anyone', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('approved', 'rejected') as fc.Arbitrary<'approved' | 'rejected'>,
        (value, outcome) => {
          const first = evaluate(plan, { type: 'personMatched', score: value }, person());
          expect(first.decisions.some((d) => d.type === 'reject')).toBe(false);
          const request = first.decisions.find((d) => d.type === 'requestApproval');
          expect(Boolean(request)).toBe(value >= 40);
          if (request?.type !== 'requestApproval') return;
          const decided = evaluate(
            plan,
            {
              type: 'approvalDecided',
              outcome,
              decidedBy: { userId: 7, name: 'Riley' },
              resume: request.resume,
            },
            person(),
          );
          expect(decided.decisions.some((d) => d.type === 'reject')).toBe(false);
          expect(decided.decisions.some((d) => d.type === 'export')).toBe(outcome === 'approved');
        },
      ),
    );
  });

  it('a job can start with its own threshold and approver', () => {
    const plan = planFor(
      createDefaultFlow({ jobId: JOB_ID, threshold: 85, approver: { kind: 'user', userId: 7 } }),
    );
    const { decisions } = evaluate(plan, { type: 'personMatched', score: 86 }, person());
    expect(decisions[0]!.because).toBe('Score 86 ≥ 85; Not in Greenhouse → request approval from Riley');
  });
});
