import { sql } from 'kysely';
import type { Db } from './database';

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Whether PostgreSQL answers at all: `select 1`, throwing what the driver threw when it does not. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Retries `select 1` until PostgreSQL answers; one readable line when it never does. */
export async function waitForDatabase(
  db: Db,
  url: string,
  {
    timeoutMs = 5_000,
    databaseMayNotExistYet = false,
  }: { timeoutMs?: number; databaseMayNotExistYet?: boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await pingDatabase(db);
      return;
    } catch (error) {
      last = error;
      // A wrong password or a missing database will not fix itself: fail at once
      // (unless the embedded server is still creating the database).
      const code = (error as { code?: string }).code;
      if (code === '28P01' || code === '28000' || (code === '3D000' && !databaseMayNotExistYet)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const reason = last instanceof Error ? last.message || (last as { code?: string }).code : String(last);
  throw new DatabaseUnreachableError(
    `PostgreSQL is not reachable at ${redactUrl(url)}: ${reason}. Check DATABASE_URL.`,
  );
}

/** The URL without its password, safe for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
