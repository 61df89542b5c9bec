import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeterminismViolationError } from '@temporalio/workflow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../../db/database';
import { createPilothouseWorker } from '../../../worker/create-worker';
import { HISTORIES_DIR, loadHistories, recordHistory, replayHistories } from '../../support/replay';
import { testDb, testTemporal, uniqueTaskQueue } from '../../support/services';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/versioning/${name}`, import.meta.url));

describe('changing workflow code while runs are in flight: golden histories replay', () => {
  let db: Db;
  let temporal: Awaited<ReturnType<typeof testTemporal>>;
  let dir: string;

  beforeAll(async () => {
    db = testDb();
    temporal = await testTemporal();
    dir = mkdtempSync(join(tmpdir(), 'pilothouse-histories-'));

    // Record a real run of the connection check on the dev server.
    const taskQueue = uniqueTaskQueue('replay');
    const workflowId = `connection-check-${taskQueue}`;
    const worker = await createPilothouseWorker({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue,
      deps: { db },
    });
    await worker.runUntil(
      temporal.client.workflow.execute('connectionCheck', {
        taskQueue,
        workflowId,
        args: ['ops@example.com'],
      }),
    );
    const target = { address: inject('temporalAddress'), namespace: temporal.namespace };
    await recordHistory(target, workflowId, join(dir, `${workflowId}.json`));
    // RECORD_GOLDEN_HISTORIES=1 refreshes the committed golden copy (review the diff like code).
    if (process.env.RECORD_GOLDEN_HISTORIES === '1') {
      await recordHistory(target, workflowId, join(HISTORIES_DIR, 'connection-check.json'));
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await temporal.close();
    await db.destroy();
  });

  it('the recorded run replays cleanly against the current workflow code', async () => {
    const histories = loadHistories(dir);
    expect(histories).toHaveLength(1);
    expect((histories[0]!.history as { events?: unknown[] }).events?.length).toBeGreaterThan(5);
    const outcomes = await replayHistories(histories);
    expect(outcomes.map((outcome) => outcome.error)).toEqual([undefined]);
  });

  it('an incompatible change (a timer before the activity, no patch) fails with a DeterminismViolationError', async () => {
    const [outcome] = await replayHistories(loadHistories(dir), {
      workflowsPath: fixture('connection-check-incompatible.ts'),
    });
    expect(outcome!.error).toBeInstanceOf(DeterminismViolationError);
    expect(outcome!.error!.message).toMatch(/nondetermin/i);
  });

  it('the same change behind patched() replays the old run down the old path', async () => {
    const outcomes = await replayHistories(loadHistories(dir), {
      workflowsPath: fixture('connection-check-patched.ts'),
    });
    expect(outcomes.map((outcome) => outcome.error)).toEqual([undefined]);
  });

  it('every committed golden history in test/histories/ replays against the current code', async () => {
    expect(existsSync(join(HISTORIES_DIR, 'connection-check.json'))).toBe(true);
    const histories = loadHistories();
    expect(histories.map((history) => history.workflowId)).toEqual(
      readdirSync(HISTORIES_DIR)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => file.replace(/\.json$/, '')),
    );
    const failures = (await replayHistories(histories)).filter((outcome) => outcome.error);
    expect(failures.map((failure) => `${failure.workflowId}: ${failure.error!.message}`)).toEqual([]);
  });
});
