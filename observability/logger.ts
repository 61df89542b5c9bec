/**
 * The product's one logger: the worker, its activities (through the Temporal runtime logger, see
 * temporal-logger.ts), the web app and scripts write through it, so every line in production is one
 * JSON object a log pipeline can filter by `workflowId`, `jobId` or `personId` without parsing prose.
 *
 * Field names the rest of the code uses, so queries work across processes:
 * `workflowId`, `runId`, `workflowType`, `activityType`, `jobId`, `personId`, `exportId`, `err`.
 * Secrets (tokens, client secrets, resumes) never go into fields.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type LogFormat = 'json' | 'text';

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ jobId }` for one job's work). */
  child(fields: LogFields): Logger;
  /** True when a line at `level` would be written: skip building expensive fields otherwise. */
  enabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Fields on every line, e.g. `{ service: 'worker' }`. */
  base?: LogFields;
  /** Where a finished line goes (without the newline). Default: stdout, one line each. */
  write?: (line: string) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

const severity: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const format = options.format ?? 'json';
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());

  const make = (bound: LogFields): Logger => {
    const emit = (lineLevel: LogLevel, message: string, fields?: LogFields) => {
      if (severity[lineLevel] < severity[level]) return;
      const merged = { ...bound, ...fields };
      write(
        format === 'json'
          ? jsonLine(now(), lineLevel, message, merged)
          : textLine(now(), lineLevel, message, merged),
      );
    };
    return {
      debug: (message, fields) => emit('debug', message, fields),
      info: (message, fields) => emit('info', message, fields),
      warn: (message, fields) => emit('warn', message, fields),
      error: (message, fields) => emit('error', message, fields),
      child: (fields) => make({ ...bound, ...fields }),
      enabled: (candidate) => severity[candidate] >= severity[level],
    };
  };
  return make(options.base ?? {});
}

/** The process logger from the validated environment: JSON in production unless LOG_FORMAT says otherwise. */
export function loggerFromEnv(
  env: { LOG_LEVEL: LogLevel; LOG_FORMAT?: LogFormat; NODE_ENV: string },
  base: LogFields,
): Logger {
  return createLogger({
    level: env.LOG_LEVEL,
    format: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'text'),
    base,
  });
}

function jsonLine(time: Date, level: LogLevel, message: string, fields: LogFields): string {
  // time, level and msg first and never overwritten by a field of the same name.
  const { time: _t, level: _l, msg: _m, ...rest } = fields;
  try {
    return JSON.stringify({ time: time.toISOString(), level, msg: message, ...rest }, replacer);
  } catch (error) {
    // A field that cannot be serialised (a cycle) must not take the line — or the process — down.
    return JSON.stringify({
      time: time.toISOString(),
      level,
      msg: message,
      logError: `fields could not be serialised: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

function textLine(time: Date, level: LogLevel, message: string, fields: LogFields): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return [time.toISOString(), level.toUpperCase().padEnd(5), message, ...pairs].join(' ');
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(serializeError(value));
  if (typeof value === 'string') return /[\s="]/.test(value) ? JSON.stringify(value) : value;
  try {
    return JSON.stringify(value, replacer) ?? String(value);
  } catch {
    return String(value);
  }
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return serializeError(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** An error as plain fields, with its cause chain (Temporal failures nest the real reason there). */
export function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  const type = (error as { type?: unknown }).type;
  if (typeof type === 'string') out.type = type;
  if (error.stack) out.stack = error.stack;
  if (error.cause instanceof Error && depth < 5) out.cause = serializeError(error.cause, depth + 1);
  return out;
}
