import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Env } from '../config/env';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** Where `npm run build` (scripts/bundle-workflows.ts) writes the pre-built workflow bundle. */
export const DEFAULT_WORKFLOW_BUNDLE_PATH = fileURLToPath(
  new URL('../build/workflow-bundle.js', import.meta.url),
);

/**
 * The pre-built bundle the worker should load, or undefined to bundle the workflows at start-up.
 * Bundling takes seconds and memory on every start (and on every replica), so production uses the
 * bundle built into the image; development never does, because a stale bundle would silently run
 * yesterday's workflow code.
 */
export function resolveWorkflowBundlePath(
  env: Pick<Env, 'NODE_ENV' | 'WORKFLOW_BUNDLE_PATH'>,
  fileExists: (path: string) => boolean = existsSync,
): string | undefined {
  if (env.WORKFLOW_BUNDLE_PATH) {
    if (!fileExists(env.WORKFLOW_BUNDLE_PATH)) {
      throw new Error(
        `WORKFLOW_BUNDLE_PATH: no file at ${env.WORKFLOW_BUNDLE_PATH} (build it with \`npm run build\`, or unset the variable to bundle at start-up)`,
      );
    }
    return env.WORKFLOW_BUNDLE_PATH;
  }
  if (env.NODE_ENV === 'production' && fileExists(DEFAULT_WORKFLOW_BUNDLE_PATH))
    return DEFAULT_WORKFLOW_BUNDLE_PATH;
  return undefined;
}
