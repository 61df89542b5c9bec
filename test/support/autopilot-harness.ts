import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { resolveTemporalCli } from '../../infra/temporal-cli';
import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import type { Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../../activities';
import type { Db } from '../../db/database';
import { HarvestClient } from '../../greenhouse/client';
import { startSandbox, type StartSandboxOptions } from '../../sandbox';
import { createHarvestWorker, createPilothouseWorker } from '../../worker/create-worker';
import { HISTORIES_DIR } from './replay';
import { endRunningWorkflows, testDb, testTemporal, uniqueTaskQueue } from './services';

/** How the harness's Harvest worker serves its queue: the queue-wide rate, and its activity slots. */
interface HarvestQueueServing {
  activitiesPerSecond?: number;
  slots?: number;
}

/**
 * The real pieces an autopilot scenario needs: the run's PostgreSQL (emptied of earlier scenarios'
 * jobs and people), the run's Temporal server, a worker on a fresh task queue, and a Harvest sandbox.
 */
export async function startAutopilotHarness(
  sandboxOptions: StartSandboxOptions = {},
  workerTuning: { maxCachedWorkflows?: number } = {},
  extraDeps: Pick<ActivityDeps, 'notifications'> = {},
) {
  const db: Db = testDb();
  await sql`truncate job, person, approval_request, export_ledger, webhook_event, sync_watermark, audit_event, decision_trace, rule_plan, rule_action_failure, notification, erased_candidate, app_setting cascade`.execute(
    db,
  );
  const temporal = await testTemporal();
  // Job ids repeat across scenarios (every sandbox numbers its jobs alike), so an autopilot an earlier
  // file left running would make this file's start fail with "already started". Files run one at a
  // time, so whatever still runs now belongs to a finished scenario.
  await endRunningWorkflows(temporal.client, 'left by an earlier scenario');
  const sandbox = await startSandbox({ candidates: 40, log: () => {}, ...sandboxOptions });
  const harvest = new HarvestClient({
    clientId: sandbox.demoCredentials.clientId,
    clientSecret: sandbox.demoCredentials.clientSecret,
    tokenUrl: sandbox.tokenUrl,
    baseUrl: sandbox.baseUrl,
  });
  const taskQueue = uniqueTaskQueue('autopilot');
  const worker: Worker = await createPilothouseWorker({
    connection: temporal.nativeConnection,
    namespace: temporal.namespace,
    taskQueue,
    deps: { db, harvest: async () => harvest, temporal: temporal.client, taskQueue, ...extraDeps },
    tuning: workerTuning,
  });
  // Greenhouse's budget is the sandbox's own 75 per 30 s here; the queue limit only needs to be above it.
  const startHarvestWorker = async ({ activitiesPerSecond = 50, slots }: HarvestQueueServing = {}) => {
    const harvestWorker = await createHarvestWorker({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue,
      deps: { db, harvest: async () => harvest, temporal: temporal.client, taskQueue, ...extraDeps },
      maxTaskQueueActivitiesPerSecond: activitiesPerSecond,
      tuning: slots === undefined ? {} : { maxConcurrentActivityTaskExecutions: slots },
    });
    return { worker: harvestWorker, running: harvestWorker.run() };
  };
  let harvestQueue: Awaited<ReturnType<typeof startHarvestWorker>> | undefined = await startHarvestWorker();
  const running = worker.run();
  return {
    db,
    temporal,
    client: temporal.client,
    sandbox,
    harvest,
    taskQueue,
    worker,
    /**
     * Runs the job sync now (what the schedule does every 15 minutes) and returns the first open job
     * by id — or the last, with `newest` — with its autopilot switched on unless `autopilot: false`.
     */
    async syncAndPickOpenJob(options: { newest?: boolean; autopilot?: boolean } = {}): Promise<number> {
      await temporal.client.workflow.execute('syncJobs', {
        taskQueue,
        workflowId: `sync-${taskQueue}`,
        args: [{}],
      });
      const { id } = await db
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'open')
        .orderBy('id', options.newest ? 'desc' : 'asc')
        .executeTakeFirstOrThrow();
      if (options.autopilot !== false)
        await db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', id).execute();
      return id;
    },
    /** Stops serving the Harvest queue: what is scheduled there waits, as behind a busy queue. */
    async stopHarvestQueue() {
      if (!harvestQueue) return;
      harvestQueue.worker.shutdown();
      await harvestQueue.running;
      harvestQueue = undefined;
    },
    /** Serves the Harvest queue again (default: 50 activities / s, the SDK's number of slots). */
    async startHarvestQueue(serving?: HarvestQueueServing) {
      if (harvestQueue) throw new Error('the Harvest queue is already served');
      harvestQueue = await startHarvestWorker(serving);
    },
    async close() {
      await endRunningWorkflows(temporal.client, 'scenario finished');
      worker.shutdown();
      harvestQueue?.worker.shutdown();
      await Promise.all([running, harvestQueue?.running]);
      await sandbox.close();
      await temporal.close();
      await db.destroy();
    },
  };
}

/**
 * With RECORD_GOLDEN_HISTORIES=1 (`npm run record:histories`), writes the run's history to test/histories/
 * so the replay test keeps future workflow changes compatible with it.
 */
export async function maybeRecordGoldenHistory(h: { client: Client }, workflowId: string, name: string) {
  if (process.env.RECORD_GOLDEN_HISTORIES !== '1') return;
  // The Temporal CLI writes the same JSON the Web UI's "Download" does, which the replay test reads.
  const cli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH });
  if (cli.source === 'sdk-download') throw new Error('recording golden histories needs the Temporal CLI');
  const { stdout } = await promisify(execFile)(
    cli.path,
    [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      '--output',
      'json',
      '--address',
      inject('temporalAddress'),
      '--namespace',
      inject('temporalNamespace'),
    ],
    { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
  );
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
}

export type AutopilotHarness = Awaited<ReturnType<typeof startAutopilotHarness>>;

/** Runs the job sync once and returns the sandbox's open (not confidential) job with the most applicants. */
export async function syncedBusiestJob(h: AutopilotHarness): Promise<number> {
  await h.client.workflow.execute('syncJobs', {
    taskQueue: h.taskQueue,
    workflowId: `sync-${h.taskQueue}`,
    args: [{}],
  });
  const { state } = h.sandbox.runtime;
  const open = state.jobs.filter((j) => j.status === 'open' && !j.confidential);
  const applicants = (id: number) => state.applications.filter((a) => a.job_id === id).length;
  return open.sort((a, b) => applicants(b.id) - applicants(a.id))[0]!.id;
}

/** Polls until `probe` returns a value (not undefined); fails with `what` after the deadline. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 60_000, explain }: { timeoutMs?: number; explain?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = explain ? ` — last seen: ${JSON.stringify(await explain())}` : '';
      throw new Error(`Timed out waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
