import type { Worker } from '@temporalio/worker';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import type { Db } from '../../../db/database';
import { runWeb } from '../../../web/server/run-web';
import { createPilothouseWorker } from '../../../worker/create-worker';
import { freePort } from '../../support/free-port';
import { firstAdminSignsUp } from '../web/support/team';
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

  it('a signed-in admin pressing "Run connection check" runs the workflow and the status page lists its row', async () => {
    await sql`truncate app_user, app_session, sign_in_attempt cascade`.execute(db);
    const admin = await firstAdminSignsUp(web.url);
    const checked = await admin.submit('/?index', { intent: 'connection-check' });
    expect(checked.status).toBe(200);
    expect(checked.html).toMatch(/Check #\d+ passed on PostgreSQL/);
    expect((await admin.get('/')).html).toContain('connection-check-');
  });

  it('a visitor who is not signed in sees up or down, never versions, error text or workflow ids', async () => {
    const check = await db
      .selectFrom('connection_check')
      .select(['workflow_id', 'database_version'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const html = await (await fetch(`${web.url}/`)).text();
    expect(html).toContain('Healthy');
    expect(html).not.toContain(check.workflow_id);
    expect(html).not.toContain(check.database_version);
    expect(html).not.toContain('PostgreSQL answered');
    expect(html).not.toMatch(/namespace \S+ answered/);
    const probe = await (await fetch(`${web.url}/healthz`)).json();
    expect(JSON.stringify(probe)).not.toContain('answered');
  });

  it('nobody signed in can start the workflow', async () => {
    const before = await db
      .selectFrom('connection_check')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const response = await fetch(`${web.url}/?index`, {
      method: 'POST',
      body: new URLSearchParams({ intent: 'connection-check' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/login/);
    const after = await db
      .selectFrom('connection_check')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });
});
