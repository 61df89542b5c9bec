import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleFlow } from '../../../rules';
import { autopilotWorkflowId, statusQuery } from '../../../temporal/autopilot-api';
import { decideApprovals } from '../../../web/server/approvals.server';
import {
  approval,
  days,
  exportAsCandidate,
  flowOf,
  leaf,
  stop,
  tag,
  trigger,
  when,
} from '../../unit/rules/fixtures/build-flow';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';
import { anAdmin, webContextOf } from '../../support/web-context';

// Rules drawn without the default rules' applicant check ask about people who already applied; approving one
// exports nothing, since an applicant on the job is not exported again. The recruiter who pressed Approve is
// told that reason, as the card told them before, not "the rules do not export after this approval".
describe('approving a person the rules will not export', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('says why no export was started: already an applicant on this job', async () => {
    const flow: RuleFlow = {
      ...flowOf(
        trigger.personMatched(),
        [
          when(
            leaf('source', 'is', 'inbound'),
            [
              approval(
                {
                  kind: 'requestApproval',
                  approver: { kind: 'hiringTeam', role: 'recruiter' },
                  timeout: days(2),
                  onTimeout: { then: 'reject' },
                },
                [exportAsCandidate()],
                [tag('declined', 'pilothouse')],
              ),
            ],
            [stop('Not an applicant')],
          ),
        ],
        { id: randomUUID() },
      ),
      jobId,
    };
    await publishRules(h.db, flow);
    const autopilot = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    const waiting = await eventually('an approval request for an applicant', async () => {
      const status = await autopilot.query(statusQuery);
      return status.pendingApprovals[0];
    });

    const outcomes = await decideApprovals(webContextOf(h), anAdmin(), {
      approvalIds: [waiting.approvalId],
      decision: 'approved',
      reason: undefined,
    });
    expect(outcomes).toEqual([
      expect.objectContaining({
        personId: waiting.personId,
        outcome: 'approved',
        noExportBecause: 'already an applicant on this job, so not exported again',
      }),
    ]);
    expect(outcomes[0]?.exportWorkflowId).toBeUndefined();
    const ledger = await h.db
      .selectFrom('export_ledger')
      .select('status')
      .where('job_id', '=', jobId)
      .where('person_id', '=', waiting.personId)
      .execute();
    expect(ledger).toEqual([]);
  });
});
