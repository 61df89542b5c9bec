/** One clear line (or the config error's list) instead of a stack trace from deep inside a driver. */
export function exitWithReadableError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`✖ ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
}
