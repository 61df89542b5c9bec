import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { collect } from '../../../greenhouse/client';
import { CURRENT_FLOW_SCHEMA_VERSION, type RuleFlow } from '../../../rules';
import type { PilothouseContext } from '../../../web/server/load-context';
import { runWeb } from '../../../web/server/run-web';
import { importUpload } from '../../../web/server/sourcing.server';
import { autopilotWorkflowId, statusQuery } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { freePort } from '../../support/free-port';
import { publishRules } from '../../support/publish-rules';

const OUTREACH_TOKEN = 'outreach-token-for-the-tests-0123456789';

/** "When someone replies to outreach, export them to Greenhouse" — an interested reply is a reply too. */
function exportOnReplyFlow(jobId: number): RuleFlow {
  return {
    schemaVersion: CURRENT_FLOW_SCHEMA_VERSION,
    id: randomUUID(),
    jobId,
    name: 'Replies go to Greenhouse',
    nodes: [
      {
        id: 'replied',
        type: 'trigger',
        position: { x: 0, y: 0 },
        data: { kind: 'outreachEvent', events: ['replied'] },
      },
      {
        id: 'export',
        type: 'action',
        position: { x: 0, y: 160 },
        data: { kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } },
      },
    ],
    edges: [{ id: 'replied->export', source: 'replied', target: 'export', sourceHandle: 'next' }],
    acknowledgements: [],
  } as RuleFlow;
}

// People reach a job from a recruiter's uploaded list and from an outreach tool's events; a reply to
// outreach sets off the job's rules like any other trigger.
describe('people from uploaded lists and outreach events', () => {
  let h: AutopilotHarness;
  let web: Awaited<ReturnType<typeof runWeb>>;
  let webUrl: string;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    const port = await freePort();
    web = await runWeb(
      parseEnv({
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: inject('temporalNamespace'),
        TEMPORAL_TASK_QUEUE: h.taskQueue,
        PORT: String(port),
        SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
        OUTREACH_API_TOKEN: OUTREACH_TOKEN,
      }),
    );
    webUrl = `http://127.0.0.1:${port}`;
    jobId = await h.syncAndPickOpenJob({ newest: true });
    await publishRules(h.db, exportOnReplyFlow(jobId));
  });

  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  const context = () => ({ db: h.db, temporal: h.client }) as unknown as PilothouseContext;
  const upload = (fileName: string, text: string) =>
    importUpload(context(), {
      jobId,
      file: new File([text], fileName, { type: 'text/csv' }),
      user: {
        id: 'rhea',
        email: 'rhea@example.com',
        name: 'Rhea',
        role: 'recruiter',
        greenhouse_user_id: null,
      },
    });
  const postEvents = (body: unknown, token = OUTREACH_TOKEN) =>
    fetch(`${webUrl}/api/outreach-events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const onJob = (email: string) =>
    h.db
      .selectFrom('job_person')
      .innerJoin('person', 'person.id', 'job_person.person_id')
      .select(['person.id', 'job_person.source_kind', 'job_person.pipeline_stage', 'job_person.score'])
      .where('job_person.job_id', '=', jobId)
      .where(sql<boolean>`person.emails @> ${JSON.stringify([email])}::jsonb`)
      .executeTakeFirst();

  it('a list with a bad row is refused whole, naming the row; the fixed list is imported once', async () => {
    const bad = await upload(
      'referrals.csv',
      'Name,Email,Title\nNoor Haddad,noor.haddad@example.org,Platform Engineer\nTheo Marsh,theo.marsh@,SRE\n',
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'email', message: expect.stringContaining('"theo.marsh@"') }),
    ]);
    expect(await onJob('noor.haddad@example.org')).toBeUndefined();

    const fixed =
      'Name,Email,Title\nNoor Haddad,noor.haddad@example.org,Platform Engineer\nTheo Marsh,theo.marsh@example.org,SRE\n';
    const first = await upload('referrals.csv', fixed);
    expect(first).toMatchObject({ ok: true, result: { added: 2, alreadyOnJob: 0 } });
    const again = await upload('referrals.csv', fixed);
    expect(again).toMatchObject({ ok: true, result: { added: 0, alreadyOnJob: 2 } });
    expect(await onJob('theo.marsh@example.org')).toMatchObject({
      source_kind: 'import',
      pipeline_stage: 'sourced',
    });
  });

  it('the outreach API refuses a wrong token and invalid events, and stores a redelivery once', async () => {
    const event = {
      event_id: 'seq-42-reply',
      job_id: jobId,
      type: 'replied_interested',
      occurred_at: '2026-12-02T09:30:00Z',
      sequence: 'Platform Q4',
      person: { first_name: 'Ines', last_name: 'Duarte', email: 'ines.duarte@example.org', title: 'SRE' },
    };
    expect((await postEvents(event, 'not-the-token')).status).toBe(401);

    const invalid = await postEvents({
      events: [event, { ...event, event_id: 'x', person: { first_name: 'No' } }],
    });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { details: string[] }).details).toEqual([
      expect.stringMatching(/^events\.1\.person: .*email or a LinkedIn URL/),
    ]);
    expect(await onJob('ines.duarte@example.org')).toBeUndefined();

    const added = await postEvents({
      events: [
        {
          ...event,
          event_id: 'seq-42-added',
          type: 'added_to_sequence',
          occurred_at: '2026-11-30T08:00:00Z',
        },
        event,
      ],
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ stored: 2, duplicates: 0 });
    const redelivered = await postEvents(event);
    expect(await redelivered.json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await onJob('ines.duarte@example.org')).toMatchObject({ source_kind: 'outreach' });
  });

  it('the cycle scores everyone; the interested reply sets off the rule and the person lands in Greenhouse', async () => {
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 60 }],
    });
    await eventually(
      'the cycle finished and the reply was acted on',
      async () => {
        const status = await handle.query(statusQuery);
        const pending = await h.db
          .selectFrom('outreach_event')
          .select('id')
          .where('job_id', '=', jobId)
          .where('processed_at', 'is', null)
          .execute();
        return status.phase === 'sleeping' && pending.length === 0 ? status : undefined;
      },
      { explain: async () => handle.query(statusQuery) },
    );

    // Only the reply matches the flow's trigger; being added to a sequence sets nothing off.
    const [candidate] = await eventually('Ines exported', async () => {
      const found = await collect(h.harvest.listCandidates({ email: 'ines.duarte@example.org' }));
      return found.length ? found : undefined;
    });
    const applications = await collect(h.harvest.listApplications({ candidate_ids: [candidate!.id] }));
    expect(applications.filter((a) => a.job_id === jobId)).toHaveLength(1);

    // Uploaded people were looked up and scored, not exported: no flow of this job fires on a match.
    const noor = await onJob('noor.haddad@example.org');
    expect(noor?.score).not.toBeNull();
    expect(await collect(h.harvest.listCandidates({ email: 'noor.haddad@example.org' }))).toEqual([]);

    // Applicants this job's recruiters already rejected or hired in Greenhouse are left as decided there.
    const decided = await h.db
      .selectFrom('job_person')
      .select(['pipeline_stage', 'greenhouse'])
      .where('job_id', '=', jobId)
      .where(
        sql<boolean>`greenhouse->>'status' in ('rejected', 'hired') and (greenhouse->>'onThisJob')::boolean`,
      )
      .execute();
    expect(decided.length, 'the sandbox job has applicants Greenhouse already decided').toBeGreaterThan(0);
    expect(new Set(decided.map((row) => row.pipeline_stage))).toEqual(new Set(['decided_in_greenhouse']));
    await handle.terminate('test over');
  });
});
