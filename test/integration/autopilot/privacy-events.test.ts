import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv, type Env } from '../../../config/env';
import { addPersonToJob } from '../../../db/queries/people';
import { ingestWebhook, signalStoredEvent } from '../../../web/server/webhook-ingest.server';
import { autopilotWorkflowId, exportNowUpdate, statusQuery } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { sandboxConnectionSettings } from '../../../sandbox';

const WEBHOOK_SECRET = 'webhook-secret-for-privacy-tests';

// Greenhouse erases or merges a person; a signed webhook tells Pilothouse, whose database then holds
// none of the erased person's data (the export ledger keeps ids only) and one record for the merged one.
describe('privacy events from Greenhouse', () => {
  let h: AutopilotHarness;
  let env: Env;
  let jobA: number;
  let jobB: number;
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
    await h.client.workflow.execute('syncJobs', {
      taskQueue: h.taskQueue,
      workflowId: `sync-${h.taskQueue}`,
      args: [{}],
    });
    const open = await h.db
      .selectFrom('job')
      .select('id')
      .where('status', '=', 'open')
      .orderBy('id')
      .limit(2)
      .execute();
    [jobA, jobB] = [open[0]!.id, open[1]!.id];
    await h.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', jobA).execute();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  /** What Greenhouse sends and the web endpoint does with it: verify, store, signal. */
  async function deliver(action: string, payload: Record<string, unknown>) {
    const body = JSON.stringify({ action, payload });
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
    const context = { env, db: h.db, temporal: h.client, taskQueue: h.taskQueue };
    const stored = await ingestWebhook(
      context,
      new Request('http://pilothouse.test/webhooks/greenhouse', {
        method: 'POST',
        headers: { Signature: `sha256 ${signature}`, 'Greenhouse-Event-ID': `privacy-${++eventNumber}` },
        body,
      }),
    );
    expect(stored).toMatchObject({ status: 200, body: 'accepted' });
    await expect(signalStoredEvent(context, stored.eventRowId!)).resolves.toBe(true);
  }

  async function auditCount(action: string) {
    const rows = await h.db.selectFrom('audit_event').select('id').where('action', '=', action).execute();
    return rows.length;
  }

  async function scoresOf(personId: string) {
    const rows = await h.db
      .selectFrom('match_score')
      .select('job_id')
      .where('person_id', '=', personId)
      .execute();
    return rows.length;
  }

  async function mentions(table: 'match_score' | 'webhook_event', needle: string) {
    const column = table === 'match_score' ? sql.ref('explanation') : sql.ref('payload');
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}
      where ${column}::text ilike ${`%${needle}%`}`.execute(h.db);
    return Number(rows[0]!.n);
  }

  it('erases a deleted person, keeps an exported one as ids only, removes an anonymized one, merges two into one', async () => {
    const erased = await addPersonToJob(
      h.db,
      jobA,
      {
        firstName: 'Erin',
        lastName: 'Erasable',
        emails: ['erin.erasable@example.org'],
        phones: ['+1 555 010 7788'],
        linkedinUrl: 'https://www.linkedin.com/in/erin-erasable',
        resumeText:
          'Senior Backend Engineer (2016 – present)\nBuilt Zanzibarite settlement services in Go and PostgreSQL',
      },
      { kind: 'import' },
    );
    const anonymized = await addPersonToJob(
      h.db,
      jobA,
      {
        firstName: 'Ana',
        lastName: 'Nonymous',
        emails: ['ana.nonymous@example.org'],
        resumeText: 'Frontend Engineer (2019 – present)\nQuetzalcoatlite dashboards in React and TypeScript',
        greenhouseCandidateId: 920_002,
      },
      { kind: 'import' },
    );
    const survivor = await addPersonToJob(
      h.db,
      jobA,
      {
        firstName: 'Sam',
        lastName: 'Survivor',
        emails: ['sam@example.org'],
        resumeText: 'Site Reliability Engineer (2018 – present)\nKubernetes and Terraform',
        greenhouseCandidateId: 930_003,
      },
      { kind: 'import' },
    );
    const duplicate = await addPersonToJob(
      h.db,
      jobB,
      {
        firstName: 'Samuel',
        lastName: 'Survivor',
        emails: ['samuel.survivor@example.org'],
        linkedinUrl: 'https://www.linkedin.com/in/samuel-survivor',
        greenhouseCandidateId: 930_004,
      },
      { kind: 'import' },
    );

    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobA),
      args: [{ jobId: jobA, cadenceMinutes: 600 }],
    });
    await eventually(
      'the first cycle',
      async () => ((await handle.query(statusQuery)).phase === 'sleeping' ? true : undefined),
      { explain: () => handle.query(statusQuery) },
    );
    const { exportWorkflowId } = await handle.executeUpdate(exportNowUpdate, {
      args: [{ personId: erased.personId, requestedBy: 'riley@example.com' }],
    });
    await h.client.workflow.getHandle(exportWorkflowId).result();
    const exported = await h.db
      .selectFrom('person')
      .select('greenhouse_candidate_id')
      .where('id', '=', erased.personId)
      .executeTakeFirstOrThrow();
    const candidateId = Number(exported.greenhouse_candidate_id);
    // The scores explain themselves with snippets of the resumes: personal data to erase.
    expect(await mentions('match_score', 'Zanzibarite')).toBeGreaterThan(0);
    expect(await scoresOf(anonymized.personId)).toBeGreaterThan(0);
    // Greenhouse's own webhooks about the person carry their details too.
    await deliver('update_candidate', {
      candidate: { id: candidateId, first_name: 'Erin', last_name: 'Erasable', email_addresses: [] },
    });

    await deliver('delete_candidate', { person: { id: candidateId } });
    await eventually('the deletion applied', async () =>
      (await auditCount('person.erased.deleted_in_greenhouse')) === 1 ? true : undefined,
    );
    const tombstone = await h.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', erased.personId)
      .executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({
      first_name: '',
      last_name: '',
      emails: [],
      phones: [],
      linkedin_url: null,
      resume_text: null,
      greenhouse_candidate_id: exported.greenhouse_candidate_id,
    });
    const ledger = await h.db
      .selectFrom('export_ledger')
      .selectAll()
      .where('person_id', '=', erased.personId)
      .executeTakeFirstOrThrow();
    expect(ledger).toMatchObject({ status: 'exported', failure_message: null });
    expect(Number(ledger.greenhouse_candidate_id)).toBe(candidateId);
    expect(ledger.greenhouse_application_id).not.toBeNull();
    expect(JSON.stringify(ledger)).not.toMatch(/erasable|Erin/i);
    expect(
      await h.db.selectFrom('job_person').select('job_id').where('person_id', '=', erased.personId).execute(),
    ).toEqual([]);
    expect(await mentions('match_score', 'Zanzibarite')).toBe(0);
    expect(await mentions('webhook_event', 'Erasable')).toBe(0);

    await deliver('candidate_anonymized', { person: { id: 920_002 } });
    await eventually('the anonymization applied', async () =>
      (await auditCount('person.erased.anonymized_in_greenhouse')) === 1 ? true : undefined,
    );
    expect(
      await h.db.selectFrom('person').select('id').where('id', '=', anonymized.personId).execute(),
    ).toEqual([]);
    expect(await scoresOf(anonymized.personId)).toBe(0);

    await deliver('merge_candidate', { person: { id: 930_003 }, merged_candidate_ids: [930_004] });
    await eventually('the merge applied', async () =>
      (await auditCount('person.merged_in_greenhouse')) >= 1 ? true : undefined,
    );
    expect(
      await h.db.selectFrom('person').select('id').where('id', '=', duplicate.personId).execute(),
    ).toEqual([]);
    const merged = await h.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', survivor.personId)
      .executeTakeFirstOrThrow();
    expect(Number(merged.greenhouse_candidate_id)).toBe(930_003);
    expect([...merged.emails].sort()).toEqual(['sam@example.org', 'samuel.survivor@example.org']);
    expect(merged.linkedin_url).toBe('https://www.linkedin.com/in/samuel-survivor');
    const pipelines = await h.db
      .selectFrom('job_person')
      .select('job_id')
      .where('person_id', '=', survivor.personId)
      .orderBy('job_id')
      .execute();
    expect(pipelines.map((p) => p.job_id)).toEqual([jobA, jobB].sort((a, b) => a - b));
    await handle.terminate('scenario finished');
  });
});
