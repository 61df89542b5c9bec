// How long the rule canvas takes to show a 20-step and a 200-step flow, how smoothly a node drags, and
// how long a save takes — in a real Chromium against the real web app (`scripts/web.ts` as a child
// process, real PostgreSQL), once on the Vite development server and once on the production build
// (`npm run build`; skipped, and said so, when `build/` is missing). Run: `npm run bench:canvas`.
// With DATABASE_URL (and TEMPORAL_ADDRESS) set it uses those services; without, it starts a throwaway
// embedded PostgreSQL and Temporal dev server and removes them afterwards.
//
// First render = navigation start → every node of the flow in the DOM, measured by React Flow
// (no longer `visibility: hidden`) and inside the canvas after "fit view", read by the page's own
// clock on the frame it happens. Drag = requestAnimationFrame deltas while Playwright drags a node
// with the mouse in 60 steps. BENCH_PROFILE=1 also prints where the main thread spent the
// production 200-step render and drag (Chrome's CPU profile, self time by function).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { chromium, type Page } from 'playwright-core';
import { createDb } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { CURRENT_FLOW_SCHEMA_VERSION, type FlowEdge, type FlowNode, type RuleFlow } from '../rules';
import { hashPassword } from '../web/server/passwords.server';
import { freePort } from '../test/support/free-port';
import { machine } from './support/machine';
import { startBenchServices } from './support/services';

const SIZES = [20, 200] as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DRAG_STEPS = 60;
const JOB_BASE = 990_000_000;
const root = resolve(import.meta.dirname, '..');
const production = existsSync(resolve(root, 'build/server/index.js'));
const email = 'canvas-bench@pilothouse.test';
const password = 'canvas-bench-password';

/** A trigger, then conditions, then actions, each hanging under an earlier step: a binary tree on a grid. */
function benchFlow(flowId: string, jobId: number, size: number): RuleFlow {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
  ];
  const edges: FlowEdge[] = [];
  // 200 steps: 20 columns by 10 rows (as the first measurement of issue 16); 20 steps: 6 by 4.
  const columns = Math.max(6, Math.round(Math.sqrt(size * 2)));
  for (let i = 1; i < size; i++) {
    const id = `step-${i}`;
    const parent = i === 1 ? 'start' : `step-${Math.floor(i / 2)}`;
    const isCondition = i < size / 2;
    const position = { x: (i % columns) * 260, y: Math.floor(i / columns) * 140 };
    nodes.push(
      isCondition
        ? {
            id,
            type: 'condition',
            position,
            data: { when: { field: 'score', op: 'gte', value: 50 + (i % 40) } },
          }
        : { id, type: 'action', position, data: { kind: 'tag', tag: `t${i}`, where: 'pilothouse' } },
    );
    const parentIsCondition = parent !== 'start' && Math.floor(i / 2) < size / 2;
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
    jobId,
    name: 'Benchmark flow',
    nodes,
    edges,
    acknowledgements: [],
  };
}

type Figures = {
  mode: string;
  size: number;
  render: number[];
  responseEnd: number[];
  scripts: number[];
  htmlBytes: number;
  save: number[];
  idleFrames: number[];
  dragFrames: number[];
  profile?: string;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/** Navigates to the job's rules and resolves with the page clock when all `size` nodes are shown. */
async function openCanvas(page: Page, jobId: number, size: number) {
  await page.goto(`/jobs/${jobId}/rules`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (n) => {
      const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
      if (nodes.length < n) return false;
      for (const node of nodes) if (node.style.visibility === 'hidden') return false;
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      for (const node of [nodes[0]!, nodes[nodes.length - 1]!]) {
        const box = node.getBoundingClientRect();
        if (box.right < pane.left || box.left > pane.right || box.bottom < pane.top || box.top > pane.bottom)
          return false;
      }
      return performance.now();
    },
    size,
    { polling: 'raf', timeout: 120_000 },
  );
  const render = (await handle.jsonValue()) as number;
  const navigation = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      responseEnd: entry.responseEnd,
      scripts: entry.domContentLoadedEventEnd,
      bytes: entry.decodedBodySize,
    };
  });
  return { render, ...navigation };
}

/** requestAnimationFrame deltas (ms) while `during` runs. */
async function frameTimes(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__frames = [];
    w.__framing = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  await during();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__framing = false;
    return w.__frames;
  });
}

/** The step nearest the middle of the canvas. */
async function middleNode(page: Page): Promise<string> {
  await page.getByTestId('rule-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const [cx, cy] = [pane.left + pane.width / 2, pane.top + pane.height / 2];
    let best = { id: '', distance: Infinity };
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      const distance = Math.hypot(box.left + box.width / 2 - cx, box.top + box.height / 2 - cy);
      if (distance < best.distance) best = { id: node.dataset.id!, distance };
    }
    return best.id;
  });
}

async function dragNode(page: Page, nodeId: string, direction: 1 | -1) {
  const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  // Selected first: selecting opens the inspector beside the canvas, which moves the canvas.
  await node.click({ position: { x: 4, y: 3 } });
  await page.getByTestId('inspector').waitFor();
  const box = (await node.boundingBox())!;
  // Its type line, left of centre: away from the handles on the top and bottom edges.
  const x = box.x + box.width / 4;
  const y = box.y + box.height / 3;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= DRAG_STEPS; step++)
    await page.mouse.move(x + direction * step * 3, y + direction * step * 2);
  await page.mouse.up();
  const after = (await node.boundingBox())!;
  if (Math.abs(after.x - box.x) < DRAG_STEPS)
    throw new Error(
      `dragging ${nodeId} did not move it: ${JSON.stringify({ box, after, hit: await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.outerHTML.slice(0, 200), [x, y]) })}`,
    );
}

/** Self time by function from a CPU profile taken around `during`, top lines. */
async function profiled(page: Page, during: () => Promise<void>): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await during();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop()?.split('?')[0] ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = (self.get('(idle) ') ?? 0) + (self.get('(program) ') ?? 0);
  return [
    `    ${total.toFixed(0)} ms sampled, ${(total - idle).toFixed(0)} ms not idle/program; self time:`,
    ...[...self.entries()]
      .filter(([name]) => !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14)
      .map(([name, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${name}`),
  ].join('\n');
}

async function startWeb(mode: 'development' | 'production', env: Record<string, string>) {
  const port = await freePort();
  const web: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: mode,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      EMBEDDING_MODEL: 'off',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  web.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 180_000; ;) {
    if (web.exitCode !== null) throw new Error(`web app exited ${web.exitCode}:\n${stderr}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`web app not healthy:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        web.once('exit', () => done());
        web.kill('SIGTERM');
      }),
  };
}

async function measure(mode: 'development' | 'production', env: Record<string, string>): Promise<Figures[]> {
  const web = await startWeb(mode, env);
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
  const results: Figures[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, baseURL: web.url });
    // Leaving a dragged (unsaved) canvas asks first; the benchmark leaves.
    page.on('dialog', (dialog) => void dialog.accept());
    // tsx names the functions inside page.evaluate callbacks with a `__name` helper the page lacks.
    await page.addInitScript('globalThis.__name = (fn) => fn');
    // Main-thread tasks over 50 ms from the start of each page, for BENCH_PROFILE's render timeline.
    await page.addInitScript(() => {
      const w = window as unknown as { __long: string[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__long.push(`${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/jobs');
    for (const size of SIZES) {
      const jobId = JOB_BASE + size;
      // Warm-up: the first development visit compiles the route; both modes fill the browser cache.
      await openCanvas(page, jobId, size);
      const figures: Figures = {
        mode,
        size,
        render: [],
        responseEnd: [],
        scripts: [],
        htmlBytes: 0,
        save: [],
        idleFrames: [],
        dragFrames: [],
      };
      for (let run = 0; run < RUNS; run++) {
        const opened = await openCanvas(page, jobId, size);
        figures.render.push(opened.render);
        figures.responseEnd.push(opened.responseEnd);
        figures.scripts.push(opened.scripts);
        figures.htmlBytes = opened.bytes;
        const saving = performance.now();
        await page.getByTestId('save-draft').click();
        await page.getByTestId('draft-saved').waitFor();
        figures.save.push(performance.now() - saving);
      }
      await page.waitForTimeout(300);
      figures.idleFrames = await frameTimes(page, () => page.waitForTimeout(1000));
      // Drag a step in the middle of the flow there and back, and there again.
      const nodeId = await middleNode(page);
      for (let drag = 0; drag < 3; drag++)
        figures.dragFrames.push(
          ...(await frameTimes(page, () => dragNode(page, nodeId, drag === 1 ? -1 : 1))),
        );
      if (process.env.BENCH_PROFILE && mode === 'production') {
        let timeline = '';
        figures.profile =
          '  render:\n' +
          (await profiled(page, async () => {
            const opened = await openCanvas(page, jobId, size);
            const long = await page.evaluate(() => (window as unknown as { __long: string[] }).__long);
            timeline = `    HTML in at ${opened.responseEnd.toFixed(0)} ms, scripts run at ${opened.scripts.toFixed(0)} ms, all nodes shown at ${opened.render.toFixed(0)} ms; tasks over 50 ms (start+duration): ${long.join(', ') || 'none'}\n`;
          })) +
          `\n${timeline}` +
          '  drag:\n' +
          (await profiled(page, () => dragNode(page, nodeId, -1)));
      }
      results.push(figures);
    }
  } finally {
    await browser.close();
    await web.stop();
  }
  return results;
}

async function main() {
  const started = machine();
  const own = process.env.DATABASE_URL ? null : await startBenchServices();
  const databaseUrl = process.env.DATABASE_URL ?? own!.databaseUrl;
  const temporalAddress = process.env.TEMPORAL_ADDRESS ?? own?.temporal.address ?? 'localhost:7233';
  const db = createDb(databaseUrl);
  await migrateToLatest(db);
  try {
    for (const size of SIZES) {
      const jobId = JOB_BASE + size;
      await db
        .insertInto('job')
        .values({ id: jobId, name: `Canvas benchmark ${size}`, status: 'draft' })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await sql`delete from rule_flow where job_id = ${jobId}`.execute(db);
      const flowId = crypto.randomUUID();
      await db
        .insertInto('rule_flow')
        .values({
          id: flowId,
          job_id: jobId,
          name: 'Benchmark flow',
          draft: JSON.stringify(benchFlow(flowId, jobId, size)),
          updated_by: 'bench',
        } as never)
        .execute();
    }
    await db
      .insertInto('app_user')
      .values({ email, name: 'Bench', role: 'admin', password_hash: await hashPassword(password) })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .execute();

    const env = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
    // BENCH_MODES=production (or development) measures one mode only.
    const modes = (process.env.BENCH_MODES ?? 'development,production').split(',');
    const all: Figures[] = [];
    if (modes.includes('development')) all.push(...(await measure('development', env)));
    if (production && modes.includes('production')) all.push(...(await measure('production', env)));

    console.log(`\nrule canvas, ${RUNS} runs per figure, Chromium 1440×900 (headless, no GPU); ${started}`);
    if (!production) console.log('no build/ (run `npm run build`): production figures skipped');
    console.log(
      '| mode        | steps | first render, median (min–max) | HTML answer at | scripts run at | page size | save, median | drag frames p50 / p95 / max | drag frames > 20 ms | idle frames p50 / max |',
    );
    console.log(
      '| ----------- | ----: | -----------------------------: | -------------: | -------------: | --------: | -----------: | --------------------------: | ------------------: | --------------------: |',
    );
    for (const f of all) {
      const slow = f.dragFrames.filter((ms) => ms > 20).length;
      console.log(
        `| ${f.mode.padEnd(11)} | ${String(f.size).padStart(5)} | ${`${median(f.render).toFixed(0)} ms (${Math.min(...f.render).toFixed(0)}–${Math.max(...f.render).toFixed(0)})`.padStart(30)} | ${`${median(f.responseEnd).toFixed(0)} ms`.padStart(14)} | ${`${median(f.scripts).toFixed(0)} ms`.padStart(14)} | ${`${(f.htmlBytes / 1024).toFixed(0)} KiB`.padStart(9)} | ${`${median(f.save).toFixed(0)} ms`.padStart(12)} | ${`${pct(f.dragFrames, 50).toFixed(1)} / ${pct(f.dragFrames, 95).toFixed(1)} / ${Math.max(...f.dragFrames).toFixed(1)} ms`.padStart(27)} | ${`${slow} of ${f.dragFrames.length}`.padStart(19)} | ${`${pct(f.idleFrames, 50).toFixed(1)} / ${Math.max(...f.idleFrames).toFixed(1)} ms`.padStart(21)} |`,
      );
    }
    for (const f of all)
      if (f.profile) console.log(`\nCPU profile, ${f.mode}, ${f.size} steps:\n${f.profile}`);
  } finally {
    for (const size of SIZES) {
      await db
        .deleteFrom('rule_flow')
        .where('job_id', '=', JOB_BASE + size)
        .execute();
      await db
        .deleteFrom('job')
        .where('id', '=', JOB_BASE + size)
        .execute();
    }
    await db.deleteFrom('app_user').where('email', '=', email).execute();
    await db.destroy();
    await own?.stop();
  }
}

await main();
