import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import { createDefaultFlow } from '../../../rules';
import { autopilotWorkflowId, decideApprovalsUpdate, statusQuery } from '../../../temporal/autopilot-api';
import {
  eventually,
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';

// A two-day approval timeout shrunk to about a second and a half, so escalation and expiry happen in the test.
const TWO_DAYS_MS = 2 * 24 * 3600_000;
const TIMEOUT_SCALE = 1_500 / TWO_DAYS_MS;

describe('approvals: decided by a recruiter, or escalated and expired when nobody answers', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    // No workflow cache: every workflow task replays the whole history, so nondeterminism shows up here.
    h = await startAutopilotHarness({}, { maxCachedWorkflows: 0 });
    jobId = await h.syncAndPickOpenJob();
    // Everyone with any score goes to a recruiter; the hiring manager gets it when the recruiter is silent.
    await publishRules(
      h.db,
      createDefaultFlow({
        jobId,
        flowId: randomUUID(),
        threshold: 0,
        approvalTimeout: { amount: 2, unit: 'days' },
      }),
    );
    for (const name of ['Robin', 'Sam']) {
      await addPersonToJob(
        h.db,
        jobId,
        {
          firstName: name,
          lastName: 'Applicant',
          emails: [`${name.toLowerCase()}@example.org`],
          resumeText: 'Engineer with ten years of experience',
        },
        { kind: 'import' },
      );
    }
  });

  afterAll(async () => {
    await h?.close();
  });

  it('a recruiter rejects one person; the other, left undecided, is escalated to the hiring manager and then expires', async () => {
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600, approvalTimeoutScale: TIMEOUT_SCALE }],
    });
    const people = await h.db
      .selectFrom('person')
      .select(['id', 'first_name'])
      .where('last_name', '=', 'Applicant')
      .execute();
    const robin = people.find((p) => p.first_name === 'Robin')!.id;
    const sam = people.find((p) => p.first_name === 'Sam')!.id;
    await eventually('both awaiting approval', async () => {
      const status = await handle.query(statusQuery);
      return [robin, sam].every((id) => status.pendingApprovals.some((a) => a.personId === id))
        ? status
        : undefined;
    });

    const [rejected] = await handle.executeUpdate(decideApprovalsUpdate, {
      args: [
        {
          decisions: [
            {
              personId: robin,
              decision: 'rejected',
              reason: 'Needs more Kubernetes',
              decidedBy: 'riley@example.com',
            },
          ],
        },
      ],
    });
    expect(rejected).toEqual({ personId: robin, outcome: 'rejected' });
    const robinRequest = await h.db
      .selectFrom('approval_request')
      .selectAll()
      .where('person_id', '=', robin)
      .executeTakeFirstOrThrow();
    expect(robinRequest).toMatchObject({
      status: 'rejected',
      decided_by: 'riley@example.com',
      reason: 'Needs more Kubernetes',
    });

    // Deciding the same person twice is not an error, and changes nothing.
    const [again] = await handle.executeUpdate(decideApprovalsUpdate, {
      args: [{ decisions: [{ personId: robin, decision: 'approved', decidedBy: 'someone@example.com' }] }],
    });
    expect(again!.outcome).toBe('not_pending');

    const escalated = await eventually('the request escalated to the hiring manager', async () => {
      const row = await h.db
        .selectFrom('approval_request')
        .selectAll()
        .where('person_id', '=', sam)
        .executeTakeFirstOrThrow();
      return row.requested_from === 'Hiring manager' || row.status !== 'pending' ? row : undefined;
    });
    expect(escalated.requested_from).toMatch(/hiring manager/i);
    // The approvers were told: the recruiter of each request as it arrived, the hiring manager when Sam's
    // was escalated to them (in-app notifications, the rows the header's unread count counts).
    const told = await eventually('the hiring manager told of the escalation', async () => {
      const rows = await h.db
        .selectFrom('notification')
        .select(['person_id', 'kind', 'to_role', 'message'])
        .where('job_id', '=', jobId)
        .where('kind', 'like', 'approval.%')
        // Threshold 0: the job's own applicants are asked about too; these two are the test's.
        .where('person_id', 'in', [robin, sam])
        .execute();
      return rows.some((r) => r.kind === 'approval.escalated') ? rows : undefined;
    });
    const summary = (kind: string) =>
      told
        .filter((r) => r.kind === kind)
        .map((r) => [r.person_id, r.to_role])
        .sort();
    expect(summary('approval.requested')).toEqual(
      [
        [robin, 'recruiter'],
        [sam, 'recruiter'],
      ].sort(),
    );
    expect(summary('approval.escalated')).toEqual([[sam, 'hiringManager']]);
    expect(told.find((r) => r.kind === 'approval.escalated')!.message).toMatch(
      /escalated to .*nobody decided in time/i,
    );
    const expired = await eventually('the escalated request to expire', async () => {
      const row = await h.db
        .selectFrom('approval_request')
        .selectAll()
        .where('person_id', '=', sam)
        .executeTakeFirstOrThrow();
      return row.status === 'expired' ? row : undefined;
    });
    expect(expired.decided_by).toBe('timeout');
    const stages = await h.db
      .selectFrom('job_person')
      .select(['person_id', 'pipeline_stage'])
      .where('job_id', '=', jobId)
      .where('person_id', 'in', [robin, sam])
      .execute();
    expect(Object.fromEntries(stages.map((s) => [s.person_id, s.pipeline_stage]))).toEqual({
      [robin]: 'rejected',
      [sam]: 'approval_expired',
    });
    expect(
      await h.db.selectFrom('export_ledger').select('person_id').where('job_id', '=', jobId).execute(),
    ).toEqual([]);

    // A malformed decision is refused before it enters the workflow's history.
    const refused = await handle
      .executeUpdate(decideApprovalsUpdate, {
        args: [{ decisions: [{ personId: sam, decision: 'maybe' as never, decidedBy: 'x' }] }],
      })
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect((refused?.cause as Error | undefined)?.message).toMatch(
      /decisions\[0\]\.decision must be "approved" or "rejected"/,
    );
    await handle.terminate('scenario finished');
    await maybeRecordGoldenHistory(h, handle.workflowId, 'job-autopilot-approvals');
  });
});
