import { join } from 'node:path';
import { searchAttributeFlags } from '../temporal/search-attributes';
import { devServerFlags } from '../temporal/task-queues';
import { SupervisedProcess } from './supervised-process';

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  /** The Web UI's port; unset: headless (tests, benchmarks). */
  uiPort?: number;
  namespace: string;
}

/**
 * The real Temporal CLI dev server, persisted to a SQLite file so a second `npm start` finds its
 * workflows again, with the Web UI on `uiPort`, the search attributes Pilothouse writes and one partition
 * per task queue (so the Harvest queue serves by priority: ADR 0010).
 */
export function startTemporalDevServer(options: DevServerOptions): SupervisedProcess {
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    join(options.dataDir, 'temporal.sqlite'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    '--log-level',
    'warn',
    ...(options.namespace === 'default' ? [] : ['--namespace', options.namespace]),
    ...searchAttributeFlags(),
    ...devServerFlags(),
  ];
  return new SupervisedProcess({
    name: 'temporal',
    command: options.cliPath,
    args,
    echo: false,
    logFile: join(options.dataDir, 'logs', 'temporal.log'),
  }).start();
}
