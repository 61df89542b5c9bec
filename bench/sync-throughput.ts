// `npm run bench:sync`: exports per minute into Greenhouse with 1, 2 and 4 worker processes sharing one
// account at the sandbox's default budget (75 requests per 30 s window), how much of that budget they
// used and how many 429s Greenhouse answered. Each worker is a real `scripts/worker.ts` process (main
// queue + rate-limited Harvest queue, production defaults: GREENHOUSE_RATE_LIMIT 75 → 2 Harvest
// activities per second for the whole queue). A backlog of export workflows is started at once and
// timed until every one is exported: exports / min = backlog / drain time. (A short fixed window
// right after a burst measures latency instead: the Harvest queue serves the backlog step by step —
// every export's first step, then every export's second… — so the first export finishes late.)
// Two backlogs per run: new people, then people the source step already matched (BENCH_PEOPLE=new,known).
// Requests per export are counted from the sandbox's request log over the drain (what the backlog cost,
// the worker's one-off sources read included).
// Burst mode (BENCH_BURST=150, issue 16 item 2): that many exports of new people started at once at a
// window boundary (decided in the order Temporal started them); prints when the first one landed, how
// far the order they completed in is from the order they were decided in (inversions, Kendall tau),
// exports / min, and the budget each full window used. BENCH_WORKERS defaults to 1 there.
// Options: BENCH_WORKERS=1,2,4  BENCH_BACKLOG=40  BENCH_BURST=150  BENCH_TIMEOUT_MINUTES=6  BENCH_DEBUG=1
import { tsToMs } from '@temporalio/common/lib/time';
import { machine } from './support/machine';
import { completionOrder } from './support/order';
import { addPersonToJob } from '../db/queries/people';
import { startSandbox, sandboxConnectionSettings } from '../sandbox';
import {
  activityCounts,
  startWorkerProcess,
  type WorkerProcess,
} from '../test/integration/production/support/worker-processes';
import { exportWorkflowId, syncJobsScheduleId } from '../temporal/autopilot-api';
import { startBenchServices } from './support/services';

const burst = Number(process.env.BENCH_BURST ?? 0);
const workerCounts = (process.env.BENCH_WORKERS ?? (burst ? '1' : '1,2,4')).split(',').map(Number);
const timeoutMinutes = Number(process.env.BENCH_TIMEOUT_MINUTES ?? (burst ? 12 : 6));
const backlog = burst || Number(process.env.BENCH_BACKLOG ?? 40);
const windowMs = 30_000;
// `new`: people Greenhouse does not have yet. `known`: people the source step already matched to a
// Greenhouse candidate (person.greenhouse_candidate_id set), who only need the application.
type PeopleKind = 'new' | 'known';
const kinds = (process.env.BENCH_PEOPLE ?? (burst ? 'new' : 'new,known')).split(',') as PeopleKind[];
// Past jobs (with years) per new person: each is one more Harvest request, an employment on the candidate.
const pastJobsPerPerson = Number(process.env.BENCH_PAST_JOBS ?? 0);
const pastJobs = Array.from({ length: pastJobsPerPerson }, (_, j) => ({
  title: 'Engineer',
  company: `Bench Employer ${j + 1}`,
  startYear: 2010 + 2 * j,
  endYear: 2012 + 2 * j,
}));
// Education entries per new person, named as the sandbox's lists name them: each is one more request (an
// education on the candidate), and each worker reads the three lists once per 15 minutes.
const educationPerPerson = Number(process.env.BENCH_EDUCATION ?? 0);
const education = Array.from({ length: educationPerPerson }, (_, j) => ({
  school: j % 2 === 0 ? 'University of Waterloo' : 'ETH Zürich',
  degree: j % 2 === 0 ? 'BSc' : "Master's Degree",
  discipline: 'Computer Science',
  startYear: 2004 + 2 * j,
  endYear: 2006 + 2 * j,
}));

const services = await startBenchServices();
const sandbox = await startSandbox({ candidates: 300, log: () => {} });
const { client } = services.temporal;
const limit = sandbox.runtime.harvestWindow.limit;
const { db } = services;

process.stdout.write(
  `sync throughput: sandbox budget ${limit} requests / 30 s, ${burst ? 'burst' : 'backlog'} of ${backlog} exports started at once, timed until all are exported;` +
    ` new people have ${pastJobsPerPerson} past jobs and ${educationPerPerson} educations each;` +
    ` ${machine()}\n`,
);

interface Row {
  workers: number;
  exports: number;
  drainSeconds: number;
  firstExportSeconds: number;
  perMinute: number;
  used: number;
  allowed: number;
  refused: number;
  /** Harvest requests the sandbox served for the backlog (its request log), 429s not counted. */
  requests: number;
  perProcess: number[];
  people: PeopleKind;
  /** Burst mode: seconds until all were started, order of completion against decision, full windows' use. */
  burst?: {
    startSeconds: number;
    inversions: number;
    pairs: number;
    kendallTau: number;
    fullWindows: number[];
  };
}
const rows: Row[] = [];

// The job everything is exported to: the first open job of the sandbox, stored by one job sync.
let jobId: number | undefined;

async function importNewPeople(job: number, count: number): Promise<string[]> {
  const people: string[] = [];
  for (let i = 0; i < backlog; i += 1) {
    const { personId } = await addPersonToJob(
      db,
      job,
      {
        firstName: `Bench${i}`,
        lastName: `Sync${count}`,
        emails: [`sync.bench.${count}.${i}@example.org`],
        resumeText: 'Engineer: Go, Kubernetes.',
        pastJobs,
        education,
      },
      { kind: 'import' },
    );
    people.push(personId);
  }
  return people;
}

// Sandbox candidates with an email and no application on the job, each used once across the runs.
// Emails are not unique in Greenhouse: a second candidate with a used email would be the same person.
const usedCandidates = new Set<number>();
const usedEmails = new Set<string>();
async function importKnownPeople(job: number): Promise<string[]> {
  const { candidates, applications } = sandbox.runtime.state;
  const applied = new Set(applications.filter((a) => a.job_id === job).map((a) => a.candidate_id));
  const people: string[] = [];
  for (const candidate of candidates) {
    if (people.length >= backlog) break;
    const email = candidate.email_addresses[0]?.value;
    if (!email || applied.has(candidate.id) || usedCandidates.has(candidate.id)) continue;
    if (usedEmails.has(email.toLowerCase())) continue;
    usedCandidates.add(candidate.id);
    usedEmails.add(email.toLowerCase());
    const { personId } = await addPersonToJob(
      db,
      job,
      {
        firstName: candidate.first_name ?? 'Known',
        lastName: candidate.last_name ?? 'Person',
        emails: [email],
        resumeText: 'Engineer: Go, Kubernetes.',
        greenhouseCandidateId: candidate.id,
      },
      { kind: 'import' },
    );
    if (!people.includes(personId)) people.push(personId);
  }
  return people;
}

const running: WorkerProcess[] = [];
try {
  for (const count of workerCounts) {
    const taskQueue = `bench-sync-${count}-${Date.now()}`;
    const env = {
      ...services.workerSettings(taskQueue),
      ...sandboxConnectionSettings(sandbox),
      JOB_SYNC_INTERVAL_MINUTES: '600',
    };
    const workers: WorkerProcess[] = [];
    for (let i = 0; i < count; i += 1) {
      workers.push(await startWorkerProcess(`worker-${i + 1}`, env));
      running.push(workers.at(-1)!);
    }

    // Each worker start triggers the job sync schedule (production behaviour); let it finish first so
    // the measured windows hold exports only.
    const schedule = client.schedule.getHandle(syncJobsScheduleId());
    for (;;) {
      const described = await schedule.describe();
      const synced = await db.selectFrom('job').select('id').where('status', '=', 'open').execute();
      if (
        described.info.runningActions.length === 0 &&
        described.info.recentActions.length > 0 &&
        synced.length
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    jobId ??= (
      await db
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'open')
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;

    let completedBefore: number[] = [];
    for (const kind of kinds) {
      const people = kind === 'new' ? await importNewPeople(jobId, count) : await importKnownPeople(jobId);
      // The backlog is started at a window boundary so whole windows are counted.
      await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 10));
      const startedAt = Date.now();
      const loggedBefore = sandbox.runtime.harvestRequests.length;
      const start = (personId: string) =>
        client.workflow.start('exportCandidate', {
          taskQueue,
          workflowId: exportWorkflowId(jobId!, personId),
          args: [
            { jobId: jobId!, personId, target: { kind: 'candidate', stageId: null }, requestedBy: 'bench' },
          ],
        });
      // All at once, as when a recruiter approves a whole list: the order they were decided in is the order
      // Temporal started them (each run's start time), read back below.
      const handles = await Promise.all(people.map(start));
      const startSeconds = (Date.now() - startedAt) / 1000;
      const exported = async () =>
        Number(
          (
            await db
              .selectFrom('export_ledger')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('status', '=', 'exported')
              .where('person_id', 'in', people)
              .executeTakeFirstOrThrow()
          ).n,
        );
      let firstExportMs: number | undefined;
      let done = 0;
      const deadline = startedAt + timeoutMinutes * 60_000;
      while (Date.now() < deadline) {
        done = await exported();
        if (done > 0) firstExportMs ??= Date.now() - startedAt;
        if (done >= people.length) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const drainMs = Date.now() - startedAt;
      const requests = sandbox.runtime.harvestRequests.slice(loggedBefore);
      // Let the last window close so it lands in the sandbox's history.
      await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 200));
      sandbox.runtime.harvestWindow.current();
      const windows = sandbox.runtime.harvestWindow.history.filter(
        (w) =>
          Date.parse(w.windowStart) + windowMs > startedAt && Date.parse(w.windowStart) < startedAt + drainMs,
      );
      const completedNow = await Promise.all(
        workers.map(async (worker) => {
          const text = await worker.metrics();
          const line = text
            .split('\n')
            .find(
              (l) =>
                l.startsWith('pilothouse_activity_duration_seconds_count{') && l.includes('"completeExport"'),
            );
          return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
        }),
      );
      const perProcess = completedNow.map((n, i) => n - (completedBefore[i] ?? 0));
      completedBefore = completedNow;
      if (process.env.BENCH_DEBUG) {
        const ledger = await db
          .selectFrom('export_ledger')
          .select(['status', (eb) => eb.fn.countAll().as('n')])
          .where('person_id', 'in', people)
          .groupBy('status')
          .execute();
        for (const worker of workers) {
          const text = await worker.metrics();
          process.stdout.write(
            `  ${worker.name}: ${JSON.stringify(activityCounts(text))} failures: ${text
              .split('\n')
              .filter((l) => l.startsWith('pilothouse_activity_failures_total{'))
              .join('; ')}\n`,
          );
        }
        process.stdout.write(`  ledger: ${JSON.stringify(ledger)}; windows ${JSON.stringify(windows)}\n`);
        const byEndpoint = new Map<string, number>();
        for (const request of requests) {
          const key = `${request.method} ${request.path.split('?')[0]}`;
          byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
        }
        process.stdout.write(`  requests by endpoint: ${JSON.stringify(Object.fromEntries(byEndpoint))}\n`);
      }
      for (const handle of handles) await handle.terminate('benchmark run finished').catch(() => undefined);
      let burstFigures: Row['burst'];
      if (burst) {
        // Completion = the ledger row turning `exported` (PostgreSQL's clock, the same machine's).
        const landed = await db
          .selectFrom('export_ledger')
          .select(['person_id', 'updated_at'])
          .where('status', '=', 'exported')
          .where('person_id', 'in', people)
          .orderBy('updated_at')
          .execute();
        const startTimes = await Promise.all(
          handles.map(async (handle, index) => ({
            personId: people[index]!,
            at: (await handle.describe()).startTime.getTime(),
            index,
          })),
        );
        startTimes.sort((a, b) => a.at - b.at || a.index - b.index);
        const decided = new Map(startTimes.map(({ personId }, order) => [personId, order]));
        const first = landed[0] ? new Date(landed[0].updated_at).getTime() - startedAt : drainMs;
        // Where the first export's time went: its history's events, in seconds from the burst's start.
        if (landed[0]) {
          const firstHandle = handles[people.indexOf(landed[0].person_id)]!;
          const { events } = await firstHandle.fetchHistory();
          const steps = new Map<string, string>();
          const line = (events ?? []).map((event) => {
            const at = ((tsToMs(event.eventTime) - startedAt) / 1000).toFixed(1);
            const scheduled = event.activityTaskScheduledEventAttributes?.activityType?.name;
            if (scheduled) steps.set(String(event.eventId), scheduled);
            const kind = Object.keys(event).find((key) => key.endsWith('EventAttributes')) ?? '?';
            const step =
              steps.get(String(event.activityTaskStartedEventAttributes?.scheduledEventId ?? '')) ??
              steps.get(String(event.activityTaskCompletedEventAttributes?.scheduledEventId ?? '')) ??
              scheduled;
            return `${at} ${kind.replace('EventAttributes', '')}${step ? `(${step})` : ''}`;
          });
          process.stdout.write(`  first export's history: ${line.join(', ')}\n`);
        }
        firstExportMs = first;
        const fullWindows = windows
          .filter(
            (w) =>
              Date.parse(w.windowStart) >= startedAt - 1000 &&
              Date.parse(w.windowStart) + windowMs <= startedAt + drainMs,
          )
          .map((w) => w.used);
        burstFigures = {
          startSeconds,
          ...completionOrder(landed.map((row) => decided.get(row.person_id)!)),
          fullWindows,
        };
      }

      rows.push({
        workers: count,
        people: kind,
        exports: done,
        drainSeconds: drainMs / 1000,
        firstExportSeconds: (firstExportMs ?? drainMs) / 1000,
        perMinute: done / (drainMs / 60_000),
        used: windows.reduce((sum, w) => sum + w.used, 0),
        allowed: limit * windows.length,
        refused: windows.reduce((sum, w) => sum + w.refused, 0),
        requests: requests.length,
        perProcess,
        burst: burstFigures,
      });
      const last = rows.at(-1)!;
      process.stdout.write(
        `  ${count} worker(s), ${kind} people: ${last.exports}/${backlog} exported in ${last.drainSeconds.toFixed(0)} s, ${last.used}/${last.allowed} requests, ${(last.requests / Math.max(1, last.exports)).toFixed(2)} per export, ${last.refused} × 429\n`,
      );
      if (last.burst)
        process.stdout.write(
          `  burst: started in ${last.burst.startSeconds.toFixed(1)} s, first export after ${last.firstExportSeconds.toFixed(1)} s, ` +
            `${last.burst.inversions} of ${last.burst.pairs} pairs completed out of decision order (Kendall tau ${last.burst.kendallTau.toFixed(3)}), ` +
            `full windows used ${last.burst.fullWindows.join(' / ')} of ${limit}\n`,
        );
    }
    for (const worker of workers) await worker.stop();
  }
} finally {
  for (const worker of running) await worker.stop();
  await sandbox.close();
  await services.stop();
}

if (burst) {
  process.stdout.write(
    '\n| worker processes | exported | started in | first export after | drain time | exports / min | completed out of decision order (pairs) | Kendall tau | requests used per full window (of ' +
      `${limit}) | lowest full window | 429s |\n` +
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n',
  );
  for (const row of rows) {
    const b = row.burst!;
    const lowest = b.fullWindows.length ? Math.min(...b.fullWindows) : 0;
    process.stdout.write(
      `| ${row.workers} | ${row.exports} / ${backlog} | ${b.startSeconds.toFixed(1)} s | ${row.firstExportSeconds.toFixed(1)} s | ${row.drainSeconds.toFixed(0)} s | ${row.perMinute.toFixed(1)} | ${b.inversions} of ${b.pairs} | ${b.kendallTau.toFixed(3)} | ${b.fullWindows.join(' / ')} | ${((100 * lowest) / limit).toFixed(0)} % | ${row.refused} |\n`,
    );
  }
}
process.stdout.write(
  '\n| worker processes | people | exported | drain time | first export after | exports / min | Harvest requests / export | Harvest requests used / allowed | budget used | 429s | exports completed per process |\n' +
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n',
);
for (const row of rows) {
  process.stdout.write(
    `| ${row.workers} | ${row.people} | ${row.exports} / ${backlog} | ${row.drainSeconds.toFixed(0)} s | ${row.firstExportSeconds.toFixed(0)} s | ${row.perMinute.toFixed(1)} | ${(row.requests / Math.max(1, row.exports)).toFixed(2)} | ${row.used} / ${row.allowed} | ${((100 * row.used) / row.allowed).toFixed(0)} % | ${row.refused} | ${row.perProcess.join(' / ')} |\n`,
  );
}
