// How long the rule canvas takes to show, and to save, a 200-node flow — in a real Chromium against the
// real web app (dev server, real PostgreSQL). Run: `npm run bench:canvas`. With DATABASE_URL (and
// TEMPORAL_ADDRESS) set it uses those services (e.g. the ones `npm start` brings up); without, it starts
// a throwaway embedded PostgreSQL and Temporal dev server and removes them afterwards.
import os from 'node:os';
import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { loadEnv } from '../config/load-env';
import { parseEnv } from '../config/env';
import { createDb } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { CURRENT_FLOW_SCHEMA_VERSION, type FlowEdge, type FlowNode, type RuleFlow } from '../rules';
import { hashPassword } from '../web/server/passwords.server';
import { runWeb } from '../web/server/run-web';
import { freePort } from '../test/support/free-port';
import { startBenchServices } from './support/services';

const NODES = 200;
const JOB_ID = 990_000_001;

function bigFlow(flowId: string): RuleFlow {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
  ];
  const edges: FlowEdge[] = [];
  for (let i = 1; i < NODES; i++) {
    const id = `step-${i}`;
    const parent = i === 1 ? 'start' : `step-${Math.floor(i / 2)}`;
    const isCondition = i < NODES / 2;
    nodes.push(
      isCondition
        ? {
            id,
            type: 'condition',
            position: { x: (i % 20) * 260, y: Math.floor(i / 20) * 140 },
            data: { when: { field: 'score', op: 'gte', value: 50 + (i % 40) } },
          }
        : {
            id,
            type: 'action',
            position: { x: (i % 20) * 260, y: Math.floor(i / 20) * 140 },
            data: { kind: 'tag', tag: `t${i}`, where: 'pilothouse' },
          },
    );
    const parentIsCondition = parent !== 'start' && Math.floor(i / 2) < NODES / 2;
    edges.push({
      id: `${parent}->${id}`,
      source: parent,
      target: id,
      sourceHandle: parentIsCondition ? (i % 2 === 0 ? 'then' : 'otherwise') : 'next',
      targetHandle: 'in',
    });
  }
  return {
    schemaVersion: CURRENT_FLOW_SCHEMA_VERSION,
    id: flowId,
    jobId: JOB_ID,
    name: 'Benchmark flow',
    nodes,
    edges,
    acknowledgements: [],
  };
}

async function main() {
  loadEnv();
  const own = process.env.DATABASE_URL ? null : await startBenchServices();
  const env = parseEnv({
    ...process.env,
    ...(own ? { DATABASE_URL: own.databaseUrl, TEMPORAL_ADDRESS: own.temporal.address } : {}),
    // A free port, so the benchmark runs next to `npm start` or a test run.
    PORT: process.env.BENCH_PORT ?? String(await freePort()),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  });
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL: unreachable — startBenchServices sets it');
  const db = createDb(env.DATABASE_URL);
  await migrateToLatest(db);
  await db
    .insertInto('job')
    .values({ id: JOB_ID, name: 'Canvas benchmark', status: 'draft' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await sql`delete from rule_flow where job_id = ${JOB_ID}`.execute(db);
  const flowId = crypto.randomUUID();
  await db
    .insertInto('rule_flow')
    .values({
      id: flowId,
      job_id: JOB_ID,
      name: 'Benchmark flow',
      draft: JSON.stringify(bigFlow(flowId)),
      updated_by: 'bench',
    } as never)
    .execute();
  const email = 'canvas-bench@pilothouse.test';
  await db
    .insertInto('app_user')
    .values({
      email,
      name: 'Bench',
      role: 'admin',
      password_hash: await hashPassword('canvas-bench-password'),
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .execute();

  const web = await runWeb(env);
  const browser = await chromium.launch({
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
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, baseURL: web.url });
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('canvas-bench-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/jobs');
    // Warm-up: the first dev-server visit compiles the route.
    await page.goto(`/jobs/${JOB_ID}/rules`);
    await page
      .locator('.react-flow__node')
      .nth(NODES - 1)
      .waitFor({ state: 'attached', timeout: 120_000 });

    const runs: { render: number; save: number }[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      await page.goto(`/jobs/${JOB_ID}/rules`);
      await page
        .locator('.react-flow__node')
        .nth(NODES - 1)
        .waitFor({ state: 'attached' });
      const render = performance.now() - started;
      const saving = performance.now();
      await page.getByTestId('save-draft').click();
      await page.getByTestId('draft-saved').waitFor();
      runs.push({ render, save: performance.now() - saving });
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `canvas with ${NODES} nodes, ${NODES - 1} edges (5 runs, Chromium, dev server; node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`,
    );
    console.log(
      `  time to first render (navigation → all nodes in the DOM): median ${median(runs.map((r) => r.render)).toFixed(0)} ms`,
    );
    console.log(
      `  time to save (click → "Draft saved"):                    median ${median(runs.map((r) => r.save)).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await web.close();
    await db.deleteFrom('rule_flow').where('job_id', '=', JOB_ID).execute();
    await db.deleteFrom('job').where('id', '=', JOB_ID).execute();
    await db.deleteFrom('app_user').where('email', '=', email).execute();
    await db.destroy();
    await own?.stop();
  }
}

await main();
