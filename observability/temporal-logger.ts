import type { Logger as TemporalLogger, LogLevel as TemporalLevel, LogMetadata } from '@temporalio/common';
import type { LogFields, Logger, LogLevel } from './logger';

/**
 * The Temporal runtime logger, forwarding into ours. Install it with
 * `Runtime.install({ logger: temporalLogger(logger) })`: then `log` from `@temporalio/activity`
 * and `@temporalio/workflow` writes JSON lines that already carry `workflowId`, `runId`,
 * `workflowType` (and `activityType`, `attempt` in activities), and the SDK's own lines land in the
 * same stream instead of stderr prose.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const forward = (level: TemporalLevel, message: string, meta?: LogMetadata) => {
    const fields = temporalFields(meta);
    logger[ourLevel(level, fields.sdkComponent, message)](message, fields);
  };
  return {
    log: forward,
    trace: (message, meta) => forward('TRACE', message, meta),
    debug: (message, meta) => forward('DEBUG', message, meta),
    info: (message, meta) => forward('INFO', message, meta),
    warn: (message, meta) => forward('WARN', message, meta),
    error: (message, meta) => forward('ERROR', message, meta),
  };
}

/**
 * The SDK warns, at every start, that a worker registers no workflows (or no activities). Pilothouse's
 * workers poll one kind of task by design — the Harvest queue's worker runs activities only, and
 * WORKER_ROLE splits the main queue's — so that is not a warning here.
 */
const ONE_KIND_OF_TASK = /^No (workflows|activities) registered, not polling for/;

/**
 * The SDK's own INFO lines (bundler output, worker state changes) would drown the product's; they
 * become debug, as does its notice that a worker polls one kind of task. Lines from workflow and
 * activity code keep the level their author chose.
 */
export function ourLevel(level: TemporalLevel, sdkComponent: unknown, message = ''): LogLevel {
  switch (level) {
    case 'TRACE':
    case 'DEBUG':
      return 'debug';
    case 'INFO':
      return sdkComponent === 'worker' || sdkComponent === 'core' ? 'debug' : 'info';
    case 'WARN':
      return sdkComponent === 'worker' && ONE_KIND_OF_TASK.test(message) ? 'debug' : 'warn';
    case 'ERROR':
      return 'error';
  }
}

export function temporalFields(meta: LogMetadata | undefined): LogFields {
  if (!meta) return {};
  const fields: LogFields = {};
  // Object.entries skips the SDK's symbol keys (its own timestamp); our line has its own time.
  for (const [key, value] of Object.entries(meta)) {
    // The task token is an opaque credential-like blob: useless to a reader, noisy in every line.
    if (key === 'taskToken') continue;
    // Activities call it workflowRunId, workflows runId: one name, so one query finds both.
    fields[key === 'workflowRunId' ? 'runId' : key] = value;
  }
  return fields;
}
