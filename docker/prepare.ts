// One-shot step of the container stack (compose service `prepare`), run before web and workers:
// applies the database migrations and registers Pilothouse's search attributes on the Temporal
// namespace. `npm start` does both itself; a cluster needs them once per release. Safe to re-run.
import type { Client } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { loadEnv } from '../config/load-env';
import { createDb } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { waitForDatabase } from '../db/wait-for-database';
import { temporalTargetFromEnv, waitForTemporal } from '../infra/temporal-connection';
import { createLogger } from '../observability/logger';
import { exitWithReadableError } from '../scripts/exit-with-readable-error';
import { ALL_SEARCH_ATTRIBUTES } from '../temporal/search-attributes';

const logger = createLogger({ base: { service: 'prepare' } });

async function prepare(): Promise<void> {
  const env = loadEnv();
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL: prepare needs the database to migrate');
  const db = createDb(env.DATABASE_URL, { max: 1 });
  try {
    await waitForDatabase(db, env.DATABASE_URL, { timeoutMs: 60_000 });
    const applied = await migrateToLatest(db);
    logger.info('database migrated', { applied });
  } finally {
    await db.destroy();
  }

  const target = temporalTargetFromEnv(env);
  const client = await waitForTemporal(target, { timeoutMs: 120_000, intervalMs: 1_000 });
  try {
    const added = await registerSearchAttributes(client);
    logger.info('search attributes ready', { namespace: target.namespace, added });
  } finally {
    await client.connection.close();
  }
}

/** Adds the search attributes the namespace lacks; existing ones are left alone (re-runs are no-ops). */
export async function registerSearchAttributes(client: Client): Promise<string[]> {
  const namespace = client.options.namespace;
  const { customAttributes } = await client.connection.operatorService.listSearchAttributes({ namespace });
  const missing = ALL_SEARCH_ATTRIBUTES.filter((key) => !(key.name in (customAttributes ?? {})));
  if (missing.length === 0) return [];
  await client.connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
    ),
  });
  return missing.map((key) => key.name);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepare().catch(exitWithReadableError);
}
