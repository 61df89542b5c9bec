import { describe, expect, it } from 'vitest';
import { evaluate, type Decision } from '../../../rules';
import { describeApproveEffect } from '../../../web/server/approval-effect';
import {
  approval,
  exportAsCandidate,
  flowOf,
  fromUser,
  requestApproval,
  trigger,
} from '../rules/fixtures/build-flow';
import { STAGES, USERS } from '../rules/fixtures/job';
import { applicant, planFor } from '../rules/fixtures/plans';

const base = { nodeId: 'n', because: 'because' };

describe('what a card says Approve does', () => {
  it('an export names Greenhouse and the stage', () => {
    const decisions: Decision[] = [
      {
        ...base,
        type: 'export',
        as: 'candidate',
        stageId: 7,
        stageName: 'Application Review',
        alreadyInGreenhouse: 'none',
      },
    ];
    expect(describeApproveEffect(decisions)).toEqual({
      kind: 'export',
      text: 'export to Greenhouse at “Application Review”',
    });
  });

  it('a rejection names the reason and whether Greenhouse emails the person', () => {
    const decisions: Decision[] = [
      {
        ...base,
        type: 'reject',
        applicationId: 12,
        rejectionReasonId: 3,
        rejectionReasonName: 'Lacking skill(s)/qualification(s)',
        sendEmail: false,
      },
    ];
    expect(describeApproveEffect(decisions)).toEqual({
      kind: 'reject',
      text: 'reject in Greenhouse (reason Lacking skill(s)/qualification(s), email off)',
    });
  });

  it('a rule that ends at the approval says so instead of promising an export', () => {
    expect(describeApproveEffect([])).toEqual({ kind: 'nothing', text: 'nothing more: the rules end here' });
    expect(describeApproveEffect([{ ...base, type: 'stop', reason: null }]).kind).toBe('nothing');
  });

  it('an export the rules would skip says why nothing happens, not that the rules end', () => {
    // Rules drawn to approve everyone matched and then export, met by someone who already applied here.
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        approval(requestApproval(fromUser(USERS.riley.id)), [exportAsCandidate()]),
      ]),
    );
    const facts = applicant(STAGES.applicationReview.id);
    const asked = evaluate(plan, { type: 'personMatched', score: 80 }, facts);
    const request = asked.decisions.find((d) => d.type === 'requestApproval');
    if (request?.type !== 'requestApproval') throw new Error('the rules asked for no approval');
    const approved = evaluate(
      plan,
      { type: 'approvalDecided', outcome: 'approved', decidedBy: null, resume: request.resume },
      facts,
    );
    const skipped = approved.trace.entries.filter((e) => e.outcome === 'skipped').map((e) => e.text);
    expect(describeApproveEffect(approved.decisions, skipped)).toEqual({
      kind: 'nothing',
      text: 'nothing: already an applicant on this job, so not exported again',
    });
  });

  it('several steps read in order, the export leading the kind', () => {
    const effect = describeApproveEffect([
      {
        ...base,
        type: 'export',
        as: 'prospect',
        poolId: 1,
        poolName: 'Platform',
        poolStageId: null,
        poolStageName: null,
        alreadyInGreenhouse: 'none',
      },
      { ...base, type: 'tag', tag: 'approved', where: 'greenhouse' },
    ]);
    expect(effect).toEqual({
      kind: 'export',
      text: 'export to Greenhouse as a prospect in “Platform” + tag “approved” in Greenhouse',
    });
  });
});
