// Worker processes as production runs them (scripts/worker.ts → worker/run-worker.ts: the main queue
// and the Harvest queue in one process), started as children, for the multi-worker test and the
// benchmarks in bench/. Each serves /healthz and /metrics on its own port, so a caller can tell the
// processes apart: which activities each ran, how much memory each uses.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { freePort } from '../../../support/free-port';

const root = resolve(import.meta.dirname, '../../../..');

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  metricsPort: number;
  /** JSON log lines written to stdout so far. */
  lines: string[];
  stderr(): string;
  /** Text of the process's /metrics (Prometheus exposition format). */
  metrics(): Promise<string>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * Starts `node --import tsx scripts/worker.ts` with exactly `env` (plus PATH/HOME and a metrics port);
 * resolves once its /healthz answers 200, i.e. both of its Temporal workers poll. `nodeArgs` go before
 * the script (flags NODE_OPTIONS does not take, such as `--cpu-prof`).
 */
export async function startWorkerProcess(
  name: string,
  env: Record<string, string>,
  { timeoutMs = 120_000, nodeArgs = [] }: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<WorkerProcess> {
  const metricsPort = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      ...(process.env.TEMPORAL_CLI_PATH ? { TEMPORAL_CLI_PATH: process.env.TEMPORAL_CLI_PATH } : {}),
      ...env,
      WORKER_METRICS_PORT: String(metricsPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop()!;
    lines.push(...complete.filter(Boolean));
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    // Keep the tail only: a long benchmark must not grow this without bound.
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const base = `http://127.0.0.1:${metricsPort}`;

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`worker ${name} exited ${child.exitCode} before it was healthy:\n${stderr}`);
    }
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker ${name} not healthy after ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }

  return {
    name,
    child,
    metricsPort,
    lines,
    stderr: () => stderr,
    metrics: async () => (await fetch(`${base}/metrics`)).text(),
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Activity attempts a worker process ran, by activity type (all outcomes), from its /metrics text. */
export function activityCounts(metricsText: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith('pilothouse_activity_duration_seconds_count{')) continue;
    const activity = /activity="([^"]+)"/.exec(line)?.[1];
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (activity && Number.isFinite(value)) counts[activity] = (counts[activity] ?? 0) + value;
  }
  return counts;
}

/** One gauge or counter value (first series) from /metrics text, e.g. the process's RSS. */
export function metricValue(metricsText: string, name: string): number | undefined {
  for (const line of metricsText.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}
