import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import { createDb, type Db } from '../../db/database';

/** A Kysely handle on the run's real, migrated test database. Destroy it in afterAll. */
export function testDb(): Db {
  return createDb(inject('databaseUrl'), { max: 4 });
}

/** Client and worker connections to the run's real Temporal server. */
export async function testTemporal() {
  const address = inject('temporalAddress');
  const namespace = inject('temporalNamespace');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  return {
    namespace,
    client: new Client({ connection, namespace }),
    nativeConnection,
    async close() {
      await connection.close();
      await nativeConnection.close();
    },
  };
}

/** A fresh task queue per test, so a worker from one test never picks up another's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * Terminates every running workflow of the run's namespace. Test files run one at a time and job ids
 * repeat across sandboxes, so an autopilot an earlier file left running (its worker gone) would take
 * this file's signals or make its starts fail with "already started".
 */
export async function endRunningWorkflows(client: Client, reason: string): Promise<void> {
  for await (const wf of client.workflow.list({ query: 'ExecutionStatus="Running"' })) {
    await client.workflow
      .getHandle(wf.workflowId, wf.runId)
      .terminate(reason)
      .catch(() => {}); // it may have finished between the listing and the terminate
  }
}
