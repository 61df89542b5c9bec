import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// Bigint columns (Greenhouse ids can exceed 2^31) come back as strings by default; our ids fit in a
// double, and numbers are what the rest of the code and Temporal payloads use.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** The database, or a transaction on it (a Kysely Transaction is a Kysely): what every repository function takes. */
export type Db = Kysely<Database>;

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    // A runaway query must not hold a workflow activity forever.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle client that loses its server emits here; without a listener it would crash the process.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
