import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { createPilothouseWorker } from '../../../worker/create-worker';
import { testDb, testTemporal, uniqueTaskQueue } from '../../support/services';

describe('connection check: web → Temporal → worker → activity → PostgreSQL', () => {
  let db: Db;
  let temporal: Awaited<ReturnType<typeof testTemporal>>;

  beforeAll(async () => {
    db = testDb();
    temporal = await testTemporal();
  });
  afterAll(async () => {
    await temporal.close();
    await db.destroy();
  });

  it('an admin runs the check and the workflow writes a row the database returns', async () => {
    const taskQueue = uniqueTaskQueue('connection-check');
    const worker = await createPilothouseWorker({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue,
      deps: { db },
    });
    const workflowId = `connection-check-test-${taskQueue}`;
    const result = await worker.runUntil(
      temporal.client.workflow.execute('connectionCheck', {
        taskQueue,
        workflowId,
        args: ['admin@example.com'],
      }),
    );

    expect(result.databaseVersion).toMatch(/^PostgreSQL \d+/);
    const row = await db
      .selectFrom('connection_check')
      .selectAll()
      .where('id', '=', result.checkId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ workflow_id: workflowId, requested_by: 'admin@example.com' });

    const history = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
    const completed = history.events?.some((event) => event.workflowExecutionCompletedEventAttributes);
    expect(completed).toBe(true);
  });
});
