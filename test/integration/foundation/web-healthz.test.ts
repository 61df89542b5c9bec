import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import type { Db } from '../../../db/database';
import { runWeb } from '../../../web/server/run-web';
import { createPilothouseWorker } from '../../../worker/create-worker';
import { freePort } from '../../support/free-port';
import { testDb, testTemporal, uniqueTaskQueue } from '../../support/services';

describe('the web app on the real services', () => {
  let db: Db;
  let temporal: Awaited<ReturnType<typeof testTemporal>>;
  let web: Awaited<ReturnType<typeof runWeb>>;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    db = testDb();
    temporal = await testTemporal();
    const taskQueue = uniqueTaskQueue('web');
    worker = await createPilothouseWorker({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue,
      deps: { db },
    });
    running = worker.run();
    web = await runWeb(
      parseEnv({
        NODE_ENV: 'development',
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: inject('temporalNamespace'),
        TEMPORAL_TASK_QUEUE: taskQueue,
        PORT: String(await freePort()),
      }),
    );
  });

  afterAll(async () => {
    await web?.close();
    worker?.shutdown();
    await running;
    await temporal?.close();
    await db?.destroy();
  });

  it('/healthz reports the database and Temporal each as ok', async () => {
    const response = await fetch(`${web.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
  });

  it('pressing "Run connection check" runs the workflow and the status page lists its row', async () => {
    const form = new URLSearchParams({ intent: 'connection-check' });
    const response = await fetch(`${web.url}/?index`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    // React separates text pieces with empty comments in server-rendered HTML.
    const html = (await response.text()).replaceAll('<!-- -->', '');
    expect(html).toMatch(/Check #\d+ passed on PostgreSQL/);

    const page = await (await fetch(`${web.url}/`)).text();
    expect(page).toContain('connection-check-');
  });
});
