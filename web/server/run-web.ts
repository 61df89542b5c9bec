import { createServer, type Server } from 'node:http';
import express from 'express';
import type { Env } from '../../config/env';
import { createDb } from '../../db/database';
import { anyAccountExists } from '../../db/queries/accounts';
import { waitForDatabase } from '../../db/wait-for-database';
import { connectTemporalClient, temporalTargetFromEnv } from '../../infra/temporal-connection';
import { collectProcessMetrics } from '../../observability/metrics';
import { serveProbes, type ProbeServer } from '../../observability/metrics-server';
import { loggerFromEnv } from '../../observability/logger';
import { createWebApp } from './create-web-app';
import { firstAdminSetupCode, setupCodeRequired } from './setup-code';

/** Starts the web app with its services; resolves once it listens. `close()` drains and disconnects. */
export async function runWeb(env: Env): Promise<{ url: string; close: () => Promise<void> }> {
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL: the web app needs a database (npm start sets it for you)');
  collectProcessMetrics('web');
  const db = createDb(env.DATABASE_URL);
  await waitForDatabase(db, env.DATABASE_URL);
  const temporal = await connectTemporalClient(temporalTargetFromEnv(env));
  let draining = false;
  const outer = express();
  const server: Server = createServer(outer);
  const { app, closeVite } = await createWebApp({ env, db, temporal }, server);

  outer.disable('x-powered-by');
  outer.use((_req, res, next) => {
    // While draining, answers tell keep-alive clients to reconnect — to another replica.
    if (draining) res.setHeader('Connection', 'close');
    next();
  });
  outer.use(app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `PORT: ${env.PORT} is already in use` : error.message)),
    );
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  // Pilothouse's own counters for Prometheus, on a port of their own that is never published: on the
  // public port they would tell anyone how busy the product is and what it is failing at.
  const probes: ProbeServer | undefined = env.WEB_METRICS_PORT
    ? await serveProbes({
        port: env.WEB_METRICS_PORT,
        host: env.HOST,
        setting: 'WEB_METRICS_PORT',
        healthy: () => ({ ok: !draining, detail: draining ? 'draining' : 'serving' }),
      })
    : undefined;
  // Listening beyond loopback with no account yet: only someone who can read this log may set it up.
  if (setupCodeRequired(env) && !(await anyAccountExists(db))) {
    loggerFromEnv(env, { service: 'web' }).warn(
      `First-run setup code: ${firstAdminSetupCode(env)} (enter it on /setup to create the first administrator)`,
    );
  }
  const url = env.APP_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => (closing ??= drainAndClose()),
  };

  async function drainAndClose(): Promise<void> {
    // Stop accepting, let in-flight requests finish (up to the grace time), then release the services:
    // a request still running must not find its database pool gone.
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), env.WEB_SHUTDOWN_GRACE_SECONDS * 1000);
    await closed;
    clearTimeout(grace);
    await probes?.close();
    await closeVite();
    await temporal.connection.close();
    await db.destroy();
  }
}
