import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv, type Env } from '../../../config/env';
import { sql } from 'kysely';
import { addPersonToJob } from '../../../db/queries/people';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import { ingestWebhook, signalStoredEvent } from '../../../web/server/webhook-ingest.server';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { historyText } from '../../support/history-text';
import { sandboxConnectionSettings } from '../../../sandbox';

const WEBHOOK_SECRET = 'webhook-secret-for-erasure-tests';

// Greenhouse erases a person who is only on a closed job: no autopilot runs for it, and the erasure
// must happen all the same — in a workflow of its own, proven by the job sync's sweep afterwards.
describe('erasure independent of any job', () => {
  let h: AutopilotHarness;
  let env: Env;
  let closedJob: number;
  let eventNumber = 0;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    await h.db.deleteFrom('greenhouse_connection').execute();
    env = parseEnv({
      DATABASE_URL: inject('databaseUrl'),
      ...sandboxConnectionSettings(h.sandbox),
      GREENHOUSE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    });
    closedJob = await h.syncAndPickOpenJob({ autopilot: false });
    // The job closed; its autopilot (never started here) is not running.
    await h.db.updateTable('job').set({ status: 'closed' }).where('id', '=', closedJob).execute();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  async function deliver(action: string, payload: Record<string, unknown>) {
    const body = JSON.stringify({ action, payload });
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
    const context = { env, db: h.db, temporal: h.client, taskQueue: h.taskQueue };
    const stored = await ingestWebhook(
      context,
      new Request('http://pilothouse.test/webhooks/greenhouse', {
        method: 'POST',
        headers: { Signature: `sha256 ${signature}`, 'Greenhouse-Event-ID': `erasure-${++eventNumber}` },
        body,
      }),
    );
    expect(stored).toMatchObject({ status: 200, body: 'accepted' });
    await expect(signalStoredEvent(context, stored.eventRowId!)).resolves.toBe(true);
  }

  const personRow = (personId: string) =>
    h.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();

  it('erases a deleted or anonymized person and merges a merged one on a closed job', async () => {
    const deleted = await addPersonToJob(
      h.db,
      closedJob,
      {
        firstName: 'Dora',
        lastName: 'Deleted',
        emails: ['dora@example.org'],
        greenhouseCandidateId: 950_001,
      },
      { kind: 'import' },
    );
    const anonymized = await addPersonToJob(
      h.db,
      closedJob,
      { firstName: 'Abe', lastName: 'Anon', emails: ['abe@example.org'], greenhouseCandidateId: 950_002 },
      { kind: 'import' },
    );
    const survivor = await addPersonToJob(
      h.db,
      closedJob,
      { firstName: 'Sue', lastName: 'Stays', emails: ['sue@example.org'], greenhouseCandidateId: 950_003 },
      { kind: 'import' },
    );
    const mergedAway = await addPersonToJob(
      h.db,
      closedJob,
      {
        firstName: 'Susan',
        lastName: 'Stays',
        emails: ['susan@example.org'],
        greenhouseCandidateId: 950_004,
      },
      { kind: 'import' },
    );

    // What else names the deleted person here: stored payloads that carry their id under other keys,
    // and a recruiter's reason for declining them.
    const payloads = await h.db
      .insertInto('webhook_event')
      .values([
        {
          action: 'prospect_created',
          verdict: 'accepted',
          payload: JSON.stringify({ payload: { person_id: 950_001, first_name: 'Dora' } }),
        },
        {
          action: 'new_candidate_application',
          verdict: 'accepted',
          payload: JSON.stringify({
            payload: { application: { candidate_id: 950_001, notes: 'Dora Deleted' } },
          }),
        },
      ])
      .returning('id')
      .execute();
    await h.db
      .insertInto('audit_event')
      .values({
        actor: 'riley@example.com',
        action: 'approval.rejected',
        person_id: deleted.personId,
        details: { approvalId: 'a-1', reason: 'Dora Deleted has no Go experience' },
      })
      .execute();

    await deliver('delete_candidate', { person: { id: 950_001 } });
    await deliver('candidate_anonymized', { person: { id: 950_002 } });
    await deliver('merge_candidate', { person: { id: 950_003 }, merged_candidate_ids: [950_004] });

    await eventually('the deleted person erased', async () =>
      (await personRow(deleted.personId)) ? undefined : true,
    );
    await eventually('the anonymized person erased', async () =>
      (await personRow(anonymized.personId)) ? undefined : true,
    );
    await eventually('the merged person folded into the remaining one', async () =>
      (await personRow(mergedAway.personId)) ? undefined : true,
    );
    const merged = await personRow(survivor.personId);
    expect([...merged!.emails].sort()).toEqual(['sue@example.org', 'susan@example.org']);
    const left = await h.db
      .selectFrom('webhook_event')
      .select('payload')
      .where(
        'id',
        'in',
        payloads.map((p) => p.id),
      )
      .execute();
    expect(left).toEqual([{ payload: null }, { payload: null }]);
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from audit_event where details::text ilike '%Dora%'`.execute(h.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('names no one in an export failure', async () => {
    const { personId } = await addPersonToJob(
      h.db,
      closedJob,
      { firstName: 'Nolan', lastName: 'Nocontact', emails: [] },
      { kind: 'import' },
    );
    await expect(
      h.client.workflow.execute('exportCandidate', {
        taskQueue: h.taskQueue,
        workflowId: exportWorkflowId(closedJob, personId),
        args: [
          {
            jobId: closedJob,
            personId,
            target: { kind: 'candidate', stageId: null },
            requestedBy: 'riley@example.com',
          },
        ],
      }),
    ).rejects.toThrow();
    const ledger = await h.db
      .selectFrom('export_ledger')
      .select(['failure_type', 'failure_message'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(ledger.failure_type).toBe('MissingContactDetails');
    expect(ledger.failure_message).toMatch(/no email or LinkedIn URL/);
    expect(ledger.failure_message).not.toMatch(/Nolan|Nocontact/);
    const history = await h.client.workflow.getHandle(exportWorkflowId(closedJob, personId)).fetchHistory();
    expect(historyText(history)).toContain('MissingContactDetails');
    expect(historyText(history)).not.toMatch(/Nolan|Nocontact/);
  });

  it('the job sync proves no erased candidate still has data here, and erases what it finds', async () => {
    await deliver('delete_candidate', { person: { id: 950_010 } });
    await eventually('the erasure recorded', async () =>
      (await h.db
        .selectFrom('erased_candidate')
        .select('greenhouse_candidate_id')
        .where('greenhouse_candidate_id', '=', 950_010)
        .executeTakeFirst())
        ? true
        : undefined,
    );
    // After the erasure, a list import brings the same Greenhouse candidate back in with their details.
    const back = await addPersonToJob(
      h.db,
      closedJob,
      {
        firstName: 'Rita',
        lastName: 'Returns',
        emails: ['rita@example.org'],
        greenhouseCandidateId: 950_010,
      },
      { kind: 'import' },
    );
    expect(await personRow(back.personId)).toBeDefined();

    // Webhook payloads are kept for the retention period (30 days by default), then emptied.
    const [old, recent] = await h.db
      .insertInto('webhook_event')
      .values([
        {
          action: 'candidate_stage_change',
          verdict: 'accepted',
          received_at: new Date(Date.now() - 31 * 86_400_000),
          payload: JSON.stringify({ payload: {} }),
        },
        {
          action: 'candidate_stage_change',
          verdict: 'accepted',
          received_at: new Date(Date.now() - 29 * 86_400_000),
          payload: JSON.stringify({ payload: {} }),
        },
      ])
      .returning('id')
      .execute();

    await h.client.workflow.execute('syncJobs', {
      taskQueue: h.taskQueue,
      workflowId: `sync-sweep-${h.taskQueue}`,
      args: [{}],
    });
    expect(await personRow(back.personId)).toBeUndefined();
    const kept = await h.db
      .selectFrom('webhook_event')
      .select(['id', 'payload'])
      .where('id', 'in', [old!.id, recent!.id])
      .orderBy('id')
      .execute();
    expect(kept.map((row) => row.payload !== null)).toEqual([false, true]);
    const repeated = await h.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'person.erasure_repeated')
      .execute();
    expect(repeated.map((r) => r.details)).toEqual([{ candidateId: 950_010, reason: 'deleted' }]);
  });
});
