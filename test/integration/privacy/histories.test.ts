import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseGreenhouseCandidate } from '../../../db/queries/erasure';
import { addPersonToJob } from '../../../db/queries/people';
import type { RuleFlow } from '../../../rules';
import { decideApprovals } from '../../../web/server/approvals.server';
import { autopilotWorkflowId, statusQuery } from '../../../temporal/autopilot-api';
import {
  exportAsCandidate,
  flowOf,
  ghStage,
  importedPeopleNeedTheRecruiter,
  leaf,
  note,
  notifyInApp,
  stop,
  trigger,
  when,
} from '../../unit/rules/fixtures/build-flow';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { historyText } from '../../support/history-text';
import { publishRules } from '../../support/publish-rules';
import { anAdmin, webContextOf } from '../../support/web-context';

// Workflow histories are kept by Temporal, outside Pilothouse's erasure: a person's name, email or town
// must never enter one. A rule that names the person in a note and a notification is carried out for real
// (real Temporal, PostgreSQL and the Harvest sandbox), then every history of the run is read back.
const PERSON = {
  firstName: 'Quillon',
  lastName: 'Brackenridge',
  email: 'quillon.brackenridge@example.org',
  location: 'Hammerfest',
};

describe('personal data stays out of workflow histories', () => {
  let h: AutopilotHarness;
  let jobId: number;
  let personId: string;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('a note and an in-app notification naming the person are written with the name, and no history of the run holds it', async () => {
    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: PERSON.firstName,
        lastName: PERSON.lastName,
        emails: [PERSON.email],
        location: PERSON.location,
        resumeText: 'Engineer with ten years of experience in distributed systems, Go and PostgreSQL',
      },
      { kind: 'import' },
    ));
    const [firstStage] = await h.db
      .selectFrom('job_stage')
      .select('id')
      .where('job_id', '=', jobId)
      .orderBy('sort_order')
      .execute();
    // The sandbox's own applicants are left alone: the flow acts on the person imported here.
    const flow: RuleFlow = {
      ...flowOf(
        trigger.personMatched(),
        [
          when(
            leaf('source', 'is', 'import'),
            [
              exportAsCandidate(ghStage(firstStage!.id)),
              note('Matched {{name}} from {{location}} at {{score}}'),
              notifyInApp({ kind: 'hiringTeam', role: 'recruiter' }, '{{name}} was exported'),
            ],
            [stop('Not imported')],
          ),
        ],
        { id: randomUUID() },
      ),
      jobId,
    };
    await publishRules(h.db, flow);
    await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600 }],
    });

    const fullName = `${PERSON.firstName} ${PERSON.lastName}`;
    const written = await eventually(
      'the note and the notification',
      async () => {
        const notes = h.sandbox.runtime.state.notes.filter((n) => n.body?.startsWith(`Matched ${fullName}`));
        const told = await h.db
          .selectFrom('notification')
          .select('message')
          .where('person_id', '=', personId)
          .where('kind', '=', 'rule')
          .execute();
        return notes.length > 0 && told.length > 0 ? { notes, told } : undefined;
      },
      {
        timeoutMs: 120_000,
        explain: () =>
          h.db.selectFrom('rule_action_failure').select(['decision_type', 'failure_message']).execute(),
      },
    );
    expect(written.notes.map((n) => n.body)).toEqual([
      expect.stringMatching(/^Matched Quillon Brackenridge from Hammerfest at \d+$/),
    ]);
    expect(written.told.map((n) => n.message)).toEqual(['Quillon Brackenridge was exported']);
    // Every workflow this run started: the autopilot, the export child, the job sync.
    const histories: { workflowId: string; text: string }[] = [];
    for await (const execution of h.client.workflow.list()) {
      if (execution.taskQueue !== h.taskQueue) continue;
      const history = await h.client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
      histories.push({ workflowId: execution.workflowId, text: historyText(history) });
    }
    const ids = histories.map((x) => x.workflowId);
    expect(ids).toContain(autopilotWorkflowId(jobId));
    expect(ids.some((id) => id.includes(personId))).toBe(true);
    // The payloads were decoded: the autopilot's input is readable.
    expect(histories.find((x) => x.workflowId === autopilotWorkflowId(jobId))!.text).toContain(
      'cadenceMinutes',
    );
    for (const { workflowId, text } of histories) {
      for (const personal of [PERSON.firstName, PERSON.lastName, PERSON.email, PERSON.location])
        expect(text, `${workflowId} holds "${personal}"`).not.toContain(personal);
    }
    // The stored decision holds the placeholders, so erasing the person leaves nothing of them in it.
    const traces = await h.db
      .selectFrom('decision_trace')
      .select('decisions')
      .where('person_id', '=', personId)
      .execute();
    expect(JSON.stringify(traces)).toContain('Matched {{name}} from {{location}}');
  });

  it('erasing the exported person afterwards leaves no text naming them: the notification goes with them', async () => {
    const { greenhouse_candidate_id: candidateId } = await h.db
      .selectFrom('export_ledger')
      .select('greenhouse_candidate_id')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    // Kept as an id-only tombstone: the export ledger refers to them.
    await expect(eraseGreenhouseCandidate(h.db, candidateId!)).resolves.toMatchObject({ tombstoned: 1 });
    for (const table of ['notification', 'decision_trace', 'audit_event', 'person'] as const) {
      const rows = await h.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows), table).not.toMatch(/Quillon|Brackenridge|Hammerfest/i);
    }
  });

  it("a recruiter's reason for declining, naming the person, is kept with the request and enters no history", async () => {
    // A second open job, whose flow asks a recruiter before anything happens.
    const { id: secondJob } = await h.db
      .selectFrom('job')
      .select('id')
      .where('status', '=', 'open')
      .where('id', '!=', jobId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await h.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', secondJob).execute();
    const { personId: declined } = await addPersonToJob(
      h.db,
      secondJob,
      {
        firstName: 'Ottoline',
        lastName: 'Vexworth',
        emails: ['ottoline.vexworth@example.org'],
        resumeText: 'Engineer with ten years of experience in distributed systems, Go and PostgreSQL',
      },
      { kind: 'import' },
    );
    await publishRules(h.db, {
      ...importedPeopleNeedTheRecruiter(randomUUID()),
      jobId: secondJob,
    });
    const autopilot = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(secondJob),
      args: [{ jobId: secondJob, cadenceMinutes: 600 }],
    });
    // Waiting in the autopilot (not only stored): the request row is written before the workflow tracks it.
    const approvalId = await eventually('the approval request', async () => {
      const status = await autopilot.query(statusQuery);
      return status.pendingApprovals.find((a) => a.personId === declined)?.approvalId;
    });

    const reason = 'Ottoline Vexworth has no Kubernetes experience';
    const outcomes = await decideApprovals(webContextOf(h), anAdmin(), {
      approvalIds: [approvalId],
      decision: 'rejected',
      reason,
    });
    expect(outcomes).toMatchObject([{ personId: declined, outcome: 'rejected' }]);
    // The reason is kept with the decision, and the declined branch ran.
    const decided = await h.db
      .selectFrom('approval_request')
      .select(['status', 'reason', 'decided_by'])
      .where('id', '=', approvalId)
      .executeTakeFirstOrThrow();
    expect(decided).toEqual({ status: 'rejected', reason, decided_by: 'riley@example.com' });
    await eventually('the declined branch', async () => {
      const row = await h.db
        .selectFrom('job_person')
        .select('tags')
        .where('job_id', '=', secondJob)
        .where('person_id', '=', declined)
        .executeTakeFirstOrThrow();
      return row.tags.includes('declined') ? row : undefined;
    });

    const history = historyText(
      await h.client.workflow.getHandle(autopilotWorkflowId(secondJob)).fetchHistory(),
    );
    expect(history).toContain('riley@example.com');
    expect(history).not.toMatch(/Ottoline|Vexworth|Kubernetes experience/i);
  });
});
