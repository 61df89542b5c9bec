// `npm run bench:webhooks` (second part): a Greenhouse stage change → on the open job screen, end to end.
// The real web app (`scripts/web.ts` as a child process) with an admin's job screen open in Chromium;
// signed `candidate_stage_change` deliveries at a steady rate, each moving one of the job's people to a
// stage named for that delivery; the page records (MutationObserver, the page's own clock = this machine's)
// when the person's row first shows it. Latency = delivery sent → row shows it. No worker runs: the job's
// autopilot would apply each event later (it re-reads the person on the rate-limited Harvest queue first);
// this measures what the recruiter sees, which since issue 16 item 3 does not wait for it.
// Uses the production build when `build/` exists (`npm run build`), else the Vite development server.
// Options: BENCH_RATE=20 (deliveries / s)  BENCH_SECONDS=15  BENCH_PEOPLE=100  BENCH_WAIT_S=30
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { addPersonToJob } from '../db/queries/people';
import { signWebhookBody } from '../greenhouse/webhooks/signature';
import { sandboxConnectionSettings, startSandbox } from '../sandbox';
import { hashPassword } from '../web/server/passwords.server';
import { machine } from './support/machine';
import { startBenchServices } from './support/services';
import { productionBuild, startWebProcess, type WebProcess } from './support/web-process';

const rate = Number(process.env.BENCH_RATE ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100);
const waitSeconds = Number(process.env.BENCH_WAIT_S ?? 30);
const secret = 'bench-webhook-secret';
const JOB_ID = 4_400_001;
const email = 'bench-screen@pilothouse.test';
const password = 'bench screen password 1';

const services = await startBenchServices();
// Greenhouse for what the job screen reads of it (the prospect pools it may offer), as in `npm start`.
const sandbox = await startSandbox({ candidates: 50, log: () => {} });
let web: WebProcess | undefined;
let failed: boolean | undefined;
try {
  const { db } = services;
  await db.insertInto('job').values({ id: JOB_ID, name: 'Webhook benchmark', status: 'open' }).execute();
  const people: { personId: string; candidateId: number; applicationId: number }[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const candidateId = 7_700_000 + i;
    const { personId } = await addPersonToJob(
      db,
      JOB_ID,
      {
        firstName: `Person${i}`,
        lastName: 'Bench',
        emails: [`p${i}@bench.test`],
        greenhouseCandidateId: candidateId,
      },
      { kind: 'inbound' },
    );
    const applicationId = 8_800_000 + i;
    await db
      .updateTable('job_person')
      .set({
        greenhouse: JSON.stringify({
          kind: 'applicant',
          candidateId,
          applicationId,
          onThisJob: true,
          stageId: 1,
          stageName: 'Application Review',
          status: 'in_process',
          lastActivityAt: '2026-01-01T00:00:00.000Z',
        }),
      })
      .where('job_id', '=', JOB_ID)
      .where('person_id', '=', personId)
      .execute();
    people.push({ personId, candidateId, applicationId });
  }
  await db
    .insertInto('app_user')
    .values({ email, name: 'Bench Admin', role: 'admin', password_hash: await hashPassword(password) })
    .execute();

  web = await startWebProcess({
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'bench-screen-no-workers',
    ...sandboxConnectionSettings(sandbox),
    GREENHOUSE_WEBHOOK_SECRET: secret,
  });
  const { url } = web;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ baseURL: url, viewport: { width: 1440, height: 900 } });
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/jobs');
    await page.goto(`/jobs/${JOB_ID}`);
    await page.getByTestId('person').first().waitFor();
    // The page notes when each label first shows in a person's row (labels are unique per delivery).
    // (A string, not a function: tsx's helpers for named functions do not exist in the page.)
    await page.evaluate(`(() => {
      const seen = {};
      window.__seen = seen;
      window.__watch = new Set();
      const check = () => {
        const now = Date.now();
        if (window.__watch.size === 0) return;
        const text = document.querySelector('[data-testid="people"]')?.textContent ?? '';
        for (const label of window.__watch) {
          if (text.includes(label)) {
            seen[label] = now;
            window.__watch.delete(label);
          }
        }
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);

    const sent = new Map<string, number>();
    const answers: number[] = [];
    const failures: string[] = [];
    const total = Math.round(rate * seconds);
    process.stdout.write(
      `webhook → job screen: ${total} deliveries at ${rate} / s to ${peopleCount} people on one job, ` +
        `web app in ${productionBuild ? 'production (build/)' : 'development (Vite)'} mode; ${machine()}\n`,
    );
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const person = people[n % people.length]!;
      const label = `Bench stage ${String(n).padStart(4, '0')}`;
      await page.evaluate((l) => (window as unknown as { __watch: Set<string> }).__watch.add(l), label);
      const body = JSON.stringify({
        action: 'candidate_stage_change',
        payload: {
          application: {
            id: person.applicationId,
            candidate_id: person.candidateId,
            status: 'active',
            prospect: false,
            // Later deliveries are later changes, a millisecond apart at least.
            last_activity_at: new Date(Date.UTC(2026, 5, 1) + n).toISOString(),
            current_stage: { id: 100 + n, name: label },
            jobs: [{ id: JOB_ID, name: 'Webhook benchmark' }],
          },
        },
      });
      sent.set(label, Date.now());
      inFlight.push(
        fetch(`${url}/webhooks/greenhouse`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            signature: signWebhookBody(body, secret),
            'greenhouse-event-id': randomUUID(),
          },
          body,
        }).then(async (response) => {
          answers.push(Date.now() - sent.get(label)!);
          if (response.status !== 200) failures.push(`${response.status} ${await response.text()}`);
        }),
      );
    }
    await Promise.all(inFlight);
    const sendSeconds = (Date.now() - started) / 1000;
    for (const deadline = Date.now() + waitSeconds * 1000; Date.now() < deadline;) {
      const left = await page.evaluate(() => (window as unknown as { __watch: Set<string> }).__watch.size);
      if (left === 0) break;
      await new Promise((done) => setTimeout(done, 250));
    }
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    // A change the next one to the same person overtook before the screen showed it is not a miss.
    const overtaken = [...sent.keys()].filter((label, n) => {
      if (seen[label] !== undefined) return false;
      const next = `Bench stage ${String(n + people.length).padStart(4, '0')}`;
      return seen[next] !== undefined && sent.has(next);
    }).length;
    const latencies = [...sent]
      .filter(([label]) => seen[label] !== undefined)
      .map(([label, at]) => seen[label]! - at)
      .sort((a, b) => a - b);
    const pct = (values: number[], p: number) =>
      values.length === 0 ? '—' : values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
    const sortedAnswers = [...answers].sort((a, b) => a - b);
    const missed = total - latencies.length - overtaken;
    process.stdout.write(
      '\n| deliveries | rate sent | answer p50 / p95 | on screen | on screen p50 / p95 / max | overtaken | not shown within ' +
        `${waitSeconds} s | non-200 |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
        `| ${total} | ${(total / sendSeconds).toFixed(1)} / s | ${pct(sortedAnswers, 50)} / ${pct(sortedAnswers, 95)} ms | ` +
        `${latencies.length} | ${pct(latencies, 50)} / ${pct(latencies, 95)} / ${latencies.at(-1) ?? '—'} ms | ${overtaken} | ` +
        `${missed} | ${failures.length} |\n`,
    );
    if (failures.length > 0) process.stdout.write(`first failures: ${failures.slice(0, 3).join(' | ')}\n`);
    failed = failures.length > 0;
  } finally {
    await browser.close();
  }
  await sql`delete from job where id = ${JOB_ID}`.execute(db);
} finally {
  await web?.stop();
  await sandbox.close();
  await services.stop();
}
process.exitCode = failed === false ? 0 : 1;
