import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../rules/index';
import {
  flowOf,
  fromUser,
  ghStage,
  mappedStage,
  notifyInApp,
  notifyWebhook,
  requestApproval,
  approval,
  stop,
  tag,
  trigger,
  exportAsCandidate,
} from './fixtures/build-flow';
import { STAGES, USERS } from './fixtures/job';
import { applicant, person, planFor } from './fixtures/plans';

describe('triggers: which events start a flow', () => {
  it('a person matched to the job starts a "person matched" flow', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [tag('auto-matched')]));
    const { decisions, trace } = evaluate(plan, { type: 'personMatched', score: 64 }, person());
    expect(decisions.map((d) => d.type)).toEqual(['tag']);
    expect(trace.start).toBe('trigger');
    expect(trace.entries[0]!.text).toBe('Matched with score 64');
  });

  it('a recruiter approving someone starts a flow triggered by approvals, but a rejection does not', () => {
    const plan = planFor(flowOf(trigger.approvalDecided('approved'), [exportAsCandidate()]));
    const approved = evaluate(
      plan,
      { type: 'approvalDecided', outcome: 'approved', decidedBy: { userId: 7, name: 'Riley' } },
      person(),
    );
    expect(approved.decisions).toMatchObject([{ type: 'export', stageName: 'Application Review' }]);
    expect(approved.decisions[0]!.because).toBe(
      'Riley approved → export to Greenhouse as a candidate at "Application Review"',
    );

    const declined = evaluate(
      plan,
      { type: 'approvalDecided', outcome: 'rejected', decidedBy: { userId: 7, name: 'Riley' } },
      person(),
    );
    expect(declined.decisions).toEqual([]);
    expect(declined.trace.start).toBe('none');
  });

  it('a flow for "either" decision hears both approvals and rejections', () => {
    const plan = planFor(flowOf(trigger.approvalDecided('either'), [tag('decided', 'pilothouse')]));
    for (const outcome of ['approved', 'rejected'] as const) {
      const { decisions } = evaluate(plan, { type: 'approvalDecided', outcome, decidedBy: null }, person());
      expect(decisions).toHaveLength(1);
    }
  });

  it('a reply to outreach starts a flow waiting for replies, and an interested reply counts as a reply', () => {
    const plan = planFor(flowOf(trigger.outreach('replied'), [exportAsCandidate()]));
    expect(evaluate(plan, { type: 'outreachEvent', event: 'replied' }, person()).decisions).toHaveLength(1);
    expect(
      evaluate(plan, { type: 'outreachEvent', event: 'repliedInterested' }, person()).decisions,
    ).toHaveLength(1);
    expect(evaluate(plan, { type: 'outreachEvent', event: 'addedToSequence' }, person()).decisions).toEqual(
      [],
    );
  });

  it('being added to a sequence only starts a flow that asks for it', () => {
    const plan = planFor(flowOf(trigger.outreach('addedToSequence'), [tag('in-sequence', 'pilothouse')]));
    expect(
      evaluate(plan, { type: 'outreachEvent', event: 'addedToSequence' }, person()).decisions,
    ).toHaveLength(1);
    expect(evaluate(plan, { type: 'outreachEvent', event: 'replied' }, person()).decisions).toEqual([]);
  });

  it('a move from Phone Screen to Onsite starts a flow watching that move, and no other move does', () => {
    const plan = planFor(
      flowOf(trigger.stageChanged(mappedStage('phoneScreen'), ghStage(STAGES.onsite.id)), [
        notifyInApp(fromUser(USERS.riley.id), '{{name}} is going onsite'),
      ]),
    );
    const moved = evaluate(
      plan,
      { type: 'stageChanged', fromStageId: STAGES.phoneScreen.id, toStageId: STAGES.onsite.id },
      applicant(STAGES.onsite.id),
    );
    expect(moved.trace.entries[0]!.text).toBe('Moved from "Phone Screen" to "Onsite Interview"');
    expect(moved.decisions).toMatchObject([{ type: 'notify', message: '{{name}} is going onsite' }]);

    const otherMove = evaluate(
      plan,
      { type: 'stageChanged', fromStageId: STAGES.applicationReview.id, toStageId: STAGES.onsite.id },
      applicant(STAGES.onsite.id),
    );
    expect(otherMove.decisions).toEqual([]);
  });

  it('a stage-change flow with no stages chosen hears every move', () => {
    const plan = planFor(flowOf(trigger.stageChanged(null, null), [tag('moved', 'pilothouse')]));
    const { decisions } = evaluate(
      plan,
      { type: 'stageChanged', fromStageId: null, toStageId: STAGES.offer.id },
      applicant(STAGES.offer.id),
    );
    expect(decisions).toHaveLength(1);
  });

  it('an application rejected in Greenhouse starts the flow that tags it', () => {
    const plan = planFor(flowOf(trigger.applicationRejected(), [tag('silver-medalist')]));
    const { decisions } = evaluate(
      plan,
      { type: 'applicationRejected', rejectionReasonId: 301 },
      applicant(103),
    );
    expect(decisions).toMatchObject([{ type: 'tag', tag: 'silver-medalist', where: 'greenhouse' }]);
  });

  it('a hire starts the flow that tells the team', () => {
    const plan = planFor(
      flowOf(trigger.candidateHired(), [
        notifyWebhook('https://hooks.example.com/hired', '{{name}} was hired'),
      ]),
    );
    const { decisions } = evaluate(plan, { type: 'candidateHired' }, applicant(STAGES.offer.id));
    expect(decisions).toMatchObject([
      {
        type: 'notify',
        target: { type: 'webhook', url: 'https://hooks.example.com/hired' },
        message: '{{name}} was hired',
      },
    ]);
  });

  it('a job opening starts a job-level flow with no person in it', () => {
    const plan = planFor(
      flowOf(trigger.jobOpened(), [notifyInApp(fromUser(USERS.sam.id), 'Job {{jobId}} is open')]),
    );
    expect(plan.subject).toBe('job');
    const { decisions } = evaluate(plan, { type: 'jobOpened' }, { now: '2025-03-10T09:00:00Z' });
    expect(decisions).toMatchObject([{ type: 'notify', message: 'Job 4001 is open' }]);
  });

  it('a job closing starts the flow for closed jobs, not the one for opened jobs', () => {
    const closed = planFor(flowOf(trigger.jobClosed(), [stop('Job closed')]));
    const opened = planFor(flowOf(trigger.jobOpened(), [stop('Job opened')]));
    expect(evaluate(closed, { type: 'jobClosed' }, { now: '2025-03-10T09:00:00Z' }).decisions).toHaveLength(
      1,
    );
    expect(evaluate(opened, { type: 'jobClosed' }, { now: '2025-03-10T09:00:00Z' }).decisions).toEqual([]);
  });

  it('Sam pressing "Export to Greenhouse" exports without asking for another approval', () => {
    const plan = planFor(flowOf(trigger.manualExportRequested(), [exportAsCandidate()]));
    const { decisions, trace } = evaluate(
      plan,
      { type: 'manualExportRequested', requestedBy: { userId: 8, name: 'Sam' } },
      person(),
    );
    expect(decisions).toMatchObject([{ type: 'export', as: 'candidate' }]);
    expect(trace.entries[0]!.text).toBe('Sam asked to export to Greenhouse');
  });

  it('an event a flow does not listen to leaves a trace saying why nothing happened', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [tag('x', 'pilothouse')]));
    const { decisions, trace } = evaluate(plan, { type: 'candidateHired' }, person());
    expect(decisions).toEqual([]);
    expect(trace.summary).toBe(
      'Not started: this flow runs "When a person is matched to the job"; the event was "Hired".',
    );
  });

  it('an approval decision for a request made by this plan carries on from that request', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        approval(requestApproval(fromUser(USERS.riley.id)), [exportAsCandidate()], [stop()], 'ask'),
      ]),
    );
    const first = evaluate(plan, { type: 'personMatched', score: 90 }, person());
    const request = first.decisions[0]!;
    if (request.type !== 'requestApproval') throw new Error('expected an approval request');
    const after = evaluate(
      plan,
      {
        type: 'approvalDecided',
        outcome: 'approved',
        decidedBy: { userId: 7, name: 'Riley' },
        resume: request.resume,
      },
      person(),
    );
    expect(after.trace.start).toBe('resume');
    expect(after.decisions).toMatchObject([{ type: 'export', nodeId: 'n1' }]);
  });
});
