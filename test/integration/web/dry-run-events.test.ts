// The dry run replays real stored events of the last 30 days for the flow's trigger, against the job's
// people as Pilothouse knows them — on the run's real PostgreSQL, through the real webhook translation.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import type { Db } from '../../../db/database';
import {
  HARVEST_SCOPES_BY_ACTION,
  type RuleFlow,
  type TriggerData,
  type ValidationContext,
} from '../../../rules';
import { dryRunFlow } from '../../../web/server/rules.server';
import type { PilothouseContext } from '../../../web/server/load-context';
import { testDb } from '../../support/services';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_001;
const REVIEW = 6_990_001;
const SCREEN = 6_990_002;
const NOT_A_FIT = 7_990_001;
const NOW = new Date('2026-12-03T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const validation: ValidationContext = {
  jobId: JOB_ID,
  greenhouseStages: [
    { id: REVIEW, job_id: JOB_ID, name: 'Application Review', sort_order: 0, active: true },
    { id: SCREEN, job_id: JOB_ID, name: 'Phone Screen', sort_order: 1, active: true },
  ],
  stageMapping: null,
  prospectPools: [],
  rejectionReasons: [{ id: NOT_A_FIT, name: 'Not a fit' }],
  users: [],
  requirementNames: [],
  grantedScopes: [...new Set(Object.values(HARVEST_SCOPES_BY_ACTION).flat())],
};

/** trigger → score below 40 → reject ("Not a fit"), otherwise stop; the admin accepted rejecting unattended. */
function rejectLowScores(trigger: TriggerData): RuleFlow {
  return {
    schemaVersion: 2,
    id: 'dry-run-flow',
    jobId: JOB_ID,
    name: 'Reject low scores',
    nodes: [
      { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: trigger },
      {
        id: 'low',
        type: 'condition',
        position: { x: 0, y: 100 },
        data: { when: { field: 'score', op: 'lt', value: 40 } },
      },
      {
        id: 'rej',
        type: 'action',
        position: { x: 0, y: 200 },
        data: { kind: 'reject', rejectionReasonId: NOT_A_FIT, sendEmail: false },
      },
      { id: 'end', type: 'action', position: { x: 200, y: 200 }, data: { kind: 'stop' } },
    ],
    edges: [
      { id: 'e1', source: 't', target: 'low', sourceHandle: 'next' },
      { id: 'e2', source: 'low', target: 'rej', sourceHandle: 'then' },
      { id: 'e3', source: 'low', target: 'end', sourceHandle: 'otherwise' },
    ],
    acknowledgements: [
      {
        nodeId: 'rej',
        code: 'reject-without-approval',
        acknowledgedBy: 'admin@example.com',
        acknowledgedAt: NOW.toISOString(),
      },
    ],
  } as RuleFlow;
}

function stageChangeWebhook(candidateId: number, applicationId: number, stageId: number) {
  return {
    action: 'candidate_stage_change',
    payload: {
      application: {
        id: applicationId,
        status: 'active',
        prospect: false,
        current_stage: { id: stageId, name: stageId === SCREEN ? 'Phone Screen' : 'Application Review' },
        jobs: [{ id: JOB_ID, name: 'Dry Run Engineer' }],
        candidate: { id: candidateId, first_name: 'X', last_name: 'Y' },
      },
    },
  };
}

describe('dry run over the last 30 days of real events', () => {
  let db: Db;
  const context = () => ({ db }) as PilothouseContext;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    db = testDb();
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await sql`delete from webhook_event where job_id = ${JOB_ID}`.execute(db);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Dry Run Engineer', status: 'open' });
    await db
      .insertInto('job_stage')
      .values(
        validation.greenhouseStages.map(({ id, job_id, name, sort_order }) => ({
          id,
          job_id,
          name,
          sort_order,
        })),
      )
      .execute();
    const add = async (key: string, firstName: string, candidateId: number, score: number) => {
      const { personId } = await addPersonToJob(
        db,
        JOB_ID,
        {
          firstName,
          lastName: 'Dryrun',
          emails: [`${key}@dry-run.test`],
          greenhouseCandidateId: candidateId,
        },
        { kind: 'inbound' },
      );
      await db
        .updateTable('job_person')
        .set({ score, greenhouse: JSON.stringify({ kind: 'applicant', candidateId, onThisJob: true }) })
        .where('job_id', '=', JOB_ID)
        .where('person_id', '=', personId)
        .execute();
      people[key] = personId;
    };
    await add('ana', 'Ana', 8_990_001, 22);
    await add('ben', 'Ben', 8_990_002, 85);
    await add('cleo', 'Cleo', 8_990_003, 15);
    await add('dev', 'Dev', 8_990_004, 10);

    const webhook = (candidateId: number, applicationId: number, stageId: number, at: Date, id: string) => ({
      event_id: `dry-run-${id}`,
      action: 'candidate_stage_change',
      verdict: 'accepted' as const,
      job_id: JOB_ID,
      received_at: at,
      payload: JSON.stringify(stageChangeWebhook(candidateId, applicationId, stageId)),
    });
    await db
      .insertInto('webhook_event')
      .values([
        webhook(8_990_001, 9_990_001, SCREEN, daysAgo(2), 'ana'), // low score, moved to the screen: rejected
        webhook(8_990_002, 9_990_002, SCREEN, daysAgo(5), 'ben'), // high score: nothing
        webhook(8_990_003, 9_990_003, REVIEW, daysAgo(9), 'cleo'), // low score, but not to the screen: no start
        webhook(8_990_004, 9_990_004, SCREEN, daysAgo(45), 'dev'), // too long ago: not replayed
      ])
      .execute();
    await db
      .insertInto('outreach_event')
      .values([
        { job_id: JOB_ID, person_id: people.cleo!, kind: 'replied_interested', occurred_at: daysAgo(3) },
        { job_id: JOB_ID, person_id: people.ben!, kind: 'replied', occurred_at: daysAgo(4) },
      ] as never)
      .execute();
  });

  afterAll(async () => {
    await sql`delete from webhook_event where job_id = ${JOB_ID}`.execute(db);
    await sql`delete from person where id in (select person_id from job_person where job_id = ${JOB_ID})`.execute(
      db,
    );
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await db.destroy();
  });

  it('"of the last 30 days of stage changes, these would have been rejected": the stored webhooks are replayed', async () => {
    const report = await dryRunFlow(
      context(),
      rejectLowScores({ kind: 'stageChanged', from: null, to: { kind: 'greenhouse', stageId: SCREEN } }),
      validation,
      NOW,
    );
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.over).toBe('the 3 stage changes in Greenhouse of the last 30 days');
    expect(report.total).toBe(3);
    expect(report.counts.rejected).toBe(1);
    expect(report.touched).toBe(1);
    expect(report.examples.rejected).toEqual([
      {
        personId: people.ana,
        name: 'Ana Dryrun',
        because: expect.stringContaining('reject ("Not a fit", no email)'),
      },
    ]);
  });

  it('an outreach-triggered flow replays the stored outreach events of the window', async () => {
    const report = await dryRunFlow(
      context(),
      rejectLowScores({ kind: 'outreachEvent', events: ['repliedInterested'] }),
      validation,
      NOW,
    );
    if (!report.ok) throw new Error('the flow should compile');
    expect(report.over).toBe('the 2 outreach events of the last 30 days');
    expect(report.examples.rejected?.map((e) => e.name)).toEqual(['Cleo Dryrun']);
    expect(report.touched).toBe(1);
  });

  it('a person-matched flow runs over the scored people as they are now', async () => {
    const report = await dryRunFlow(context(), rejectLowScores({ kind: 'personMatched' }), validation, NOW);
    if (!report.ok) throw new Error('the flow should compile');
    expect(report.over).toBe('the 4 scored people of this job as they are now');
    expect(report.counts.rejected).toBe(3);
  });

  it('a "match score crossed" flow replays the recorded score changes of the window; only crossings start it', async () => {
    await db
      .insertInto('score_change')
      .values([
        // fell below 40 (from 55 to 22): starts the flow, whose condition sees 22 → rejected
        {
          job_id: JOB_ID,
          person_id: people.ana!,
          from_score: 55,
          to_score: 22,
          profile_version: 2,
          changed_at: daysAgo(1),
        },
        // moved but stayed above 40: no start
        {
          job_id: JOB_ID,
          person_id: people.ben!,
          from_score: 70,
          to_score: 85,
          profile_version: 2,
          changed_at: daysAgo(1),
        },
        // fell below 40, but too long ago: not replayed
        {
          job_id: JOB_ID,
          person_id: people.dev!,
          from_score: 60,
          to_score: 10,
          profile_version: 1,
          changed_at: daysAgo(40),
        },
      ] as never)
      .execute();
    const report = await dryRunFlow(
      context(),
      rejectLowScores({ kind: 'scoreCrossed', threshold: 40, direction: 'falls' }),
      validation,
      NOW,
    );
    if (!report.ok) throw new Error('the flow should compile');
    expect(report.over).toBe('the 2 match score changes of the last 30 days');
    expect(report.examples.rejected?.map((e) => e.name)).toEqual(['Ana Dryrun']);
    expect(report.counts.noAction).toBe(1);
    expect(report.touched).toBe(1);
  });

  it('an "application rejected" flow replays the stored rejection webhooks of the window', async () => {
    const rejection = (candidateId: number, applicationId: number, at: Date, id: string) => ({
      event_id: `dry-run-reject-${id}`,
      action: 'reject_candidate',
      verdict: 'accepted' as const,
      job_id: JOB_ID,
      received_at: at,
      payload: JSON.stringify({
        action: 'reject_candidate',
        payload: {
          application: {
            ...stageChangeWebhook(candidateId, applicationId, REVIEW).payload.application,
            status: 'rejected',
            rejection_reason: { id: NOT_A_FIT, name: 'Not a fit' },
          },
        },
      }),
    });
    await db
      .insertInto('webhook_event')
      .values([
        rejection(8_990_003, 9_990_003, daysAgo(1), 'cleo'),
        rejection(8_990_002, 9_990_002, daysAgo(6), 'ben'),
      ])
      .execute();
    const report = await dryRunFlow(
      context(),
      rejectLowScores({ kind: 'applicationRejected' }),
      validation,
      NOW,
    );
    if (!report.ok) throw new Error('the flow should compile');
    expect(report.over).toBe('the 2 rejections in Greenhouse of the last 30 days');
    expect(report.examples.rejected?.map((e) => e.name)).toEqual(['Cleo Dryrun']);
    expect(report.counts.noAction).toBe(1);
  });

  it('an "approval decided" flow replays the decisions recruiters made in the window', async () => {
    const decided = (personId: string, status: 'approved' | 'rejected' | 'pending', at: Date) => ({
      job_id: JOB_ID,
      person_id: personId,
      workflow_id: `autopilot-dry-run-${JOB_ID}`,
      requested_from: null,
      status,
      decided_by: status === 'pending' ? null : 'rita.recruiter@example.com',
      decided_at: status === 'pending' ? null : at,
      due_at: null,
    });
    await db
      .insertInto('approval_request')
      .values([
        decided(people.ana!, 'rejected', daysAgo(2)), // decided, low score: rejected
        decided(people.ben!, 'approved', daysAgo(3)), // decided, high score: nothing
        decided(people.cleo!, 'pending', daysAgo(1)), // not decided yet: not replayed
        decided(people.dev!, 'approved', daysAgo(40)), // too long ago
      ])
      .execute();
    const report = await dryRunFlow(
      context(),
      rejectLowScores({ kind: 'approvalDecided', outcome: 'either' }),
      validation,
      NOW,
    );
    if (!report.ok) throw new Error('the flow should compile');
    expect(report.over).toBe('the 2 approval decisions of the last 30 days');
    expect(report.examples.rejected?.map((e) => e.name)).toEqual(['Ana Dryrun']);
    expect(report.counts.noAction).toBe(1);
  });

  it('an "Export pressed" flow replays the presses recorded in the audit log', async () => {
    await db
      .insertInto('audit_event')
      .values([
        {
          actor: 'rita.recruiter@example.com',
          action: 'export.requested',
          job_id: JOB_ID,
          person_id: people.dev!,
          occurred_at: daysAgo(1),
        },
        {
          actor: 'rita.recruiter@example.com',
          action: 'export.requested',
          job_id: JOB_ID,
          person_id: people.ben!,
          occurred_at: daysAgo(2),
        },
      ] as never)
      .execute();
    const report = await dryRunFlow(
      context(),
      rejectLowScores({ kind: 'manualExportRequested' }),
      validation,
      NOW,
    );
    if (!report.ok) throw new Error('the flow should compile');
    expect(report.over).toBe('the 2 "Export to Greenhouse" presses of the last 30 days');
    expect(report.examples.rejected?.map((e) => e.name)).toEqual(['Dev Dryrun']);
  });

  it('"Job opened" and "Job closed" flows run once, for the job itself', async () => {
    for (const kind of ['jobOpened', 'jobClosed'] as const) {
      const report = await dryRunFlow(
        context(),
        {
          ...rejectLowScores({ kind }),
          nodes: [
            { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { kind } },
            {
              id: 'note',
              type: 'action',
              position: { x: 0, y: 100 },
              data: {
                kind: 'notify',
                channel: { type: 'inApp', to: { kind: 'hiringTeam', role: 'recruiter' } },
                message: 'The job changed',
              },
            },
          ],
          edges: [{ id: 'e1', source: 't', target: 'note', sourceHandle: 'next' }],
          acknowledgements: [],
        } as RuleFlow,
        validation,
        NOW,
      );
      if (!report.ok) throw new Error(`the ${kind} flow should compile: ${JSON.stringify(report)}`);
      expect(report.over).toBe(`this job ${kind === 'jobOpened' ? 'opening' : 'closing'} (it is open now)`);
      expect(report.total).toBe(1);
    }
  });

  it('with nothing stored in the window the dry run says so instead of inventing cases', async () => {
    const report = await dryRunFlow(context(), rejectLowScores({ kind: 'candidateHired' }), validation, NOW);
    if (!report.ok) throw new Error('the flow should compile');
    expect(report).toMatchObject({
      total: 0,
      touched: 0,
      over: 'the 0 hires in Greenhouse of the last 30 days',
    });
  });
});
