import { describe, expect, it } from 'vitest';
import { evaluate, fillPersonalDetails } from '../../../rules/index';
import {
  advance,
  approval,
  days,
  exportAsCandidate,
  exportAsProspect,
  flowOf,
  fromUser,
  ghStage,
  mappedStage,
  moveTo,
  note,
  notifyInApp,
  notifyWebhook,
  reject,
  requestApproval,
  score,
  stop,
  tag,
  trigger,
  wait,
  when,
} from './fixtures/build-flow';
import { POOLS, REJECTION_REASONS, STAGES, USERS } from './fixtures/job';
import { applicant, NOW, person, planFor } from './fixtures/plans';

const matched = (value: number) => ({ type: 'personMatched' as const, score: value });

describe('actions: what a rule can do', () => {
  it('a candidate scoring 82 is sent to Riley for approval', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        when(
          score('gte', 70),
          [approval(requestApproval(fromUser(USERS.riley.id)), [exportAsCandidate()], [stop()])],
          [stop()],
        ),
      ]),
    );
    const { decisions } = evaluate(plan, matched(82), person());
    expect(decisions).toEqual([
      {
        type: 'requestApproval',
        nodeId: 'n2',
        because: 'Score 82 ≥ 70 → request approval from Riley',
        approver: { kind: 'user', userId: 7, name: 'Riley' },
        timeoutMs: 2 * 86_400_000,
        onTimeout: {
          then: 'escalate',
          to: { kind: 'hiringTeam', role: 'hiringManager', name: "the job's hiring manager" },
        },
        resume: { planHash: plan.hash, nodeId: 'n2' },
      },
    ]);
  });

  it('an approved person is exported as a candidate at the stage mapped to "exported"', () => {
    const plan = planFor(
      flowOf(trigger.approvalDecided('approved'), [exportAsCandidate(mappedStage('exported'))]),
    );
    const { decisions } = evaluate(
      plan,
      { type: 'approvalDecided', outcome: 'approved', decidedBy: { userId: 7, name: 'Riley' } },
      person(),
    );
    expect(decisions).toMatchObject([
      {
        type: 'export',
        as: 'candidate',
        stageId: STAGES.applicationReview.id,
        stageName: 'Application Review',
        alreadyInGreenhouse: 'none',
      },
    ]);
  });

  it('someone already applying to this job is not exported a second time', () => {
    const plan = planFor(
      flowOf(trigger.manualExportRequested(), [exportAsCandidate(), tag('exported-by-hand')]),
    );
    const { decisions, trace } = evaluate(
      plan,
      { type: 'manualExportRequested', requestedBy: { userId: 8, name: 'Sam' } },
      applicant(STAGES.phoneScreen.id),
    );
    expect(decisions.map((d) => d.type)).toEqual(['tag']);
    expect(trace.entries[1]).toMatchObject({
      outcome: 'skipped',
      text: expect.stringContaining('already an applicant on this job'),
    });
  });

  it('a promising person is kept as a prospect in the Future Engineers pool, stage Warm', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [exportAsProspect(POOLS.futureEngineers.id, 511)]));
    const { decisions } = evaluate(plan, matched(60), person());
    expect(decisions).toMatchObject([
      {
        type: 'export',
        as: 'prospect',
        poolId: 501,
        poolName: 'Future Engineers',
        poolStageId: 511,
        poolStageName: 'Warm',
      },
    ]);
    expect(decisions[0]!.because).toBe(
      'Matched with score 60 → export to Greenhouse as a prospect in "Future Engineers", stage "Warm"',
    );
  });

  it('an applicant who replied with interest is moved from Application Review to Phone Screen, guarded by the stage they were in', () => {
    const plan = planFor(flowOf(trigger.outreach('repliedInterested'), [moveTo(mappedStage('phoneScreen'))]));
    const { decisions } = evaluate(
      plan,
      { type: 'outreachEvent', event: 'repliedInterested' },
      applicant(STAGES.applicationReview.id),
    );
    expect(decisions).toMatchObject([
      {
        type: 'move',
        applicationId: 9001,
        fromStageId: STAGES.applicationReview.id,
        toStageId: STAGES.phoneScreen.id,
        toStageName: 'Phone Screen',
      },
    ]);
  });

  it('a move to the stage the applicant is already in is skipped', () => {
    const plan = planFor(flowOf(trigger.outreach('replied'), [moveTo(ghStage(STAGES.phoneScreen.id))]));
    const { decisions, trace } = evaluate(
      plan,
      { type: 'outreachEvent', event: 'replied' },
      applicant(STAGES.phoneScreen.id),
    );
    expect(decisions).toEqual([]);
    expect(trace.entries[1]!.text).toBe('Skipped "move to "Phone Screen"": already in "Phone Screen"');
  });

  it('a person who is not in Greenhouse cannot be moved, and the trace says so', () => {
    const plan = planFor(flowOf(trigger.outreach('replied'), [moveTo(ghStage(STAGES.phoneScreen.id))]));
    const { decisions, trace } = evaluate(plan, { type: 'outreachEvent', event: 'replied' }, person());
    expect(decisions).toEqual([]);
    expect(trace.entries[1]!.outcome).toBe('skipped');
    expect(trace.entries[1]!.text).toBe(
      'Skipped "move to "Phone Screen"": no application on this job to move',
    );
  });

  it('a prospect on this job is not moved through interview stages, but can be rejected', () => {
    const prospect = person({ greenhouse: { presence: 'prospect', onThisJob: true, applicationId: 555 } });
    const moving = planFor(flowOf(trigger.outreach('replied'), [moveTo(ghStage(STAGES.phoneScreen.id))]));
    expect(evaluate(moving, { type: 'outreachEvent', event: 'replied' }, prospect).decisions).toEqual([]);
    const rejecting = planFor(
      flowOf(trigger.approvalDecided('rejected'), [reject(REJECTION_REASONS.wrongLocation.id)]),
    );
    const { decisions } = evaluate(
      rejecting,
      { type: 'approvalDecided', outcome: 'rejected', decidedBy: { userId: 7, name: 'Riley' } },
      prospect,
    );
    expect(decisions).toMatchObject([
      { type: 'reject', applicationId: 555, rejectionReasonName: 'Location' },
    ]);
  });

  it('an export followed by a move moves the new application from the stage it was exported to', () => {
    const plan = planFor(
      flowOf(trigger.manualExportRequested(), [exportAsCandidate(), moveTo(mappedStage('phoneScreen'))]),
    );
    const { decisions } = evaluate(
      plan,
      { type: 'manualExportRequested', requestedBy: { userId: 8, name: 'Sam' } },
      person(),
    );
    expect(decisions).toMatchObject([
      { type: 'export', stageId: STAGES.applicationReview.id },
      {
        type: 'move',
        applicationId: null,
        fromStageId: STAGES.applicationReview.id,
        toStageId: STAGES.phoneScreen.id,
      },
    ]);
  });

  it('an applicant who passed the phone screen is advanced to the next stage', () => {
    const plan = planFor(flowOf(trigger.stageChanged(null, ghStage(STAGES.phoneScreen.id)), [advance()]));
    const { decisions } = evaluate(
      plan,
      { type: 'stageChanged', fromStageId: STAGES.applicationReview.id, toStageId: STAGES.phoneScreen.id },
      applicant(STAGES.phoneScreen.id),
    );
    expect(decisions).toMatchObject([
      { type: 'advance', applicationId: 9001, fromStageId: STAGES.phoneScreen.id },
    ]);
  });

  it('a person Riley declined is rejected for lacking skills, with the rejection email', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        approval(
          requestApproval(fromUser(USERS.riley.id)),
          [advance()],
          [reject(REJECTION_REASONS.lacksSkills.id, true)],
          'ask',
        ),
      ]),
    );
    const request = evaluate(plan, matched(75), applicant(STAGES.applicationReview.id)).decisions[0]!;
    if (request.type !== 'requestApproval') throw new Error('expected an approval request');
    const { decisions } = evaluate(
      plan,
      {
        type: 'approvalDecided',
        outcome: 'rejected',
        decidedBy: { userId: 7, name: 'Riley' },
        reason: 'No Go experience',
        resume: request.resume,
      },
      applicant(STAGES.applicationReview.id),
    );
    expect(decisions).toEqual([
      {
        type: 'reject',
        nodeId: 'n2',
        because:
          'Riley declined ("No Go experience") → reject ("Lacking skill(s)/qualification(s)", emailing the candidate)',
        applicationId: 9001,
        rejectionReasonId: 301,
        rejectionReasonName: 'Lacking skill(s)/qualification(s)',
        sendEmail: true,
      },
    ]);
  });

  it('a strong match gets a private note explaining the match; the name is filled in only when it is written', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        when(score('gte', 80), [note('Matched {{ name }} at {{score}}: {{reasons}}')], [stop()]),
      ]),
    );
    const { decisions } = evaluate(plan, matched(88), person());
    // The decision (stored, and carried by workflows) holds no name: the writing activity fills it.
    expect(decisions).toMatchObject([
      { type: 'note', visibility: 'private', body: 'Matched {{name}} at 88: Score 88 ≥ 80' },
    ]);
    expect(JSON.stringify(decisions)).not.toContain('Alex');
    const body = (decisions[0] as { body: string }).body;
    expect(fillPersonalDetails(body, { name: 'Alex Kim' })).toBe('Matched Alex Kim at 88: Score 88 ≥ 80');
  });

  it('filling the person in touches only their name and location, so an older, already filled text stays as it was', () => {
    expect(fillPersonalDetails('{{name}} in {{location}}, {{unknown}} {{score}}', { name: 'Alex Kim' })).toBe(
      'Alex Kim in , {{unknown}} {{score}}',
    );
    expect(fillPersonalDetails('Matched Alex Kim at 88', { name: 'Someone Else' })).toBe(
      'Matched Alex Kim at 88',
    );
  });

  it('a referral is tagged "referral" in Greenhouse', () => {
    const plan = planFor(flowOf(trigger.personMatched(), [tag('referral')]));
    expect(evaluate(plan, matched(50), person()).decisions).toMatchObject([
      { type: 'tag', tag: 'referral', where: 'greenhouse' },
    ]);
  });

  it('the hiring channel hears about every interested reply through its webhook', () => {
    const plan = planFor(
      flowOf(trigger.outreach('repliedInterested'), [
        notifyWebhook('https://hooks.example.com/hiring', '{{name}} is interested'),
      ]),
    );
    const { decisions } = evaluate(plan, { type: 'outreachEvent', event: 'repliedInterested' }, person());
    expect(decisions).toMatchObject([
      {
        type: 'notify',
        target: { type: 'webhook', url: 'https://hooks.example.com/hiring' },
        message: '{{name}} is interested',
      },
    ]);
  });

  it('Sam is told in Pilothouse when someone is hired', () => {
    const plan = planFor(
      flowOf(trigger.candidateHired(), [notifyInApp(fromUser(USERS.sam.id), '{{name}} accepted')]),
    );
    const { decisions } = evaluate(plan, { type: 'candidateHired' }, applicant(STAGES.offer.id));
    expect(decisions).toMatchObject([
      {
        type: 'notify',
        target: { type: 'inApp', to: { kind: 'user', userId: 8, name: 'Sam' } },
        message: '{{name}} accepted',
      },
    ]);
  });

  it('after three days of waiting the flow carries on from the wait, not from the start', () => {
    const plan = planFor(
      flowOf(trigger.outreach('addedToSequence'), [
        wait(days(3)),
        when(
          { field: 'timeSinceLastActivity', op: 'gte', value: days(3) },
          [tag('no-response', 'pilothouse')],
          [stop()],
        ),
      ]),
    );
    const first = evaluate(
      plan,
      { type: 'outreachEvent', event: 'addedToSequence' },
      person({ lastActivityAt: NOW }),
    );
    expect(first.decisions).toMatchObject([
      { type: 'wait', durationMs: 3 * 86_400_000, resumeAt: '2025-03-13T09:00:00.000Z' },
    ]);
    const pause = first.decisions[0]!;
    if (pause.type !== 'wait') throw new Error('expected a wait');

    const later = evaluate(
      plan,
      { type: 'waitElapsed', resume: pause.resume },
      person({ now: '2025-03-13T09:00:00.000Z', lastActivityAt: NOW }),
    );
    expect(later.trace.entries.map((e) => e.outcome)).toEqual(['resumed', 'held', 'decided']);
    expect(later.decisions).toMatchObject([
      { type: 'tag', because: 'Waited 3 days; Last activity 3 days ago (≥ 3 days) → tag "no-response"' },
    ]);
  });

  it('a stop ends its branch and says why', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [when(score('gte', 70), [tag('strong')], [stop('Score too low')])]),
    );
    const { decisions } = evaluate(plan, matched(20), person());
    expect(decisions).toEqual([
      {
        type: 'stop',
        nodeId: 'n3',
        because: 'Score 20 is not ≥ 70 → stop (Score too low)',
        reason: 'Score too low',
      },
    ]);
  });

  it('an approval that times out is resumed as decided by nobody', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        approval(requestApproval(fromUser(USERS.riley.id), { then: 'approve' }), [exportAsCandidate()]),
      ]),
    );
    const request = evaluate(plan, matched(90), person()).decisions[0]!;
    if (request.type !== 'requestApproval') throw new Error('expected an approval request');
    expect(request.onTimeout).toEqual({ then: 'approve' });
    const { decisions } = evaluate(
      plan,
      { type: 'approvalDecided', outcome: 'approved', decidedBy: null, resume: request.resume },
      person(),
    );
    expect(decisions[0]!.because).toBe(
      'Nobody decided in time, so approved automatically → export to Greenhouse as a candidate at "Application Review"',
    );
  });

  it('an approval decision meant for an older version of the rules is not applied to this one', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        approval(requestApproval(fromUser(USERS.riley.id)), [exportAsCandidate()]),
      ]),
    );
    const { decisions, trace } = evaluate(
      plan,
      {
        type: 'approvalDecided',
        outcome: 'approved',
        decidedBy: { userId: 7, name: 'Riley' },
        resume: { planHash: 'f'.repeat(64), nodeId: 'n1' },
      },
      person(),
    );
    expect(decisions).toEqual([]);
    expect(trace.summary).toMatch(/^Not resumed: the step "n1" belongs to plan ffffffffffff/);
  });
});
