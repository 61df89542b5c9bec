import type { Server } from 'node:http';
import type { Env } from '../../config/env';
import { createDb } from '../../db/database';
import { waitForDatabase } from '../../db/wait-for-database';
import { connectTemporalClient, temporalTargetFromEnv } from '../../infra/temporal-connection';
import { createWebApp } from './create-web-app';

/** Starts the web app with its services; resolves once it listens. `close()` drains and disconnects. */
export async function runWeb(env: Env): Promise<{ url: string; close: () => Promise<void> }> {
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL: the web app needs a database (npm start sets it for you)');
  const db = createDb(env.DATABASE_URL);
  await waitForDatabase(db, env.DATABASE_URL);
  const temporal = await connectTemporalClient(temporalTargetFromEnv(env));
  const { app, closeVite } = await createWebApp({ env, db, temporal });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
    listening.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `PORT: ${env.PORT} is already in use` : error.message)),
    );
  });
  const url = env.APP_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
  return {
    url,
    close: async () => {
      // Stop accepting, let in-flight requests finish, then release the services.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeVite();
      await temporal.connection.close();
      await db.destroy();
    },
  };
}
