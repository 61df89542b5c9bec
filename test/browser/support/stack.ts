import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import type { Worker } from '@temporalio/worker';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { harvestFromConnection } from '../../../activities/harvest-factory';
import { parseEnv } from '../../../config/env';
import { sandboxDemoSettings, startSandbox, type SandboxHandle } from '../../../sandbox';
import { runWeb } from '../../../web/server/run-web';
import { createHarvestWorker, createPilothouseWorker } from '../../../worker/create-worker';
import { harvestQueueActivitiesPerSecond } from '../../../worker/tuning';
import { freePort } from '../../support/free-port';
import { endRunningWorkflows, testDb, testTemporal, uniqueTaskQueue } from '../../support/services';

export const SCREENSHOTS = 'test-results/screenshots';

/**
 * The product as `npm start` runs it in demo mode, in this process: the run's PostgreSQL and Temporal,
 * a Harvest sandbox, the real worker and the web app — and a Chromium to drive it like a person.
 */
export async function startStack() {
  const db = testDb();
  // Each journey starts from an installation nobody has set up yet.
  await sql`truncate app_user, app_session, sign_in_attempt, greenhouse_connection, job, person, approval_request, export_ledger, webhook_event, sync_watermark, audit_event, decision_trace, rule_flow, rule_plan, rule_action_failure, notification, erased_candidate, app_setting cascade`.execute(
    db,
  );
  const temporal = await testTemporal();
  await endRunningWorkflows(temporal.client, 'left by an earlier journey');
  const sandbox: SandboxHandle = await startSandbox({ candidates: 40, log: () => {} });
  const taskQueue = uniqueTaskQueue('browser');
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: inject('temporalNamespace'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(await freePort()),
    SESSION_SECRET: 'browser-suite-session-secret-0123456789abcdef',
    ...sandboxDemoSettings(sandbox),
  });
  // The two workers a deployment runs (worker/run-worker.ts): workflows and general activities on the
  // main queue, and the Harvest-calling activities on the rate-limited Harvest queue.
  const workerOptions = {
    connection: temporal.nativeConnection,
    namespace: temporal.namespace,
    taskQueue,
    deps: { db, harvest: harvestFromConnection(db, env), temporal: temporal.client, taskQueue },
  };
  const worker: Worker = await createPilothouseWorker(workerOptions);
  const harvestWorker: Worker = await createHarvestWorker({
    ...workerOptions,
    maxTaskQueueActivitiesPerSecond: harvestQueueActivitiesPerSecond(env),
  });
  const running = Promise.all([worker.run(), harvestWorker.run()]);
  const web = await runWeb(env);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pageErrors: string[] = [];
  /** A fresh browser (own cookies); `timezoneId` sets the zone its clock reports, as a traveller's would. */
  async function newPage(options: { timezoneId?: string } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      baseURL: web.url,
      ...options,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }
  return {
    db,
    env,
    temporal,
    client: temporal.client,
    sandbox,
    taskQueue,
    web,
    browser,
    newPage,
    pageErrors,
    /** Greenhouse's jobs copied in by the job sync, none of their autopilots switched on. */
    async syncJobs() {
      await temporal.client.workflow.execute('syncJobs', {
        taskQueue,
        workflowId: `sync-jobs-${taskQueue}`,
        args: [{ enableNewOpenJobs: false }],
      });
    },
    async close() {
      await endRunningWorkflows(temporal.client, 'journey finished');
      await browser.close();
      await web.close();
      worker.shutdown();
      harvestWorker.shutdown();
      await running;
      await sandbox.close();
      await temporal.close();
      await db.destroy();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Drags from one point to another with intermediate moves, as a hand does (React Flow needs the moves). */
export async function dragBetween(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 12, from.y + ((to.y - from.y) * step) / 12);
  }
  await page.mouse.up();
}

export async function centerOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A teammate signs in on their own browser (a fresh context: their own cookies and session). */
/** Waits until the page's scripts run (web/root.tsx marks <html>): keys pressed before that do nothing. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
}

export async function signIn(
  stack: Stack,
  who: { email: string; password: string },
  { screenshotAs, timezoneId }: { screenshotAs?: string; timezoneId?: string } = {},
): Promise<Page> {
  const page = await stack.newPage(timezoneId ? { timezoneId } : {});
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  if (screenshotAs) await screenshot(page, screenshotAs);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}
