// One real PostgreSQL and one real Temporal dev server for the whole integration run — or the ones
// named by DATABASE_URL / TEMPORAL_ADDRESS — started as `npm start` starts them (infra/local-services.ts).
// Tests reach them through `inject(...)`; each test starts its own Harvest sandbox in-process.
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { LocalServices } from '../../infra/local-services';
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
  const started = performance.now();
  const services = new LocalServices({
    // Each project (integration, browser) runs this setup in the same process: name the data by both.
    dataDir: resolve('.data', `test-${project.name}-${process.pid}`),
    persistent: false,
    databaseUrl: process.env.DATABASE_URL,
    postgresPort: await freePort(),
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    temporalPort: await freePort(),
    temporalNamespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    temporalCliPath: process.env.TEMPORAL_CLI_PATH,
    onUnexpectedExit: (service) => log(`${service.name} exited unexpectedly:\n${service.tail()}`),
  });
  try {
    const ready = await services.start();
    log(`PostgreSQL and Temporal up in ${Math.round(performance.now() - started)} ms`);
    project.provide('databaseUrl', ready.databaseUrl);
    project.provide('temporalAddress', ready.temporalAddress);
    project.provide('temporalNamespace', ready.temporalNamespace);
  } catch (error) {
    await services.stop();
    throw error;
  }
  return () => services.stop();
}
