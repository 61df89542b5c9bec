// One real PostgreSQL and one real Temporal dev server for the whole integration run — or the ones
// named by DATABASE_URL / TEMPORAL_ADDRESS. Tests reach them through `inject(...)`.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { waitForDatabase } from '../../db/wait-for-database';
import { startEmbeddedPostgres } from '../../infra/embedded-postgres';
import { resolveTemporalCli } from '../../infra/temporal-cli';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { freePort } from '../support/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalNamespace: string;
  }
}

export default async function setup(project: TestProject) {
  const log = (line: string) => process.stdout.write(`[services] ${line}\n`);
  const teardowns: Array<() => Promise<void>> = [];

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    // Each project (integration, browser) runs this setup in the same process: name the files by both.
    const dataDir = resolve('.data', `test-postgres-${project.name}-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(resolve('.data'), { recursive: true });
    const started = performance.now();
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'pilothouse_test',
      persistent: false,
    });
    log(`embedded PostgreSQL up in ${Math.round(performance.now() - started)} ms`);
    databaseUrl = embedded.url;
    teardowns.push(() => embedded.stop());
  }
  const db = createDb(databaseUrl, { max: 2 });
  await waitForDatabase(db, databaseUrl);
  await migrateToLatest(db);
  await db.destroy();

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  const temporalNamespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  if (!temporalAddress) {
    const cli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, log });
    const started = performance.now();
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable:
          cli.source === 'sdk-download'
            ? { type: 'cached-download' }
            : { type: 'existing-path', path: cli.path },
        searchAttributes: ALL_SEARCH_ATTRIBUTES,
        dbFilename: join(resolve('.data'), `test-temporal-${project.name}-${process.pid}.sqlite`),
        log: { format: 'pretty', level: 'error' },
      },
    });
    log(
      `Temporal dev server (${cli.source}) up at ${env.address} in ${Math.round(performance.now() - started)} ms`,
    );
    temporalAddress = env.address;
    teardowns.push(async () => {
      await env.teardown();
      rmSync(join(resolve('.data'), `test-temporal-${project.name}-${process.pid}.sqlite`), { force: true });
    });
  }

  project.provide('databaseUrl', databaseUrl);
  project.provide('temporalAddress', temporalAddress);
  project.provide('temporalNamespace', temporalNamespace);

  return async () => {
    for (const teardown of teardowns.reverse()) await teardown();
  };
}
