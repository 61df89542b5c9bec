import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import { addPersonToJob } from '../../../db/queries/people';
import {
  ACTION_KINDS,
  HARVEST_SCOPES_BY_ACTION,
  TRIGGER_KINDS,
  hashPlan,
  type ActionKind,
  type RuleFlow,
  type TriggerKind,
} from '../../../rules';
import type { PilothouseContext } from '../../../web/server/load-context';
import { failedRuleActions, retryRuleAction } from '../../../web/server/ops.server';
import { loadWhy } from '../../../web/server/why.server';
import { publishFlow } from '../../../web/server/rules.server';
import type { SignedInUser } from '../../../web/server/auth.server';
import { loadStageMapping, loadValidationContext } from '../../../activities/autopilot/rule-plans';
import {
  autopilotWorkflowId,
  decideApprovalsUpdate,
  exportNowUpdate,
  jobChangedSignal,
  newSourceDataSignal,
  statusQuery,
} from '../../../temporal/autopilot-api';
import {
  advance,
  approval,
  convertToCandidate,
  exportAsCandidate,
  exportAsProspect,
  flowOf,
  ghStage,
  moveTo,
  note,
  notifyInApp,
  notifyWebhook,
  reject,
  stop,
  tag,
  transferTo,
  trigger,
  unreject,
  wait,
  days,
  leaf,
  when,
  type Step,
} from '../../unit/rules/fixtures/build-flow';
import {
  eventually,
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';

// Every action kind the canvas offers is carried out against the sandbox (or in Pilothouse), and every
// trigger the autopilot fires starts its flow: real Temporal, real PostgreSQL, the Harvest sandbox.

const SECRET = 'rule-webhook-secret-for-tests-0123456789';
const ONE_DAY_MS = 24 * 3600_000;
// A one-day wait shrunk to about two seconds.
const WAIT_SCALE = 2_000 / ONE_DAY_MS;

interface Received {
  path: string;
  body: string;
  signature: string | undefined;
  delivery: string | undefined;
}

describe('rules: every action is carried out, every wired trigger fires', () => {
  let h: AutopilotHarness;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let jobs: number[];
  let stages: Map<number, number[]>;
  let reason: { id: number; name: string };

  const state = () => h.sandbox.runtime.state;
  const personNamed = async (jobId: number, firstName: string) => {
    const { personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName,
        lastName: 'Rulecase',
        emails: [`${firstName.toLowerCase()}.${jobId}@example.org`],
        resumeText: 'Engineer with ten years of experience in distributed systems',
      },
      { kind: 'import' },
    );
    return personId;
  };

  /** Publishes a flow; webhook URLs are pointed at the local (http) receiver after validation (which wants https). */
  async function publish(
    jobId: number,
    start: ReturnType<(typeof trigger)['personMatched']>,
    steps: Step[],
    { onlyImported = false, flowId: givenFlowId = randomUUID(), version = 1 } = {},
  ) {
    // The sandbox's own applicants on the job are left alone: the flows act on the people the test imported.
    const guarded = onlyImported
      ? [when(leaf('source', 'is', 'import'), steps, [stop('Not imported')])]
      : steps;
    const flow: RuleFlow = { ...flowOf(start, guarded, { id: givenFlowId }), jobId };
    const flowId = await publishRules(
      h.db,
      flow,
      'admin@example.com',
      { rejectionReasons: [reason] },
      version,
    );
    const row = await h.db
      .selectFrom('rule_version')
      .select(['plan'])
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    const plan = JSON.parse(
      JSON.stringify(row.plan).replaceAll('https://hooks.example.com/rules', `${receiverUrl}/rules`),
    );
    plan.hash = hashPlan(plan);
    await h.db
      .updateTable('rule_version')
      .set({ plan: JSON.stringify(plan), hash: plan.hash })
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .execute();
    return flowId;
  }

  const start = (jobId: number, approvalTimeoutScale = 1) =>
    h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 600, approvalTimeoutScale }],
    });

  /** Causes something that makes the job's running autopilot run a cycle, and waits for that cycle to end. */
  async function afterNextCycle(
    jobId: number,
    cause: (handle: ReturnType<typeof h.client.workflow.getHandle>) => Promise<unknown>,
  ) {
    const handle = h.client.workflow.getHandle(autopilotWorkflowId(jobId));
    const { cycle } = await handle.query(statusQuery);
    await cause(handle);
    return eventually('the next cycle to finish', async () => {
      const status = await handle.query(statusQuery);
      // A cycle counts from its start, before its phase changes; the next one can start at the very
      // workflow time the last one ended (one activation), so only a later end says this one finished.
      const finished =
        status.lastCycleFinishedAt !== null &&
        status.lastCycleStartedAt !== null &&
        Date.parse(status.lastCycleFinishedAt) > Date.parse(status.lastCycleStartedAt);
      return status.cycle > cycle && finished ? status : undefined;
    });
  }

  const candidateOf = async (jobId: number, personId: string) =>
    eventually(`person ${personId} exported`, async () => {
      const row = await h.db
        .selectFrom('export_ledger')
        .select(['status', 'greenhouse_candidate_id', 'greenhouse_application_id'])
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row?.status === 'exported' ? row : undefined;
    });

  const signed = (r: Received) =>
    r.signature === `sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
          signature: req.headers['x-pilothouse-signature'] as string | undefined,
          delivery: req.headers['x-pilothouse-delivery'] as string | undefined,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    h = await startAutopilotHarness(
      {},
      {},
      {
        notifications: { webhookSecret: SECRET, approvalWebhookUrl: `${receiverUrl}/approvals` },
      },
    );
    await h.syncAndPickOpenJob({ autopilot: false });
    jobs = (
      await h.db.selectFrom('job').select('id').where('status', '=', 'open').orderBy('id').execute()
    ).map((j) => j.id);
    expect(jobs.length).toBeGreaterThanOrEqual(4);
    await h.db.updateTable('job').set({ autopilot_enabled: true }).where('id', 'in', jobs).execute();
    const stageRows = await h.db
      .selectFrom('job_stage')
      .select(['id', 'job_id'])
      .orderBy('sort_order')
      .execute();
    stages = new Map(jobs.map((id) => [id, stageRows.filter((s) => s.job_id === id).map((s) => s.id)]));
    const first = state().rejection_reasons[0]!;
    reason = { id: first.id, name: first.name };
  });

  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  // ------------------------------------------------------------------------------------------ actions
  // One flow on job A runs every person-level action in a chain; each `it` below checks one kind's effect.
  let personA: string;
  let exportedA: { greenhouse_candidate_id: number | null; greenhouse_application_id: number | null };
  let movedTo: number;
  let waitedFrom: number;

  const ACTION_SCENARIOS: Record<ActionKind, () => Promise<void>> = {
    exportAsCandidate: async () => {
      expect(exportedA.greenhouse_application_id).not.toBeNull();
      const application = state().applications.find((a) => a.id === exportedA.greenhouse_application_id);
      expect(application).toMatchObject({ job_id: jobs[0], prospect: false });
    },
    tag: async () => {
      const tagId = state().candidate_tags.find((t) => t.name === 'Rules ran')?.id;
      expect(tagId).toBeDefined();
      expect(
        state().applied_candidate_tags.filter(
          (a) => a.candidate_id === exportedA.greenhouse_candidate_id && a.candidate_tag_id === tagId,
        ),
      ).toHaveLength(1);
      const row = await h.db
        .selectFrom('job_person')
        .select('tags')
        .where('job_id', '=', jobs[0]!)
        .where('person_id', '=', personA)
        .executeTakeFirstOrThrow();
      expect(row.tags).toEqual(['autopiloted']);
    },
    addNote: async () => {
      expect(
        state().notes.filter(
          (n) => n.candidate_id === exportedA.greenhouse_candidate_id && n.body === 'Checked by the rules',
        ),
      ).toHaveLength(1);
    },
    notify: async () => {
      const posted = received.filter((r) => r.path === '/rules' && r.body.includes('Rule notice'));
      expect(posted).toHaveLength(1);
      expect(signed(posted[0]!)).toBe(true);
      expect(JSON.parse(posted[0]!.body)).toMatchObject({ text: 'Rule notice', event: 'rule.notify' });
      const inApp = await h.db
        .selectFrom('notification')
        .selectAll()
        .where('job_id', '=', jobs[0]!)
        .where('kind', '=', 'rule')
        .execute();
      expect(inApp.map((n) => [n.message, n.to_role])).toEqual(
        expect.arrayContaining([
          ['Rule notice', null],
          ['In-app notice', 'recruiter'],
        ]),
      );
    },
    moveToStage: async () => {
      const visits = state().application_stages.filter(
        (s) => s.application_id === exportedA.greenhouse_application_id,
      );
      expect(visits.map((v) => v.job_interview_stage_id)).toContain(movedTo);
    },
    advanceStage: async () => {
      const application = state().applications.find((a) => a.id === exportedA.greenhouse_application_id)!;
      const jobStages = stages.get(jobs[0]!)!;
      expect(application.job_interview_stage_id).toBe(jobStages[jobStages.indexOf(movedTo) + 1]);
    },
    wait: async () => {
      const resumed = await h.db
        .selectFrom('decision_trace')
        .select(['event', 'created_at'])
        .where('job_id', '=', jobs[0]!)
        .where('person_id', '=', personA)
        .execute();
      const after = resumed.find((r) => (r.event as { type: string }).type === 'waitElapsed');
      expect(after).toBeDefined();
      expect(new Date(after!.created_at).getTime()).toBeGreaterThanOrEqual(waitedFrom + 1_000);
    },
    reject: async () => {
      const application = state().applications.find((a) => a.id === exportedA.greenhouse_application_id)!;
      expect(application).toMatchObject({ status: 'rejected', rejection_reason_id: reason.id });
      expect(state().rejection_emails.filter((e) => e.application_id === application.id)).toHaveLength(1);
    },
    requestApproval: async () => {
      const requests = await h.db
        .selectFrom('approval_request')
        .select(['person_id', 'approver', 'status'])
        .where('job_id', '=', jobs[1]!)
        .execute();
      expect(requests).toHaveLength(2);
      for (const r of requests) expect(r.approver).toMatchObject({ kind: 'hiringTeam', role: 'recruiter' });
      const told = await eventually('the approver told twice', async () => {
        const rows = await h.db
          .selectFrom('notification')
          .select(['to_role', 'kind'])
          .where('job_id', '=', jobs[1]!)
          .where('kind', '=', 'approval.requested')
          .execute();
        return rows.length === 2 ? rows : undefined;
      });
      expect(told).toEqual([
        { to_role: 'recruiter', kind: 'approval.requested' },
        { to_role: 'recruiter', kind: 'approval.requested' },
      ]);
      await eventually('both approval webhooks', async () =>
        received.filter((r) => r.path === '/approvals').length === 2 ? true : undefined,
      );
      expect(received.filter((r) => r.path === '/approvals' && signed(r))).toHaveLength(2);
    },
    exportAsProspect: async () => {
      const row = await candidateOf(jobs[1]!, approvedC);
      const application = state().applications.find((a) => a.id === row.greenhouse_application_id);
      expect(application).toMatchObject({ prospect: true });
    },
    unreject: async () => {
      const exported = await candidateOf(jobs[5]!, personF);
      const application = state().applications.find((a) => a.id === exported.greenhouse_application_id)!;
      expect(application).toMatchObject({
        status: 'in_process',
        rejection_reason_id: null,
        rejected_at: null,
      });
      const steps = await h.db
        .selectFrom('audit_event')
        .select(['action', 'details'])
        .where('person_id', '=', personF)
        .where('action', 'in', ['rule.reject.done', 'rule.unreject.done'])
        .orderBy('id')
        .execute();
      expect(steps.map((r) => [r.action, (r.details as { outcome: string }).outcome])).toEqual([
        ['rule.reject.done', 'rejected'],
        ['rule.unreject.done', 'unrejected'],
      ]);
    },
    transferToJob: async () => {
      const exported = await candidateOf(jobs[5]!, personF);
      const application = state().applications.find((a) => a.id === exported.greenhouse_application_id)!;
      expect(application).toMatchObject({
        job_id: transferredTo.jobId,
        job_interview_stage_id: transferredTo.stageId,
        status: 'in_process',
      });
      // Pilothouse's record of the person on job F says the application is elsewhere now.
      const jp = await h.db
        .selectFrom('job_person')
        .select('greenhouse')
        .where('job_id', '=', jobs[5]!)
        .where('person_id', '=', personF)
        .executeTakeFirstOrThrow();
      expect(jp.greenhouse).toMatchObject({ kind: 'applicant', onThisJob: false });
      // The Why page says what Greenhouse answered to each step.
      const why = await loadWhy(context(), jobs[5]!, personF);
      expect(why!.evaluations.flatMap((e) => e.steps.map((step) => [step.type, step.result?.text]))).toEqual(
        expect.arrayContaining([
          ['unreject', 'Greenhouse unrejected the application: it is back in the process'],
          ['transfer', 'Greenhouse transferred the application to the other job'],
        ]),
      );
    },
    convertToCandidate: async () => {
      const exported = await candidateOf(jobs[5]!, prospectF);
      const prospect = state().applications.find((a) => a.id === exported.greenhouse_application_id)!;
      expect(prospect).toMatchObject({ prospect: true, status: 'converted' });
      const candidateApplications = state().applications.filter(
        (a) => a.candidate_id === prospect.candidate_id && !a.prospect,
      );
      expect(candidateApplications).toEqual([
        expect.objectContaining({
          job_id: jobs[5],
          job_interview_stage_id: convertedAt,
          status: 'in_process',
        }),
      ]);
      const jp = await h.db
        .selectFrom('job_person')
        .select('greenhouse')
        .where('job_id', '=', jobs[5]!)
        .where('person_id', '=', prospectF)
        .executeTakeFirstOrThrow();
      expect(jp.greenhouse).toMatchObject({
        kind: 'applicant',
        onThisJob: true,
        applicationId: candidateApplications[0]!.id,
      });
      const why = await loadWhy(context(), jobs[5]!, prospectF);
      expect(why!.evaluations.flatMap((e) => e.steps.map((step) => step.result?.text))).toContain(
        'Greenhouse made the prospect a candidate with an application for this job',
      );
    },
    stop: async () => {
      // The declined branch tagged, then stopped: nothing after the stop, and no export.
      const row = await h.db
        .selectFrom('job_person')
        .select(['tags', 'pipeline_stage'])
        .where('job_id', '=', jobs[1]!)
        .where('person_id', '=', declinedC)
        .executeTakeFirstOrThrow();
      expect(row.tags).toEqual(['declined']);
      expect(
        await h.db
          .selectFrom('export_ledger')
          .select('person_id')
          .where('person_id', '=', declinedC)
          .execute(),
      ).toEqual([]);
    },
  };

  let approvedC: string;
  let declinedC: string;
  // Job F: one person exported, rejected, unrejected and transferred to job D; another exported as a
  // prospect and made a candidate.
  let personF: string;
  let prospectF: string;
  let transferredTo: { jobId: number; stageId: number };
  let convertedAt: number;

  it('every action kind the registry lists has a scenario here', () => {
    expect(Object.keys(ACTION_SCENARIOS).sort()).toEqual([...ACTION_KINDS].sort());
  });

  it('job A: match → export → tags → note → notifications → move → advance → wait → reject with email', async () => {
    const jobId = jobs[0]!;
    const jobStages = stages.get(jobId)!;
    expect(jobStages.length).toBeGreaterThanOrEqual(3);
    movedTo = jobStages[1]!;
    personA = await personNamed(jobId, 'Avery');
    await publish(
      jobId,
      trigger.personMatched(),
      [
        exportAsCandidate(ghStage(jobStages[0]!)),
        tag('Rules ran', 'greenhouse'),
        tag('autopiloted', 'pilothouse'),
        note('Checked by the rules'),
        notifyWebhook('https://hooks.example.com/rules', 'Rule notice'),
        notifyInApp({ kind: 'hiringTeam', role: 'recruiter' }, 'In-app notice'),
        moveTo(ghStage(movedTo)),
        advance(),
        wait(days(1)),
        reject(reason.id, true),
      ],
      { onlyImported: true },
    );
    waitedFrom = Date.now();
    await start(jobId, WAIT_SCALE);
    exportedA = await candidateOf(jobId, personA);
    await eventually(
      'the rejection after the wait',
      async () =>
        state().applications.find((a) => a.id === exportedA.greenhouse_application_id)?.status === 'rejected'
          ? true
          : undefined,
      {
        timeoutMs: 120_000,
        explain: () =>
          h.db.selectFrom('rule_action_failure').select(['decision_type', 'failure_message']).execute(),
      },
    );
    expect(await h.db.selectFrom('rule_action_failure').selectAll().execute()).toEqual([]);
    // The executor's path (export child, Harvest writes, notify, a durable wait resumed, reject) as a
    // golden history: future workflow changes must keep replaying it.
    await maybeRecordGoldenHistory(h, autopilotWorkflowId(jobId), 'job-autopilot-rule-executor');
  });

  it.each([
    'exportAsCandidate',
    'tag',
    'addNote',
    'notify',
    'moveToStage',
    'advanceStage',
    'wait',
    'reject',
  ] as const)('job A: %s was carried out', async (kind) => {
    await ACTION_SCENARIOS[kind]();
  });

  it('job B: approval requested from the recruiter (told in-app and by webhook); approved after a new publish → prospect under the old plan, and a retried decision returns the same export; declined → tag, stop', async () => {
    const jobId = jobs[1]!;
    approvedC = await personNamed(jobId, 'Blake');
    declinedC = await personNamed(jobId, 'Casey');
    const flowId = randomUUID();
    const approvalFlow = (approved: Step[]) => [
      approval(
        {
          kind: 'requestApproval',
          approver: { kind: 'hiringTeam', role: 'recruiter' },
          timeout: days(2),
          onTimeout: { then: 'escalate', to: { kind: 'hiringTeam', role: 'hiringManager' } },
        },
        approved,
        [tag('declined', 'pilothouse'), stop('Declined')],
      ),
    ];
    await publish(jobId, trigger.personMatched(), approvalFlow([exportAsProspect(null)]), {
      onlyImported: true,
      flowId,
    });
    const handle = await start(jobId);
    await eventually('both requests open', async () => {
      const rows = await h.db
        .selectFrom('approval_request')
        .select('id')
        .where('job_id', '=', jobId)
        .where('status', '=', 'pending')
        .execute();
      return rows.length === 2 ? rows : undefined;
    });
    await ACTION_SCENARIOS.requestApproval();
    // The rules are published again while the requests wait: they carry on under the plan they were asked under.
    await publish(jobId, trigger.personMatched(), approvalFlow([tag('v2', 'pilothouse')]), {
      onlyImported: true,
      flowId,
      version: 2,
    });
    const results = await handle.executeUpdate(decideApprovalsUpdate, {
      args: [
        {
          decisions: [
            { personId: approvedC, decision: 'approved', decidedBy: 'riley@example.com' },
            { personId: declinedC, decision: 'rejected', decidedBy: 'riley@example.com', reason: 'Not now' },
          ],
        },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(['approved', 'rejected']);
    await ACTION_SCENARIOS.exportAsProspect();
    // A retried decision (its answer lost) returns the same steps, so the export is never lost.
    const request = await h.db
      .selectFrom('approval_request')
      .select(['id', 'outcome_steps'])
      .where('person_id', '=', approvedC)
      .executeTakeFirstOrThrow();
    const retried = await createActivities({ db: h.db }).resolveApproval({
      jobId,
      approvalId: request.id,
      personId: approvedC,
      outcome: 'approved',
      decidedBy: 'riley@example.com',
      reason: null,
    });
    expect(retried.steps).toEqual((request.outcome_steps as { steps: unknown[] }).steps);
    expect(retried.steps.map((step) => step.type)).toEqual(['export']);
    await eventually('the declined branch to tag', async () => {
      const row = await h.db
        .selectFrom('job_person')
        .select('tags')
        .where('person_id', '=', declinedC)
        .executeTakeFirstOrThrow();
      return row.tags.length > 0 ? row : undefined;
    });
    await ACTION_SCENARIOS.stop();
  });

  it('job F: export → reject → unreject → transfer to job D at its second stage; a prospect made a candidate at the second stage', async () => {
    expect(jobs.length).toBeGreaterThanOrEqual(6);
    const jobId = jobs[5]!;
    const jobStages = stages.get(jobId)!;
    const targetStages = stages.get(jobs[3]!)!;
    transferredTo = { jobId: jobs[3]!, stageId: targetStages[1]! };
    convertedAt = jobStages[1]!;
    personF = await personNamed(jobId, 'Finley');
    prospectF = await personNamed(jobId, 'Gray');
    await h.db
      .updateTable('person')
      .set({ linkedin_url: 'https://www.linkedin.com/in/gray-rulecase' })
      .where('id', '=', prospectF)
      .execute();
    await publish(
      jobId,
      trigger.personMatched(),
      [
        when(
          leaf('hasLinkedIn', 'is', true),
          [exportAsProspect(null), convertToCandidate(ghStage(convertedAt))],
          [
            exportAsCandidate(ghStage(jobStages[0]!)),
            reject(reason.id),
            unreject(),
            transferTo(transferredTo.jobId, transferredTo.stageId),
          ],
        ),
      ],
      { onlyImported: true },
    );
    await start(jobId);
    const exported = await candidateOf(jobId, personF);
    await eventually(
      'the transfer and the conversion',
      async () => {
        const moved = state().applications.find((a) => a.id === exported.greenhouse_application_id);
        const done = await h.db
          .selectFrom('audit_event')
          .select('action')
          .where('person_id', 'in', [personF, prospectF])
          .where('action', 'in', ['rule.transfer.done', 'rule.convert.done'])
          .execute();
        return moved?.job_id === transferredTo.jobId && done.length === 2 ? true : undefined;
      },
      {
        timeoutMs: 120_000,
        explain: () =>
          h.db.selectFrom('rule_action_failure').select(['decision_type', 'failure_message']).execute(),
      },
    );
    expect(
      await h.db.selectFrom('rule_action_failure').selectAll().where('job_id', '=', jobId).execute(),
    ).toEqual([]);
  });

  it.each(['unreject', 'transferToJob', 'convertToCandidate'] as const)(
    'job F: %s was carried out',
    async (kind) => {
      await ACTION_SCENARIOS[kind]();
    },
  );

  it('job B: publishing without "also apply to people already handled" leaves them alone; with it, the running autopilot evaluates them once', async () => {
    const jobId = jobs[1]!;
    const flowId = randomUUID();
    const admin = {
      id: randomUUID(),
      email: 'admin@example.com',
      name: 'Ada Admin',
      role: 'admin',
      greenhouse_user_id: null,
    } as SignedInUser;
    const flowTagging = (tagName: string): RuleFlow => ({
      ...flowOf(
        trigger.personMatched(),
        [when(leaf('source', 'is', 'import'), [tag(tagName, 'pilothouse')], [stop('Not imported')])],
        { id: flowId },
      ),
      jobId,
    });
    await h.db
      .insertInto('rule_flow')
      .values({
        id: flowId,
        job_id: jobId,
        name: 'Tag the imported',
        draft: JSON.stringify(flowTagging('draft')),
        updated_by: admin.email,
      })
      .execute();
    const validation = {
      ...(await loadValidationContext(h.db, jobId)),
      grantedScopes: [...new Set(Object.values(HARVEST_SCOPES_BY_ACTION).flat())],
    };
    const publishFromCanvas = async (tagName: string, retroactive: boolean) => {
      let published: Awaited<ReturnType<typeof publishFlow>> | undefined;
      // Publishing tells the running autopilot, which runs a cycle for it.
      await afterNextCycle(jobId, async () => {
        published = await publishFlow(context(), admin, flowTagging(tagName), validation, retroactive);
      });
      expect(published).toMatchObject({ ok: true, signalled: true });
    };
    const handled = [approvedC, declinedC];
    const tagsOf = async () =>
      Object.fromEntries(
        (
          await h.db
            .selectFrom('job_person')
            .select(['person_id', 'tags'])
            .where('job_id', '=', jobId)
            .where('person_id', 'in', handled)
            .execute()
        ).map((r) => [r.person_id, r.tags]),
      );
    const tracesOf = async (version: number) =>
      h.db
        .selectFrom('decision_trace')
        .select('person_id')
        .where('flow_id', '=', flowId)
        .where('rule_version', '=', version)
        .where('person_id', 'in', handled)
        .execute();

    await publishFromCanvas('new events only', false);
    expect(await tracesOf(1)).toEqual([]);
    for (const tags of Object.values(await tagsOf())) expect(tags).not.toContain('new events only');

    await publishFromCanvas('applied to the handled', true);
    const tagged = await eventually('the people already handled evaluated', async () => {
      const tags = await tagsOf();
      return handled.every((id) => tags[id]?.includes('applied to the handled')) ? tags : undefined;
    });
    expect(tagged[approvedC]).not.toContain('new events only');
    expect((await tracesOf(2)).map((t) => t.person_id).sort()).toEqual([...handled].sort());
    // Once per version: the next cycle evaluates nobody already evaluated under it again.
    await afterNextCycle(jobId, (handle) => handle.signal(newSourceDataSignal, { reason: 'manual' }));
    expect(await tracesOf(2)).toHaveLength(2);
  });

  // ----------------------------------------------------------------------------------------- triggers
  it('job C: "Export pressed" runs its flow (tag, then its own export as a prospect)', async () => {
    const jobId = jobs[2]!;
    const person = await personNamed(jobId, 'Dana');
    await publish(jobId, trigger.manualExportRequested(), [
      tag('pressed', 'pilothouse'),
      exportAsProspect(null),
    ]);
    const handle = await start(jobId);
    const { exportWorkflowId } = await handle.executeUpdate(exportNowUpdate, {
      args: [{ personId: person, requestedBy: 'riley@example.com' }],
    });
    const row = await candidateOf(jobId, person);
    expect(exportWorkflowId).toContain(person);
    expect(state().applications.find((a) => a.id === row.greenhouse_application_id)).toMatchObject({
      prospect: true,
    });
    const jp = await h.db
      .selectFrom('job_person')
      .select('tags')
      .where('person_id', '=', person)
      .executeTakeFirstOrThrow();
    expect(jp.tags).toEqual(['pressed']);
  });

  it('job C: "Match score crossed" runs once for the person whose score a retrained profile lifted past the threshold', async () => {
    const jobId = jobs[2]!;
    // Job C's autopilot is still running from the test above (its only flow: "Export pressed").
    const runCycle = () =>
      afterNextCycle(jobId, (handle) => handle.signal(newSourceDataSignal, { reason: 'manual' }));
    const { personId: pastryCook } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Parker',
        lastName: 'Rulecase',
        emails: [`parker.${jobId}@example.org`],
        title: 'Pastry Chef',
        skills: ['pastry', 'baking', 'laminated dough', 'croissants', 'chocolate'],
        resumeText:
          'Pastry Chef with eight years of experience: laminated dough, croissants, viennoiserie, chocolate tempering, plated desserts, running a pastry kitchen.',
      },
      { kind: 'import' },
    );
    const scoreOf = async (personId: string) =>
      await h.db
        .selectFrom('job_person')
        .select(['score', 'tags', 'pipeline_stage'])
        .where('job_id', '=', jobId)
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
    await runCycle();
    const before = await scoreOf(pastryCook);
    expect(before.score).not.toBeNull();
    expect(before.pipeline_stage).toBe('not_selected');
    const threshold = before.score! + 1;
    await publish(jobId, trigger.scoreCrossed(threshold, 'rises'), [tag('score rose', 'pilothouse')]);

    // The job is re-posted as a pastry job (as the job sync would store an edited post): the retrained
    // profile scores the pastry chef higher, and everyone else of the job is scored again too.
    await h.db
      .updateTable('job_post')
      .set({
        title: 'Pastry Chef',
        content:
          '<p>Our bakery is hiring a Pastry Chef.</p><h3>Requirements</h3><ul><li>Five years as a pastry chef</li><li>Laminated dough and croissants</li><li>Chocolate tempering</li></ul>',
      })
      .where('job_id', '=', jobId)
      .execute();
    await runCycle();
    const after = await scoreOf(pastryCook);
    expect(after.score!).toBeGreaterThanOrEqual(threshold);
    expect(after.tags).toEqual(['score rose']);
    // The person keeps their place in the pipeline: a crossing is not a new match.
    expect(after.pipeline_stage).toBe('not_selected');
    const crossingsOf = async (personId: string) =>
      (
        await h.db
          .selectFrom('decision_trace')
          .select('event')
          .where('job_id', '=', jobId)
          .where('person_id', '=', personId)
          .execute()
      ).filter((r) => (r.event as { type: string }).type === 'scoreCrossed');
    expect(await crossingsOf(pastryCook)).toHaveLength(1);

    // Everyone of the job was scored again: exactly those whose change rose past the threshold are tagged.
    const changes = await h.db
      .selectFrom('score_change')
      .select(['person_id', 'from_score', 'to_score'])
      .where('job_id', '=', jobId)
      .execute();
    const rose = new Set(
      changes.filter((c) => c.from_score < threshold && c.to_score >= threshold).map((c) => c.person_id),
    );
    expect(rose).toContain(pastryCook);
    expect(changes.some((c) => !rose.has(c.person_id))).toBe(true);
    const tagged = await h.db
      .selectFrom('job_person')
      .select('person_id')
      .where('job_id', '=', jobId)
      .where(sql<boolean>`tags @> '["score rose"]'::jsonb`)
      .execute();
    expect(new Set(tagged.map((t) => t.person_id))).toEqual(rose);

    // Not on every cycle: the next one, with no new scoring, starts nothing.
    await runCycle();
    expect(await crossingsOf(pastryCook)).toHaveLength(1);
    expect(
      await h.db
        .selectFrom('score_change')
        .select('id')
        .where('job_id', '=', jobId)
        .where('processed_at', 'is', null)
        .execute(),
    ).toEqual([]);
  });

  it('job D: "Job opened" and "Job closed" flows run when the job sync says so', async () => {
    const jobId = jobs[3]!;
    await publish(jobId, trigger.jobOpened(), [
      notifyWebhook('https://hooks.example.com/rules', 'Job D opened'),
    ]);
    await publish(jobId, trigger.jobClosed(), [
      notifyWebhook('https://hooks.example.com/rules', 'Job D closed'),
    ]);
    const handle = await start(jobId);
    await handle.signal(jobChangedSignal, { status: 'open' });
    await eventually('the opened notice', async () =>
      received.find((r) => r.body.includes('Job D opened')) ? true : undefined,
    );
    await handle.signal(jobChangedSignal, { status: 'closed' });
    await handle.result();
    const closed = received.filter((r) => r.body.includes('Job D closed'));
    expect(closed).toHaveLength(1);
    expect(signed(closed[0]!)).toBe(true);
  });

  it('job D: the status mapping saved for the job decides at run time what a Greenhouse rejection starts', async () => {
    const jobId = jobs[3]!;
    // Someone of the job's own Greenhouse applicants, as the autopilot's sourcing brought them in.
    const known = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select(['p.id', 'p.greenhouse_candidate_id'])
      .where('jp.job_id', '=', jobId)
      .where('p.greenhouse_candidate_id', 'is not', null)
      .orderBy('p.greenhouse_candidate_id')
      .execute();
    const [applicant, application] = known
      .map((k) => {
        const app = state().applications.find(
          (a) => a.candidate_id === Number(k.greenhouse_candidate_id) && a.job_id === jobId && !a.prospect,
        );
        return [k, app] as const;
      })
      .find(([, app]) => app !== undefined)!;
    expect(application).toBeDefined();
    const candidateId = Number(applicant.greenhouse_candidate_id);
    await publish(jobId, trigger.applicationRejected(), [tag('rejection seen', 'pilothouse')]);
    // As the stage mapping screen saves it: the admin says a Greenhouse rejection is not tracked here.
    const saveStatusOutcome = async (rejected: 'ignored' | 'rejected') => {
      const mapping = await loadStageMapping(h.db, jobId);
      mapping.statusOutcomes.rejected = rejected;
      await h.db
        .insertInto('stage_mapping')
        .values({ job_id: jobId, mapping: JSON.stringify(mapping), updated_by: 'admin@example.com' })
        .onConflict((oc) => oc.column('job_id').doUpdateSet({ mapping: JSON.stringify(mapping) }))
        .execute();
    };
    const activities = createActivities({ db: h.db, harvest: async () => h.harvest });
    const told = (eventId: string, kind: 'rejected' | 'unrejected') =>
      activities.applyStageEvent({
        jobId,
        event: {
          eventId,
          kind,
          jobId,
          candidateId,
          applicationId: application!.id,
          status: kind === 'rejected' ? 'rejected' : 'in_process',
          occurredAt: new Date().toISOString(),
        },
      });

    await saveStatusOutcome('ignored');
    expect((await told('mapping-ignored', 'rejected')).steps ?? []).toEqual([]);
    // Taken back, then rejected again once the admin says rejections are tracked.
    await told('taken-back', 'unrejected');
    await saveStatusOutcome('rejected');
    const mapped = await told('mapping-rejected', 'rejected');
    expect((mapped.steps ?? []).map((step) => step.type)).toEqual(['tag']);
    const traces = await h.db
      .selectFrom('decision_trace')
      .select('event')
      .where('job_id', '=', jobId)
      .where('person_id', '=', applicant.id)
      .execute();
    // Only the rejection read as one was evaluated (the ignored one left no trace).
    expect(traces.filter((t) => (t.event as { type: string }).type === 'applicationRejected')).toHaveLength(
      1,
    );
  });

  // Triggers this suite fires; the others are fired in the suites named.
  const TRIGGER_SCENARIOS: Record<TriggerKind, string> = {
    personMatched: 'job A',
    scoreCrossed: 'job C (a retrained profile lifts a score past the threshold)',
    approvalDecided: 'job B (the approval step carries on)',
    manualExportRequested: 'job C',
    jobOpened: 'job D',
    jobClosed: 'job D',
    outreachEvent: 'test/integration/autopilot/imports-and-outreach.test.ts',
    stageChanged: 'test/integration/rules/greenhouse-triggers.test.ts',
    applicationRejected: 'test/integration/rules/greenhouse-triggers.test.ts',
    candidateHired: 'test/integration/rules/greenhouse-triggers.test.ts',
  };
  it('every trigger kind the registry lists is accounted for', () => {
    expect(Object.keys(TRIGGER_SCENARIOS).sort()).toEqual([...TRIGGER_KINDS].sort());
  });

  // -------------------------------------------------------------------------------------- failures
  it('a reject Greenhouse refuses shows in Ops with a typed reason; Retry carries it out once', async () => {
    expect(jobs.length).toBeGreaterThanOrEqual(5);
    const jobId = jobs[4]!;
    const person = await personNamed(jobId, 'Emery');
    await publish(jobId, trigger.personMatched(), [
      exportAsCandidate(ghStage(stages.get(jobId)![0]!)),
      reject(reason.id),
    ]);
    h.sandbox.runtime.faults.update({ failPath: { pathPrefix: '/v3/applications/2', status: 403 } });
    await start(jobId);
    const exported = await candidateOf(jobId, person);
    const failure = await eventually('the failed reject in Ops', async () => {
      const rows = await failedRuleActions(context());
      return rows.find((r) => r.personId === person && r.action === 'reject');
    });
    expect(failure.failureType).toMatch(/\w+/);
    expect(failure.failureMessage).not.toContain('Emery');
    const row = await h.db
      .selectFrom('rule_action_failure')
      .select('workflow_id')
      .where('id', '=', failure.id)
      .executeTakeFirstOrThrow();
    // The Ops link names a workflow that exists.
    await expect(h.client.workflow.getHandle(row.workflow_id).describe()).resolves.toBeDefined();

    h.sandbox.runtime.faults.clear();
    const retried = await retryRuleAction(context(), failure.id, 'olu@example.com');
    expect(retried.started).toBe(true);
    await h.client.workflow.getHandle(retried.workflowId).result();
    const again = await retryRuleAction(context(), failure.id, 'olu@example.com');
    expect(again.started).toBe(false);
    expect(state().applications.find((a) => a.id === exported.greenhouse_application_id)).toMatchObject({
      status: 'rejected',
    });
    const done = await h.db
      .selectFrom('audit_event')
      .select('action')
      .where('person_id', '=', person)
      .where('action', '=', 'rule.reject.done')
      .execute();
    expect(done).toHaveLength(1);
    expect((await failedRuleActions(context())).find((r) => r.id === failure.id)).toBeUndefined();
    await expect(h.client.workflow.getHandle(retried.workflowId).describe()).resolves.toBeDefined();
  });

  it('a transfer Greenhouse refuses (already on the other job) shows in Ops with its reason; Retry transfers once the conflict is gone', async () => {
    expect(jobs.length).toBeGreaterThanOrEqual(7);
    const jobId = jobs[6]!;
    const targetJob = jobs[0]!;
    const targetStage = stages.get(targetJob)![1]!;
    const email = `harper.${jobId}@example.org`;
    // Harper applied to job A on its careers page; the rules of job G will try to transfer Harper there too.
    const applied = await fetch(`${h.sandbox.controlUrl}/recruiter/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Harper', last_name: 'Rulecase', email, job_id: targetJob }),
    });
    expect(applied.status).toBe(201);
    const onTarget = ((await applied.json()) as { application: { id: number } }).application.id;
    const person = await personNamed(jobId, 'Harper');
    await publish(
      jobId,
      trigger.personMatched(),
      [exportAsCandidate(ghStage(stages.get(jobId)![0]!)), transferTo(targetJob, targetStage)],
      { onlyImported: true },
    );
    await start(jobId);
    const exported = await candidateOf(jobId, person);
    const failure = await eventually('the refused transfer in Ops', async () => {
      const rows = await failedRuleActions(context());
      return rows.find((r) => r.personId === person && r.action === 'transfer');
    });
    expect(failure.failureType).toMatch(/\w+/);
    expect(failure.step).toBe('Transfer to another job');
    expect(failure.failureMessage).toContain('already has an application for the job');
    expect(failure.failureMessage).not.toContain('Harper');
    expect(state().applications.find((a) => a.id === exported.greenhouse_application_id)?.job_id).toBe(jobId);

    // A recruiter moves Harper's own application on job A to another job; then Ops retries the transfer.
    const moved = await fetch(`${h.sandbox.controlUrl}/recruiter/applications/${onTarget}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_job_id: jobs[1] }),
    });
    expect(moved.status).toBe(200);
    const retried = await retryRuleAction(context(), failure.id, 'olu@example.com');
    expect(retried.started).toBe(true);
    await h.client.workflow.getHandle(retried.workflowId).result();
    expect(state().applications.find((a) => a.id === exported.greenhouse_application_id)).toMatchObject({
      job_id: targetJob,
      job_interview_stage_id: targetStage,
    });
    expect((await retryRuleAction(context(), failure.id, 'olu@example.com')).started).toBe(false);
    expect((await failedRuleActions(context())).find((r) => r.id === failure.id)).toBeUndefined();
  });

  function context(): PilothouseContext {
    return {
      db: h.db,
      temporal: h.client,
      env: { TEMPORAL_TASK_QUEUE: h.taskQueue, TEMPORAL_NAMESPACE: 'default', TEMPORAL_UI_PORT: 8233 },
    } as unknown as PilothouseContext;
  }
});
