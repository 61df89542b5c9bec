// Real services for a benchmark run: a throwaway embedded PostgreSQL (migrated) and a Temporal dev
// server from the project's CLI. Everything is removed again by `stop()`.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createDb } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { startEmbeddedPostgres } from '../../infra/embedded-postgres';
import { resolveTemporalCli } from '../../infra/temporal-cli';
import { freePort } from '../../test/support/free-port';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

export async function startBenchServices() {
  const dataDir = resolve('.data', `bench-postgres-${process.pid}`);
  const database = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'pilothouse_bench',
    persistent: false,
  });
  const db = createDb(database.url, { max: 10 });
  await migrateToLatest(db);
  const cli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH });
  const sqlite = join(resolve('.data'), `bench-temporal-${process.pid}.sqlite`);
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable:
        cli.source === 'sdk-download'
          ? { type: 'cached-download' }
          : { type: 'existing-path', path: cli.path },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      dbFilename: sqlite,
      log: { format: 'pretty', level: 'error' },
    },
  });
  return {
    db,
    databaseUrl: database.url,
    temporal,
    async stop() {
      await temporal.teardown();
      await db.destroy();
      await database.stop();
      rmSync(sqlite, { force: true });
    },
  };
}
