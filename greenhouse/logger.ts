/** The logger the Harvest client writes to. Structured fields go in `fields`; secrets never do. */
export interface GreenhouseLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ignore = () => undefined;

/** The default: the client is a library and stays quiet unless the caller hands it a logger. */
export const silentLogger: GreenhouseLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
