import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import { autopilotWorkflowId, decideApprovalsUpdate, statusQuery } from '../../../temporal/autopilot-api';
import { importedPeopleNeedTheRecruiter } from '../../unit/rules/fixtures/build-flow';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';

// A recruiter decides a request while the cycle that opened it is still telling the approver. The
// cycle's selection, read before the decision, still lists the request as waiting: it must not bring
// the decided request back (a second decision on it would then claim to have approved someone).
describe('an approval decided while its cycle is still under way stays decided', () => {
  let h: AutopilotHarness;
  let receiver: Server;
  let held: ServerResponse | undefined;
  let arrived: () => void;
  const firstCall = new Promise<void>((resolve) => (arrived = resolve));
  let jobId: number;
  let personId: string;

  beforeAll(async () => {
    // The approvals webhook holds its first answer until the test lets it go: the cycle waits there.
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (!held) {
          held = res;
          arrived();
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/approvals`;
    h = await startAutopilotHarness(
      {},
      {},
      { notifications: { webhookSecret: 'approval-webhook-secret-for-tests', approvalWebhookUrl: url } },
    );
    jobId = await h.syncAndPickOpenJob();
    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Robin',
        lastName: 'Midcycle',
        emails: ['robin.midcycle@example.org'],
        resumeText: 'Engineer with ten years of experience in distributed systems',
      },
      { kind: 'import' },
    ));
    await publishRules(h.db, {
      ...importedPeopleNeedTheRecruiter(randomUUID()),
      jobId,
    });
  });

  afterAll(async () => {
    if (held && !held.headersSent) held.writeHead(204).end();
    await h?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('a request decided while the approver is being told is not tracked again by the same cycle', async () => {
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });
    await firstCall;
    await eventually('the request tracked by the autopilot', async () => {
      const status = await handle.query(statusQuery);
      return status.pendingApprovals.some((a) => a.personId === personId) ? status : undefined;
    });
    const [declined] = await handle.executeUpdate(decideApprovalsUpdate, {
      args: [{ decisions: [{ personId, decision: 'rejected', decidedBy: 'riley@example.com' }] }],
    });
    expect(declined).toMatchObject({ outcome: 'rejected' });

    // The approver has been told; the cycle carries on and finishes.
    held!.writeHead(204).end();
    const finished = await eventually('the cycle to finish', async () => {
      const status = await handle.query(statusQuery);
      return status.phase === 'sleeping' && status.lastCycleFinishedAt ? status : undefined;
    });
    expect(finished.pendingApprovals.map((a) => a.personId)).not.toContain(personId);
    const [again] = await handle.executeUpdate(decideApprovalsUpdate, {
      args: [{ decisions: [{ personId, decision: 'approved', decidedBy: 'sam@example.com' }] }],
    });
    expect(again).toMatchObject({ outcome: 'not_pending' });
  });
});
