// `npm run bench:webhooks`: signed Greenhouse webhook deliveries per second accepted end to end by the
// real web app (`scripts/web.ts` as a child process, POST /webhooks/greenhouse → verify signature →
// store in webhook_event → answer → signal the job's autopilot), and a check that none were lost:
// every delivery has its accepted row, every row is signalled, and the autopilots' histories hold
// one signal per delivery. The autopilots run on a task queue without workers, so the signals pile
// up in their histories untouched: this measures ingest, not what the autopilot does with an event.
// Uses the production build when `build/` exists (`npm run build`), else the Vite development server.
// Options: BENCH_DELIVERIES=2000  BENCH_CONCURRENCY=16  BENCH_JOBS=5
import { randomUUID } from 'node:crypto';
import { signWebhookBody } from '../greenhouse/webhooks/signature';
import { startSandbox, sandboxConnectionSettings } from '../sandbox';
import { v1Application } from '../sandbox/webhooks/v1-payloads';
import { autopilotWorkflowId } from '../temporal/autopilot-api';
import { machine } from './support/machine';
import { startBenchServices } from './support/services';
import { productionBuild, startWebProcess, type WebProcess } from './support/web-process';

const deliveries = Number(process.env.BENCH_DELIVERIES ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const jobCount = Number(process.env.BENCH_JOBS ?? 5);
const secret = 'bench-webhook-secret';

const services = await startBenchServices();
const sandbox = await startSandbox({ candidates: 300, log: () => {} });
const { client } = services.temporal;
const taskQueue = 'bench-webhooks-no-workers';

let web: WebProcess | undefined;
let lost: boolean | undefined;
try {
  // Autopilots for a few open jobs, and applications on those jobs to report stage changes for.
  const { state } = sandbox.runtime;
  const jobs = state.jobs.filter((job) => job.status === 'open').slice(0, jobCount);
  const applications = state.applications.filter(
    (application) => !application.prospect && jobs.some((job) => job.id === application.job_id),
  );
  if (applications.length === 0) throw new Error('the sandbox tenant has no applications on open jobs');
  for (const job of jobs) {
    await client.workflow.start('jobAutopilot', {
      taskQueue,
      workflowId: autopilotWorkflowId(job.id),
      args: [{ jobId: job.id, cadenceMinutes: 600 }],
    });
  }

  web = await startWebProcess({
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    ...sandboxConnectionSettings(sandbox),
    GREENHOUSE_WEBHOOK_SECRET: secret,
  });
  const { url } = web;

  /** One signed delivery, as Greenhouse sends it; resolves with the status and how long it took. */
  async function deliver(n: number, eventId: string): Promise<{ status: number; ms: number; body: string }> {
    const application = applications[n % applications.length]!;
    const body = Buffer.from(
      JSON.stringify({
        action: 'candidate_stage_change',
        payload: { application: v1Application(state, application, sandbox.url) },
      }),
    );
    const started = performance.now();
    const response = await fetch(`${url}/webhooks/greenhouse`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        signature: signWebhookBody(body, secret),
        'greenhouse-event-id': eventId,
      },
      body: new Uint8Array(body),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, body: text };
  }

  async function run(count: number, offset: number) {
    const eventIds = Array.from({ length: count }, () => randomUUID());
    const latencies: number[] = [];
    const failures: string[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const n = next++;
          const result = await deliver(offset + n, eventIds[n]!);
          latencies.push(result.ms);
          if (result.status !== 200 || result.body !== 'accepted')
            failures.push(`${result.status} ${result.body}`);
        }
      }),
    );
    return { eventIds, latencies, failures, seconds: (performance.now() - started) / 1000 };
  }

  process.stdout.write(
    `webhook ingest: ${deliveries} signed candidate_stage_change deliveries, ${concurrency} at a time, ` +
      `${jobs.length} job autopilots; web app in ${productionBuild ? 'production (build/)' : 'development (Vite)'} mode; ${machine()}\n`,
  );
  // Warm-up: route modules, connection pools, JIT.
  await run(Math.min(100, deliveries), 0);
  const startedAt = new Date();
  const result = await run(deliveries, 100);
  // End to end: the answer comes first, the signal after it; wait for every row to be signalled.
  const signalStarted = performance.now();
  let signalled = 0;
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    signalled = Number(
      (
        await services.db
          .selectFrom('webhook_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('received_at', '>=', startedAt)
          .where('verdict', '=', 'accepted')
          .where('signalled_at', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (signalled >= deliveries) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  const allSignalledSeconds = result.seconds + (performance.now() - signalStarted) / 1000;

  // None lost: one accepted row per delivery, every one signalled, no errors, one signal per delivery
  // in the autopilots' histories (warm-up included there).
  const rows = await services.db
    .selectFrom('webhook_event')
    .select(['event_id', 'verdict', 'signalled_at', 'signal_error'])
    .where('received_at', '>=', startedAt)
    .execute();
  const accepted = new Set(rows.filter((row) => row.verdict === 'accepted').map((row) => row.event_id));
  const missing = result.eventIds.filter((id) => !accepted.has(id)).length;
  const signalErrors = rows.filter((row) => row.signal_error !== null).length;
  let signalsInHistories = 0;
  for (const job of jobs) {
    const history = await client.workflow.getHandle(autopilotWorkflowId(job.id)).fetchHistory();
    signalsInHistories += (history.events ?? []).filter(
      (event) => event.workflowExecutionSignaledEventAttributes,
    ).length;
  }
  const warmUp = Math.min(100, deliveries);
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

  process.stdout.write(
    '\n| deliveries | concurrency | accepted / s | answer p50 / p95 | signalled end to end / s | non-200 answers | rows missing | signalled | signal errors | signals in histories |\n' +
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n' +
      `| ${deliveries} | ${concurrency} | ${(deliveries / result.seconds).toFixed(0)} | ${pct(50).toFixed(0)} / ${pct(95).toFixed(0)} ms | ` +
      `${(deliveries / allSignalledSeconds).toFixed(0)} | ${result.failures.length} | ${missing} | ${signalled} / ${deliveries} | ${signalErrors} | ` +
      `${signalsInHistories} / ${deliveries + warmUp} |\n`,
  );
  if (result.failures.length > 0)
    process.stdout.write(`first failures: ${result.failures.slice(0, 3).join(' | ')}\n`);
  lost =
    missing > 0 || signalled < deliveries || signalErrors > 0 || signalsInHistories !== deliveries + warmUp;
  process.stdout.write(lost ? 'LOST DELIVERIES: see the table\n' : 'none lost\n');

  for (const job of jobs)
    await client.workflow.getHandle(autopilotWorkflowId(job.id)).terminate('benchmark finished');
} finally {
  await web?.stop();
  await sandbox.close();
  await services.stop();
}
process.exitCode = lost === false ? 0 : 1;
