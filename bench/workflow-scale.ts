// `npm run bench:scale`: 200 jobs' autopilots on one Temporal dev server and one worker process
// (`scripts/worker.ts`, as deployed). Prints the worker's start-up time, the time until all 200
// autopilots have finished their first cycle, the worker's memory (RSS) idle / after start-up / at
// its peak, and the cycle latency (p50 / p95) when every job asks for a new cycle at once.
// The sandbox's Harvest budget is raised (as in bench:autopilot) so the figures are the engine's, not
// Greenhouse's rate limit: at the real 75 requests / 30 s one account cannot feed 200 cycles quickly
// (see bench:sync). Options: BENCH_JOBS=200  BENCH_PEOPLE_PER_JOB=5; WORKER_* settings (config/env.ts) are
// passed to the worker as they are; BENCH_WORKER_NODE_ARGS are node flags for the worker (e.g.
// `--cpu-prof --cpu-prof-dir=/tmp/prof`: a CPU profile per thread, written when it stops).
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { addPersonToJob } from '../db/queries/people';
import { startSandbox, sandboxConnectionSettings } from '../sandbox';
import {
  activityCounts,
  metricValue,
  startWorkerProcess,
  type WorkerProcess,
} from '../test/integration/production/support/worker-processes';
import {
  autopilotWorkflowId,
  newSourceDataSignal,
  type AutopilotStatus,
  statusQuery,
  syncJobsScheduleId,
} from '../temporal/autopilot-api';
import { machine } from './support/machine';

import { startBenchServices } from './support/services';

const jobCount = Number(process.env.BENCH_JOBS ?? 200);
const peoplePerJob = Number(process.env.BENCH_PEOPLE_PER_JOB ?? 5);
const budget = 100_000;

const services = await startBenchServices();
const sandbox = await startSandbox({
  candidates: 300,
  rateLimit: budget,
  tokenRateLimit: { limit: 1000 },
  log: () => {},
});
const { client } = services.temporal;
const { db } = services;
const taskQueue = `bench-scale-${Date.now()}`;
process.stdout.write(
  `workflow scale: ${jobCount} job autopilots, ${peoplePerJob} uploaded people each, one worker process; ${machine()}\n`,
);

let worker: WorkerProcess | undefined;
try {
  // Enough open jobs in Greenhouse, each with a job post to train on.
  const open = sandbox.runtime.state.jobs.filter((job) => job.status === 'open').length;
  for (let i = open; i < jobCount; i += 1) {
    const response = await fetch(`${sandbox.controlUrl}/recruiter/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Platform Engineer ${i}`,
        content: `<p>We run Kubernetes and PostgreSQL. You write Go and TypeScript, own on-call for service ${i}.</p>`,
      }),
    });
    if (response.status !== 201) throw new Error(`could not open a sandbox job: ${await response.text()}`);
  }

  // The workflow bundle built ahead, as the worker image does (docker/worker.Dockerfile): bundling at
  // start-up runs webpack inside the worker, and the memory it takes stays in the process's RSS.
  // BENCH_BUNDLE_AT_START=1 measures the worker bundling its own (as `npm start` in development).
  const bundleAtStart = process.env.BENCH_BUNDLE_AT_START === '1';
  const workflowBundlePath = resolve('.data', `bench-scale-${process.pid}-workflow-bundle.js`);
  if (!bundleAtStart) {
    await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/bundle-workflows.ts',
      workflowBundlePath,
    ]);
  }
  process.stdout.write(
    bundleAtStart
      ? 'workflows bundled by the worker at start-up\n'
      : 'workflow bundle built ahead, as in the image\n',
  );

  const spawnedAt = performance.now();
  const started = await startWorkerProcess(
    'worker',
    {
      ...services.workerSettings(taskQueue),
      ...sandboxConnectionSettings(sandbox),
      GREENHOUSE_RATE_LIMIT: String(budget),
      JOB_SYNC_INTERVAL_MINUTES: '600',
      ...(bundleAtStart ? {} : { WORKFLOW_BUNDLE_PATH: workflowBundlePath }),
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          (entry): entry is [string, string] => entry[0].startsWith('WORKER_') && entry[1] !== undefined,
        ),
      ),
    },
    { nodeArgs: process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [] },
  );
  worker = started;
  const workerStartMs = performance.now() - spawnedAt;
  const rss = async () =>
    (metricValue(await started.metrics(), 'pilothouse_process_resident_memory_bytes') ?? 0) / 2 ** 20;
  let peakRss = 0;
  const sampler = setInterval(() => {
    rss().then(
      (value) => (peakRss = Math.max(peakRss, value)),
      () => undefined,
    );
  }, 1000);

  // The worker's start-up triggers the job sync: wait for it to store every job.
  const schedule = client.schedule.getHandle(syncJobsScheduleId());
  for (const deadline = Date.now() + 300_000; ;) {
    const described = await schedule.describe();
    const synced = await db.selectFrom('job').select('id').where('status', '=', 'open').execute();
    if (described.info.runningActions.length === 0 && synced.length >= jobCount) break;
    if (Date.now() > deadline)
      throw new Error(`the job sync stored ${synced.length} of ${jobCount} open jobs`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const jobs = (
    await db
      .selectFrom('job')
      .select('id')
      .where('status', '=', 'open')
      .orderBy('id')
      .limit(jobCount)
      .execute()
  ).map((job) => job.id);
  if (jobs.length < jobCount) throw new Error(`only ${jobs.length} open jobs were synced`);
  const skills = ['Kubernetes', 'Go', 'TypeScript', 'PostgreSQL', 'React', 'Python', 'AWS', 'Terraform'];
  for (const [j, jobId] of jobs.entries()) {
    for (let i = 0; i < peoplePerJob; i += 1) {
      await addPersonToJob(
        db,
        jobId,
        {
          firstName: `Person${i}`,
          lastName: `Job${j}`,
          emails: [`person${i}.job${j}.scale@example.org`],
          resumeText: `Engineer, ${2 + i} years of ${skills[(i + j) % 8]} and ${skills[(i * 3 + j) % 8]}.`,
        },
        { kind: 'import' },
      );
    }
  }
  await db.updateTable('job').set({ autopilot_enabled: true }).where('id', 'in', jobs).execute();
  const idleRss = await rss();

  type Status = AutopilotStatus;
  const handles = jobs.map((jobId) => client.workflow.getHandle(autopilotWorkflowId(jobId)));
  // Polls only the autopilots not yet done, a few at a time: queries are answered by the same busy
  // worker, and one that times out under load just counts as "not yet".
  async function waitForCycle(n: number): Promise<Status[]> {
    const done = new Map<number, Status>();
    for (;;) {
      const pending = handles.map((h, i) => ({ h, i })).filter(({ i }) => !done.has(i));
      for (let k = 0; k < pending.length; k += 10) {
        await Promise.all(
          pending.slice(k, k + 10).map(async ({ h, i }) => {
            const status = await h.query(statusQuery).catch(() => undefined);
            if (status && status.cycle >= n && status.phase === 'sleeping') done.set(i, status);
          }),
        );
      }
      if (done.size === handles.length) return [...done.values()];
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }

  // Start-up: 200 autopilots started at once, until every one has finished its first cycle.
  const startedAt = performance.now();
  const startedWall = Date.now();
  await Promise.all(
    jobs.map((jobId) =>
      client.workflow.start('jobAutopilot', {
        taskQueue,
        workflowId: autopilotWorkflowId(jobId),
        args: [{ jobId, cadenceMinutes: 600 }],
      }),
    ),
  );
  const allStartedMs = performance.now() - startedAt;
  const first = await waitForCycle(1);
  const firstCycleAllMs = Math.max(...first.map((s) => Date.parse(s.lastCycleFinishedAt!))) - startedWall;
  const afterStartRss = await rss();

  // Steady state: every job gets new source data at once; latency = signal → that job's cycle finished.
  const beforeSecond = await started.metrics();
  const signalledWall = Date.now();
  await Promise.all(handles.map((h) => h.signal(newSourceDataSignal, { reason: 'manual' })));
  const second = await waitForCycle(2);
  clearInterval(sampler);
  const afterSecond = await started.metrics();
  const secondMs = Date.now() - signalledWall;
  const endRss = await rss();
  peakRss = Math.max(peakRss, endRss);

  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  };
  const firstLatency = first.map((s) => Date.parse(s.lastCycleFinishedAt!) - startedWall);
  const secondLatency = second.map((s) => Date.parse(s.lastCycleFinishedAt!) - signalledWall);
  const secondDuration = second.map(
    (s) => Date.parse(s.lastCycleFinishedAt!) - Date.parse(s.lastCycleStartedAt!),
  );
  const errors = second.filter((s) => s.lastError).length;
  const counts = activityCounts(await started.metrics());
  const activities = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  process.stdout.write(
    '\n| figure | value |\n| --- | ---: |\n' +
      `| worker process start-up (spawn → /healthz 200) | ${s(workerStartMs)} |\n` +
      `| ${jobCount} autopilots started (client) | ${s(allStartedMs)} |\n` +
      `| all ${jobCount} first cycles finished | ${s(firstCycleAllMs)} |\n` +
      `| first cycle, start → finished, p50 / p95 | ${s(percentile(firstLatency, 50))} / ${s(percentile(firstLatency, 95))} |\n` +
      `| new cycle for all at once: signal → finished, p50 / p95 | ${s(percentile(secondLatency, 50))} / ${s(percentile(secondLatency, 95))} |\n` +
      `| same cycles, time inside the cycle, p50 / p95 | ${s(percentile(secondDuration, 50))} / ${s(percentile(secondDuration, 95))} |\n` +
      `| worker RSS: idle / after ${jobCount} first cycles / peak | ${idleRss.toFixed(0)} / ${afterStartRss.toFixed(0)} / ${peakRss.toFixed(0)} MiB |\n` +
      `| activities run / cycles with an error | ${activities} / ${errors} |\n`,
  );

  // Where the all-at-once cycle's time went: worker CPU, and each activity's attempts and time (wall
  // time of the attempt, waits for a database connection included).
  const cpu = (text: string) => metricValue(text, 'pilothouse_process_cpu_seconds_total') ?? 0;
  const before = activityTotals(beforeSecond);
  const rows = Object.entries(activityTotals(afterSecond))
    .map(([activity, { count, failed, seconds }]) => ({
      activity,
      count: count - (before[activity]?.count ?? 0),
      failed: failed - (before[activity]?.failed ?? 0),
      seconds: seconds - (before[activity]?.seconds ?? 0),
    }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.seconds - a.seconds);
  process.stdout.write(
    `\nall-at-once cycle: worker CPU ${(cpu(afterSecond) - cpu(beforeSecond)).toFixed(1)} s over ` +
      `${s(secondMs)} (one core = 1.0 s per s)\n\n` +
      '| activity | attempts | failed | mean | total |\n| --- | ---: | ---: | ---: | ---: |\n' +
      rows
        .map(
          (row) =>
            `| ${row.activity} | ${row.count} | ${row.failed} | ${(row.seconds / row.count).toFixed(2)} s | ${row.seconds.toFixed(0)} s |`,
        )
        .join('\n') +
      '\n',
  );

  await Promise.all(handles.map((h) => h.terminate('benchmark finished').catch(() => undefined)));
} finally {
  await worker?.stop();
  await rm(resolve('.data', `bench-scale-${process.pid}-workflow-bundle.js`), { force: true });
  await sandbox.close();
  await services.stop();
}

/** Attempts (failed ones too) and seconds per activity type, from a worker's /metrics text. */
function activityTotals(
  metricsText: string,
): Record<string, { count: number; failed: number; seconds: number }> {
  const totals: Record<string, { count: number; failed: number; seconds: number }> = {};
  for (const line of metricsText.split('\n')) {
    const kind = /^pilothouse_activity_duration_seconds_(count|sum)\{/.exec(line)?.[1];
    const activity = /activity="([^"]+)"/.exec(line)?.[1];
    if (!kind || !activity) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    const total = (totals[activity] ??= { count: 0, failed: 0, seconds: 0 });
    if (kind === 'sum') total.seconds += value;
    else {
      total.count += value;
      if (line.includes('outcome="failed"')) total.failed += value;
    }
  }
  return totals;
}
