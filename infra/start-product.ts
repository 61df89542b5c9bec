import { join, resolve } from 'node:path';
import { isDemoMode, type Env } from '../config/env';
import { startDefaultScoring } from './default-scoring';
import { LocalServices } from './local-services';
import { assertPortFree } from './port-check';
import { SupervisedProcess } from './supervised-process';
import { waitUntil } from './wait-until';

const projectRoot = resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`▸ ${line}\n`);

/**
 * `npm start`: the services (database, Temporal dev server and, in demo mode, the Harvest sandbox — see
 * LocalServices, which the tests and benchmarks start too), then the worker and the web app, each
 * supervised. Ctrl-C stops them all in reverse order; a child that dies is reported with its last output
 * and takes the product down with it, loudly.
 */
export async function startProduct(env: Env): Promise<void> {
  const startedAt = performance.now();
  const dataDir = resolve(projectRoot, env.PILOTHOUSE_DATA_DIR);
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const apps: SupervisedProcess[] = [];
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping…');
    // Reverse order: web and worker drain first, the database goes last.
    for (const app of [...apps].reverse()) await app.stop();
    await services.stop();
    say('stopped');
    process.exit(code);
  };
  const services = new LocalServices({
    dataDir,
    persistent: true,
    databaseUrl: env.DATABASE_URL,
    postgresPort: env.EMBEDDED_POSTGRES_PORT,
    temporalAddress: env.TEMPORAL_ADDRESS,
    temporalPort: env.TEMPORAL_DEV_PORT,
    temporalUiPort: env.TEMPORAL_UI_PORT,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    temporalCliPath: env.TEMPORAL_CLI_PATH,
    // Greenhouse-style webhooks from the sandbox reach the web app's endpoint, signed with the demo secret.
    sandbox: isDemoMode(env)
      ? { port: env.SANDBOX_PORT, webhookUrl: `${appUrl}/webhooks/greenhouse` }
      : undefined,
    log: say,
    echo: true,
    onUnexpectedExit: (child) => died(child, shutdown),
  });
  // Ctrl-C reaches only us (children run in their own process groups), so the stop is ordered.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const ready = await services.start();
    // The worker and web app get the services as configuration (a TEMPORAL_ADDRESS of the dev server
    // is what they would derive from TEMPORAL_DEV_PORT anyway).
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...ready.env };
    if (!env.TEMPORAL_ADDRESS) delete childEnv.TEMPORAL_ADDRESS;

    // The sentence-embedding model the worker scores with (unless HF_* points elsewhere or it is off).
    // It is not vital: when it cannot start, or dies later, matching carries on with the local scorer.
    if (!env.HF_ENDPOINT_URL && !(env.HF_TOKEN && env.HF_MODEL) && env.EMBEDDING_MODEL === 'local')
      await assertPortFree(env.EMBEDDING_MODEL_PORT, 'EMBEDDING_MODEL_PORT');
    const scoring = await startDefaultScoring(env, say);
    if (scoring.server) {
      const model = scoring.server.process;
      apps.push(model);
      void model.exited.then(({ code, signal }) => {
        if (model.isStopping) return;
        process.stdout.write(
          `⚠ the embedding model exited (${signal ?? `code ${code}`}); matching falls back to the local scorer ` +
            `and says so on each score. Its last output:\n${model.tail().replace(/^/gm, '    embeddings| ')}\n`,
        );
      });
    }
    if (scoring.notice) process.stdout.write(`⚠ ${scoring.notice}\n`);
    say(`matching: ${scoring.description}`);
    Object.assign(childEnv, scoring.workerEnv);

    const worker = spawnTs('worker', join(projectRoot, 'scripts', 'worker.ts'), childEnv, dataDir);
    apps.push(worker);
    void worker.exited.then(() => worker.isStopping || died(worker, shutdown));
    await assertPortFree(env.PORT, 'PORT', env.HOST);
    const web = spawnTs('web', join(projectRoot, 'scripts', 'web.ts'), childEnv, dataDir);
    apps.push(web);
    void web.exited.then(() => web.isStopping || died(web, shutdown));
    await waitUntil('web app /healthz', () => fetchOk(`${appUrl}/healthz`), { timeoutMs: 90_000 });

    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    say(`Pilothouse is up in ${seconds} s`);
    say(`  app          ${appUrl}`);
    if (!env.TEMPORAL_ADDRESS) say(`  Temporal UI  http://localhost:${env.TEMPORAL_UI_PORT}`);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    process.stdout.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown(1);
  }
}

function spawnTs(name: string, script: string, env: NodeJS.ProcessEnv, dataDir: string): SupervisedProcess {
  return new SupervisedProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', script],
    env,
    cwd: projectRoot,
    echo: true,
    logFile: join(dataDir, 'logs', `${name}.log`),
  }).start();
}

function died(child: SupervisedProcess, shutdown: (code: number) => Promise<void>) {
  void child.exited.then(({ code, signal }) => {
    process.stdout.write(
      `✖ ${child.name} exited unexpectedly (${signal ?? `code ${code}`}). Its last output:\n` +
        child.tail().replace(/^/gm, `    ${child.name}| `) +
        '\n',
    );
    void shutdown(1);
  });
}

async function fetchOk(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}
