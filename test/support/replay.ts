import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client, HistoryAndWorkflowId } from '@temporalio/client';
import type { Logger } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker/workflow-bundle';

/**
 * Golden histories: JSON files in test/histories/, one workflow run each, in the format the Temporal
 * CLI (`temporal workflow show --output json`) and the Web UI's "Download" write. The file name
 * (without .json) is the workflow id the run is replayed under. Replaying them against today's
 * workflow code fails with a DeterminismViolationError when a change would break runs in flight —
 * so such a change needs `patched()` (docs/decisions/0005-changing-workflow-code.md).
 */
export const HISTORIES_DIR = fileURLToPath(new URL('../histories/', import.meta.url));

/** Every `*.json` history in `dir` (default test/histories/), sorted by name. */
export function loadHistories(dir: string = HISTORIES_DIR): HistoryAndWorkflowId[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      workflowId: basename(file, '.json'),
      history: historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
    }));
}

/** Fetches a finished run's history from the server and writes it as a golden history file. */
export async function recordHistory(client: Client, workflowId: string, path: string): Promise<void> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
}

export interface ReplayOutcome {
  workflowId: string;
  /** Undefined when the history replayed cleanly; a DeterminismViolationError or ReplayError otherwise. */
  error?: Error;
}

/**
 * Replays histories against workflow code — the product's workflows unless `workflowsPath` names
 * another module (a fixture) — and returns one outcome per history (it does not throw on the first).
 */
export async function replayHistories(
  histories: HistoryAndWorkflowId[],
  options: { workflowsPath?: string } & Omit<ReplayWorkerOptions, 'workflowsPath' | 'workflowBundle'> = {},
): Promise<ReplayOutcome[]> {
  const { workflowsPath = WORKFLOWS_PATH, ...rest } = options;
  const outcomes: ReplayOutcome[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath, bundlerOptions: { logger: quietBundler }, ...rest },
    histories,
  )) {
    outcomes.push({ workflowId: result.workflowId, error: result.error });
  }
  return outcomes;
}

// The bundler reports progress through this logger; keep it out of the test output.
const ignore = () => undefined;
const quietBundler: Logger = {
  log: ignore,
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
