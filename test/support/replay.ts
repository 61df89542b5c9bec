import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { resolveTemporalCli } from '../../infra/temporal-cli';
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

/**
 * Writes a finished run's history as a golden history file. The Temporal CLI does the writing — it
 * produces the same JSON the Web UI's "Download" does — because the SDK's own `historyToJSON` trips
 * over two protobufjs copies in this dependency tree ("type must be a Type").
 */
export async function recordHistory(
  target: { address: string; namespace: string },
  workflowId: string,
  path: string,
): Promise<void> {
  const cli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH });
  if (cli.source === 'sdk-download')
    throw new Error('recording a history needs the Temporal CLI (see README)');
  const { stdout } = await promisify(execFile)(
    cli.path,
    [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      '--output',
      'json',
      '--address',
      target.address,
      '--namespace',
      target.namespace,
    ],
    { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
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
  for await (const result of Worker.runReplayHistories({ workflowsPath, ...rest }, histories)) {
    outcomes.push({ workflowId: result.workflowId, error: result.error });
  }
  return outcomes;
}
