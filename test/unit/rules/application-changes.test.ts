// Unreject, transfer to another job, make a prospect a candidate: what validation asks of the admin, and
// what evaluation decides (or skips, and why) from where the person stands in Greenhouse.
import { describe, expect, it } from 'vitest';
import { describeAction, evaluate, validateFlow, type ValidationIssue } from '../../../rules/index';
import {
  advance,
  convertToCandidate,
  exportAsCandidate,
  exportAsProspect,
  flowOf,
  ghStage,
  moveTo,
  reject,
  transferTo,
  trigger,
  unreject,
} from './fixtures/build-flow';
import { JOB_ID, OTHER_JOBS, REJECTION_REASONS, STAGES, jobContext } from './fixtures/job';
import { applicant, person, planFor } from './fixtures/plans';

const matched = { type: 'personMatched' as const, score: 80 };
const rejectedHere = { type: 'applicationRejected' as const, rejectionReasonId: null };
const platform = OTHER_JOBS.platform;

function errors(issues: ValidationIssue[]) {
  return issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path, i.message]);
}

const rejectedApplicant = () =>
  person({
    greenhouse: {
      presence: 'applicant',
      onThisJob: true,
      applicationId: 9001,
      currentStageId: STAGES.phoneScreen.id,
      status: 'rejected',
    },
  });

const prospectHere = (status: 'in_process' | 'rejected' = 'in_process') =>
  person({
    greenhouse: { presence: 'prospect', onThisJob: true, applicationId: 9100, currentStageId: null, status },
  });

describe('unreject', () => {
  it('a rejected applicant is unrejected, and the Why text names the step', () => {
    const plan = planFor(flowOf(trigger.applicationRejected(), [unreject()]));
    const { decisions } = evaluate(plan, rejectedHere, rejectedApplicant());
    expect(decisions).toEqual([
      {
        type: 'unreject',
        nodeId: 'n1',
        because: 'Application rejected in Greenhouse → unreject, back to the stage it was rejected from',
        applicationId: 9001,
      },
    ]);
  });

  it('an active application is left alone, saying so in the trace', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [unreject()]));
    const { decisions, trace } = evaluate(plan, matched, applicant(STAGES.onsite.id));
    expect(decisions).toEqual([]);
    expect(trace.entries.at(-1)).toMatchObject({
      outcome: 'skipped',
      text: 'Skipped "unreject, back to the stage it was rejected from": the application is not rejected (active), nothing to undo',
    });
  });

  it('a reject decided earlier in the flow can be undone by a later step; nobody in Greenhouse is skipped', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        exportAsCandidate(ghStage(STAGES.applicationReview.id)),
        reject(REJECTION_REASONS.lacksSkills.id),
        unreject(),
      ]),
    );
    expect(evaluate(plan, matched, person()).decisions.map((d) => d.type)).toEqual([
      'export',
      'reject',
      'unreject',
    ]);
    const alone = planFor(flowOf(trigger.personMatched(), [unreject()]));
    expect(evaluate(alone, matched, person()).decisions).toEqual([]);
  });
});

describe('transfer to another job', () => {
  it('moves the application to the chosen job and stage, guarded by the stage it was in', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [transferTo(platform.id, platform.stages[1]!.id), advance()]),
    );
    const { decisions, trace } = evaluate(plan, matched, applicant(STAGES.phoneScreen.id));
    expect(decisions).toEqual([
      {
        type: 'transfer',
        nodeId: 'n1',
        because: 'Matched with score 80 → transfer to "Platform Engineer" at "Hiring Manager Screen"',
        applicationId: 9001,
        fromStageId: STAGES.phoneScreen.id,
        toJobId: platform.id,
        toJobName: 'Platform Engineer',
        toStageId: 202,
        toStageName: 'Hiring Manager Screen',
      },
    ]);
    // The application belongs to the other job now: an advance on this job has nothing to act on.
    expect(trace.entries.at(-1)?.text).toBe(
      'Skipped "advance to the next stage": no application on this job to advance (transferred to "Platform Engineer" just before)',
    );
  });

  it('a rejected application or a prospect is not transferred', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [transferTo(platform.id, 201)]));
    expect(evaluate(plan, matched, rejectedApplicant()).trace.entries.at(-1)?.text).toContain(
      'the application is rejected; only an active one can be transferred',
    );
    expect(evaluate(plan, matched, prospectHere()).decisions).toEqual([]);
  });

  it('asks for a job and a stage of that job, and refuses this same job or an unknown one', () => {
    const check = (jobId: number | null, stageId: number | null) =>
      errors(validateFlow(flowOf(trigger.personMatched(), [transferTo(jobId, stageId)]), jobContext()));
    expect(check(null, null)).toEqual([
      [
        'job-missing',
        'data.jobId',
        '“Transfer to another job (not chosen yet)” has no job chosen: choose the job to transfer to.',
      ],
    ]);
    expect(check(platform.id, null)).toEqual([
      [
        'stage-missing',
        'data.stageId',
        '“Transfer to "Platform Engineer" (stage not chosen yet)” has no stage chosen: choose the stage of the other job the person should land in.',
      ],
    ]);
    expect(check(JOB_ID, STAGES.offer.id)).toMatchObject([
      ['job-missing', 'data.jobId', expect.stringContaining('this same job')],
    ]);
    expect(check(9999, 1)).toMatchObject([
      ['job-missing', 'data.jobId', expect.stringContaining('choose one of "Platform Engineer"')],
    ]);
    // A stage of this job is not a stage of the other one.
    expect(check(platform.id, STAGES.offer.id)).toMatchObject([
      ['stage-missing', 'data.stageId', expect.stringContaining('not a stage of "Platform Engineer"')],
    ]);
    expect(check(platform.id, 202)).toEqual([]);
  });

  it('warns about a closed job and an inactive stage, and needs the move scope', () => {
    const warnings = (jobId: number, stageId: number, granted?: string[]) =>
      validateFlow(
        flowOf(trigger.personMatched(), [transferTo(jobId, stageId)]),
        jobContext(granted ? { grantedScopes: granted } : {}),
      ).map((i) => [i.severity, i.code]);
    expect(warnings(OTHER_JOBS.archived.id, 301)).toEqual([['warning', 'job-not-open']]);
    expect(warnings(platform.id, 203)).toEqual([['warning', 'stage-inactive']]);
    expect(warnings(platform.id, 202, [])).toEqual([['error', 'scope-missing']]);
  });

  it('describes the chosen job and stage by name', () => {
    expect(describeAction({ kind: 'transferToJob', jobId: platform.id, stageId: 202 }, jobContext())).toBe(
      'transfer to "Platform Engineer" at "Hiring Manager Screen"',
    );
  });
});

describe('make a prospect a candidate', () => {
  it('a prospect on this job becomes a candidate, at the chosen stage; later steps act on the new application', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        convertToCandidate(ghStage(STAGES.phoneScreen.id)),
        moveTo(ghStage(STAGES.onsite.id)),
      ]),
    );
    const { decisions } = evaluate(plan, matched, prospectHere());
    expect(decisions).toEqual([
      {
        type: 'convert',
        nodeId: 'n1',
        because: 'Matched with score 80 → make a candidate for this job, at "Phone Screen"',
        applicationId: 9100,
        toStageId: STAGES.phoneScreen.id,
        toStageName: 'Phone Screen',
      },
      expect.objectContaining({ type: 'move', applicationId: null, fromStageId: STAGES.phoneScreen.id }),
    ]);
  });

  it("no stage chosen: the job's first stage, and the move after it is not guarded by a stage nobody knows", () => {
    const plan = planFor(flowOf(trigger.personMatched(), [convertToCandidate(), advance()]));
    const { decisions } = evaluate(plan, matched, prospectHere());
    expect(decisions).toMatchObject([
      {
        type: 'convert',
        toStageId: null,
        toStageName: null,
        because: expect.stringContaining("the job's first stage"),
      },
      { type: 'advance', applicationId: null, fromStageId: null },
    ]);
  });

  it('a prospect exported just before is converted (the activity finds the new prospect application)', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [exportAsProspect(null), convertToCandidate()]));
    expect(evaluate(plan, matched, person()).decisions).toMatchObject([
      { type: 'export', as: 'prospect' },
      { type: 'convert', applicationId: null },
    ]);
  });

  it('applicants, people not in Greenhouse, prospects elsewhere and rejected prospects are skipped, each saying why', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [convertToCandidate()]));
    const why = (facts: ReturnType<typeof person>) => {
      const result = evaluate(plan, matched, facts);
      expect(result.decisions).toEqual([]);
      return result.trace.entries.at(-1)?.text;
    };
    expect(why(applicant(STAGES.phoneScreen.id))).toContain('already a candidate on this job');
    expect(why(person())).toContain('not a prospect for this job in Greenhouse');
    expect(
      why(person({ greenhouse: { presence: 'prospect', onThisJob: false, applicationId: 9100 } })),
    ).toContain('not a prospect for this job in Greenhouse');
    expect(why(prospectHere('rejected'))).toContain('the prospect is rejected');
  });

  it('a chosen stage must be a stage of this job', () => {
    const issues = validateFlow(
      flowOf(trigger.personMatched(), [convertToCandidate(ghStage(202))]),
      jobContext(),
    );
    expect(errors(issues)).toMatchObject([['stage-missing', 'data.stage', expect.any(String)]]);
    expect(
      errors(validateFlow(flowOf(trigger.personMatched(), [convertToCandidate()]), jobContext())),
    ).toEqual([]);
  });
});
