import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../../db/database';
import { addPersonToJob } from '../../../db/queries/people';
import { CURRENT_FLOW_SCHEMA_VERSION, type RuleFlow } from '../../../rules';
import { startSandbox, type SandboxHandle, sandboxConnectionSettings } from '../../../sandbox';
import { autopilotWorkflowId, statusQuery } from '../../../temporal/autopilot-api';
import { eventually } from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';
import { testDb, testTemporal, uniqueTaskQueue } from '../../support/services';
import { activityCounts, startWorkerProcess, type WorkerProcess } from './support/worker-processes';

// The Greenhouse budget of the whole account, small so that this run needs several 30 s windows.
const RATE_LIMIT = 20;
const RATE_RESERVE = 3;
const PEOPLE = 6;
const EXPORT_ACTIVITIES = [
  'ensureGreenhousePerson',
  'attachGeneratedResume',
  'addMatchNote',
  'completeExport',
];

interface WindowUsage {
  windowStart: string;
  used: number;
  refused: number;
}

/** A rule that selects without a person approving: everyone uploaded for the job is exported. */
function autoExportFlow(jobId: number): RuleFlow {
  return {
    schemaVersion: CURRENT_FLOW_SCHEMA_VERSION,
    id: randomUUID(),
    jobId,
    name: 'Export every uploaded person',
    nodes: [
      { id: 'matched', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
      {
        id: 'uploaded',
        type: 'condition',
        position: { x: 0, y: 140 },
        data: { when: { field: 'source', op: 'is', value: 'import' } },
      },
      {
        id: 'export',
        type: 'action',
        position: { x: -180, y: 300 },
        data: { kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } },
      },
      {
        id: 'not-uploaded',
        type: 'action',
        position: { x: 180, y: 300 },
        data: { kind: 'stop', reason: 'Not uploaded' },
      },
    ],
    edges: [
      { id: 'matched->uploaded', source: 'matched', target: 'uploaded', sourceHandle: 'next' },
      { id: 'uploaded->export', source: 'uploaded', target: 'export', sourceHandle: 'then' },
      { id: 'uploaded->not-uploaded', source: 'uploaded', target: 'not-uploaded', sourceHandle: 'otherwise' },
    ],
    acknowledgements: [],
  } as RuleFlow;
}

/** Requests granted and refused per 30 s window, from the sandbox's control API. */
async function sandboxWindows(sandbox: SandboxHandle): Promise<WindowUsage[]> {
  const control = (await (await fetch(`${sandbox.controlUrl}/state`)).json()) as {
    rate_window: { current: WindowUsage & { limit: number }; history: WindowUsage[] };
  };
  expect(control.rate_window.current.limit).toBe(RATE_LIMIT);
  return [...control.rate_window.history, control.rate_window.current]
    .filter((w) => w.used > 0 || w.refused > 0)
    .map(({ windowStart, used, refused }) => ({ windowStart, used, refused }));
}

// The done-when of the production issue: two worker processes, each running the main and the Harvest
// worker as deployed, share one Greenhouse account. Together they stay inside its budget (the Harvest
// queue's server-side rate is what holds them), and every person the autopilot selects lands in
// Greenhouse exactly once.
describe('two worker processes against one Greenhouse budget', () => {
  let db: Db;
  let temporal: Awaited<ReturnType<typeof testTemporal>>;
  let sandbox: SandboxHandle;
  const workers: WorkerProcess[] = [];
  const taskQueue = uniqueTaskQueue('two-workers');
  let windows: WindowUsage[] = [];
  const emails = Array.from({ length: PEOPLE }, (_, i) => `two.workers.${i}@example.org`);

  beforeAll(async () => {
    db = testDb();
    await sql`truncate job, person, approval_request, export_ledger, webhook_event, sync_watermark, audit_event, decision_trace, greenhouse_connection cascade`.execute(
      db,
    );
    temporal = await testTemporal();
    sandbox = await startSandbox({ candidates: 40, rateLimit: RATE_LIMIT, log: () => {} });
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: inject('temporalNamespace'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      ...sandboxConnectionSettings(sandbox),
      // Both processes are told the account's budget; the Harvest queue rate follows from it.
      GREENHOUSE_RATE_LIMIT: String(RATE_LIMIT),
      // Each process leaves a few requests of every window unspent: what the other may have in flight.
      GREENHOUSE_RATE_RESERVE: String(RATE_RESERVE),
      JOB_SYNC_INTERVAL_MINUTES: '600',
    };
    // One after the other: two cold starts at once on a 2-core machine only slow each other down.
    workers.push(await startWorkerProcess('worker-a', env));
    workers.push(await startWorkerProcess('worker-b', env));
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await sandbox?.close();
    await temporal?.close();
    await db?.destroy();
  });

  it('exports every selected person exactly once, both processes work, and never more than the budget is granted', async () => {
    // The job sync (also triggered by each worker's start-up) stores the sandbox's jobs and stages.
    await temporal.client.workflow.execute('syncJobs', {
      taskQueue,
      workflowId: `sync-${taskQueue}`,
      args: [{}],
    });
    const job = await db
      .selectFrom('job')
      .select('id')
      .where('status', '=', 'open')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', job.id).execute();
    await publishRules(db, autoExportFlow(job.id));
    const personIds: string[] = [];
    for (const [i, email] of emails.entries()) {
      const { personId } = await addPersonToJob(
        db,
        job.id,
        {
          firstName: `Sam${i}`,
          lastName: 'Twoworkers',
          emails: [email],
          resumeText: 'Platform engineer: Kubernetes, Go, PostgreSQL, on-call for payments.',
        },
        { kind: 'import' },
      );
      personIds.push(personId);
    }

    const handle = await temporal.client.workflow.start('jobAutopilot', {
      taskQueue,
      workflowId: autopilotWorkflowId(job.id),
      args: [{ jobId: job.id, cadenceMinutes: 600 }],
    });
    const ledgerRows = () =>
      db
        .selectFrom('export_ledger')
        .select(['person_id', 'status', 'greenhouse_candidate_id', 'greenhouse_application_id'])
        .where('job_id', '=', job.id)
        .execute();
    await eventually(
      `all ${PEOPLE} selected people exported`,
      async () => {
        const rows = await ledgerRows();
        return rows.filter((row) => row.status === 'exported').length === PEOPLE ? rows : undefined;
      },
      {
        timeoutMs: 420_000,
        explain: async () => ({
          status: await handle.query(statusQuery),
          ledger: await ledgerRows(),
          window: sandbox.runtime.harvestWindow.current(),
        }),
      },
    );
    const status = await eventually('the cycle to finish', async () => {
      const current = await handle.query(statusQuery);
      return current.phase === 'sleeping' ? current : undefined;
    });
    expect(status.lastError).toBeNull();

    // Selected = exported, exactly once each: one ledger row per person, one candidate and one
    // application per person in Greenhouse (read from the sandbox's state, not through the budget).
    const ledger = await ledgerRows();
    expect(ledger.map((row) => row.person_id).sort()).toEqual([...personIds].sort());
    expect(ledger.every((row) => row.status === 'exported')).toBe(true);
    const { state } = sandbox.runtime;
    for (const email of emails) {
      const candidates = state.candidates.filter((c) => c.email_addresses.some((e) => e.value === email));
      expect(candidates, email).toHaveLength(1);
      const applications = state.applications.filter(
        (a) => a.candidate_id === candidates[0]!.id && a.job_id === job.id,
      );
      expect(applications, email).toHaveLength(1);
      expect(ledger.find((row) => row.greenhouse_candidate_id === candidates[0]!.id)).toBeDefined();
    }
    expect(new Set(ledger.map((row) => row.greenhouse_candidate_id)).size).toBe(PEOPLE);

    // Both processes did work, including the Harvest queue's export activities.
    const perProcess = await Promise.all(
      workers.map(async (worker) => ({ name: worker.name, counts: activityCounts(await worker.metrics()) })),
    );
    for (const { name, counts } of perProcess) {
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      const exportWork = EXPORT_ACTIVITIES.reduce((sum, activity) => sum + (counts[activity] ?? 0), 0);
      expect({ name, ranActivities: total > 0, ranExportActivities: exportWork > 0 }).toEqual({
        name,
        ranActivities: true,
        ranExportActivities: true,
      });
    }
    const exportsRun = EXPORT_ACTIVITIES.map((activity) =>
      perProcess.reduce((sum, { counts }) => sum + (counts[activity] ?? 0), 0),
    );
    // Each export step ran once per person (no failed attempts on a quiet day).
    expect(exportsRun).toEqual(EXPORT_ACTIVITIES.map(() => PEOPLE));

    // The budget: the sandbox's request log per 30 s window. Never more granted than allowed, and the
    // budget really bound: the work needed more requests than one window allows.
    windows = await sandboxWindows(sandbox);
    for (const window of windows) expect(window.used).toBeLessThanOrEqual(RATE_LIMIT);
    const requests = windows.reduce((sum, w) => sum + w.used, 0);
    expect(requests).toBeGreaterThan(RATE_LIMIT);
    console.info(
      `two workers: ${requests} Harvest requests granted over ${windows.length} windows ` +
        `(${windows.map((w) => `${w.used}/${RATE_LIMIT}${w.refused ? ` +${w.refused}×429` : ''}`).join(', ')}); ` +
        `activities per process: ` +
        perProcess.map(({ name, counts }) => `${name} ${JSON.stringify(counts)}`).join('; '),
    );
    await handle.terminate('scenario finished');
  }, 600_000);

  // Each process's limiter reads X-RateLimit-Remaining, which the other process's requests make stale;
  // a new window is probed with one request, and GREENHOUSE_RATE_RESERVE keeps the last few unspent.
  it('Greenhouse never answered 429 to the two processes together', () => {
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.map((w) => ({ window: w.windowStart, refused: w.refused }))).toEqual(
      windows.map((w) => ({ window: w.windowStart, refused: 0 })),
    );
  });

  it('both processes stop in order on SIGTERM', async () => {
    const codes = await Promise.all(workers.map((worker) => worker.stop()));
    expect(codes).toEqual([0, 0]);
  });
});
