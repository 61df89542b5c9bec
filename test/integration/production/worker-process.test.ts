import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../support/free-port';
import { testTemporal, uniqueTaskQueue } from '../../support/services';

const root = resolve(import.meta.dirname, '../../..');

/** Polls until `probe` answers (not undefined); readiness is a loop, never a sleep. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${what} did not happen: ${String(last)}`);
}

describe('the worker process as deployed: JSON logs, probes, metrics, orderly stop', () => {
  let temporal: Awaited<ReturnType<typeof testTemporal>>;
  let child: ChildProcess;
  let port: number;
  const taskQueue = uniqueTaskQueue('worker-process');
  const lines: string[] = [];
  let stderr = '';

  beforeAll(async () => {
    temporal = await testTemporal();
    port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: inject('temporalNamespace'),
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKER_METRICS_PORT: String(port),
        WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const complete = text.split('\n');
      partial = complete.pop()!;
      lines.push(...complete.filter(Boolean));
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await temporal.close();
  });

  it('answers /healthz once both of its workers poll, and runs a workflow end to end', async () => {
    const health = await until('worker /healthz 200', async () => {
      if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${stderr}`);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return response.ok ? ((await response.json()) as { status: string; detail: string }) : undefined;
    });
    // The main queue and the Harvest queue, both polling.
    expect(health).toEqual({ status: 'ok', detail: 'RUNNING, RUNNING' });

    const workflowId = `connection-check-${taskQueue}`;
    const result = await temporal.client.workflow.execute('connectionCheck', {
      taskQueue,
      workflowId,
      args: ['ops@example.com'],
    });
    expect(result.databaseVersion).toMatch(/^PostgreSQL/);

    // Every line is one JSON object; the activity's lines carry the workflow's id.
    const records = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
    expect(records.find((record) => String(record.msg).startsWith('worker polling'))).toMatchObject({
      service: 'worker',
      role: 'all',
      taskQueues: [taskQueue, `${taskQueue}-harvest`],
      harvestActivitiesPerSecond: 2,
    });
    // The Harvest queue's worker runs activities only, by design: the SDK's notice of it is no warning.
    // Read until it is there: the worker's output reaches this process in its own time (a full run on 2c9039f
    // read the lines before the notice had arrived).
    const notice = await until('the SDK notice of an activities-only worker', async () =>
      lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((record) => String(record.msg).startsWith('No workflows registered')),
    );
    expect(notice).toMatchObject({ level: 'debug', taskQueue: `${taskQueue}-harvest` });
    const activityLine = await until('an activity log line for the workflow', async () =>
      lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find(
          (record) => record.workflowId === workflowId && record.activityType === 'recordConnectionCheck',
        ),
    );
    expect(activityLine).toMatchObject({ service: 'worker', workflowType: 'connectionCheck' });
  });

  it('serves its metrics: activity timings from the interceptor and process metrics', async () => {
    const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(body).toMatch(
      /pilothouse_activity_duration_seconds_count\{[^}]*activity="recordConnectionCheck"[^}]*outcome="ok"[^}]*\} 1/,
    );
    expect(body).toContain('service="worker"');
    expect(body).toContain('pilothouse_process_resident_memory_bytes');
  });

  it('stops in order on SIGTERM: workers drain, then it exits 0', async () => {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(lines.some((line) => line.includes('worker stopped'))).toBe(true);
  });
});
