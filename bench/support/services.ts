// Real services for a benchmark run, started as `npm start` and the tests start them
// (infra/local-services.ts): a throwaway PostgreSQL (migrated) and a Temporal dev server from the
// project's CLI. Everything is removed again by `stop()`.
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createDb } from '../../db/database';
import { LocalServices } from '../../infra/local-services';
import { freePort } from '../../test/support/free-port';

export async function startBenchServices() {
  const services = new LocalServices({
    dataDir: resolve('.data', `bench-${process.pid}`),
    persistent: false,
    postgresPort: await freePort(),
    temporalPort: await freePort(),
    temporalNamespace: 'default',
    temporalCliPath: process.env.TEMPORAL_CLI_PATH,
  });
  let ready;
  try {
    ready = await services.start();
  } catch (error) {
    await services.stop();
    throw error;
  }
  const db = createDb(ready.databaseUrl, { max: 10 });
  const connection = await Connection.connect({ address: ready.temporalAddress });
  const nativeConnection = await NativeConnection.connect({ address: ready.temporalAddress });
  return {
    db,
    databaseUrl: ready.databaseUrl,
    /** The settings a worker process needs to reach these services on its own task queue, as in production. */
    workerSettings(taskQueue: string): Record<string, string> {
      return {
        NODE_ENV: 'production',
        DATABASE_URL: ready.databaseUrl,
        TEMPORAL_ADDRESS: ready.temporalAddress,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      };
    },
    temporal: {
      address: ready.temporalAddress,
      client: new Client({ connection, namespace: ready.temporalNamespace }),
      nativeConnection,
    },
    async stop() {
      await nativeConnection.close();
      await connection.close();
      await db.destroy();
      await services.stop();
    },
  };
}
