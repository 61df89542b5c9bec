import { fileURLToPath } from 'node:url';
import type { Logger } from '@temporalio/common';
import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

// The bundler reports through a logger; keep its chatter out of the test output (and out of console.error).
const messages: string[] = [];
const quiet: Logger = {
  log: (_level, message) => void messages.push(message),
  trace: (message) => void messages.push(message),
  debug: (message) => void messages.push(message),
  info: (message) => void messages.push(message),
  warn: (message) => void messages.push(message),
  error: (message) => void messages.push(message),
};

describe('workflow code can use the rules module', () => {
  it('a workflow importing the evaluator bundles for the Temporal sandbox: no Node built-ins', async () => {
    const bundle = await bundleWorkflowCode({ workflowsPath: fixture('rules-workflow.ts'), logger: quiet });
    expect(bundle.code).toContain('evaluateRules');
    expect(bundle.code).toContain('Not started: this flow runs');
    // File import/export (and with it the YAML parser) stays out of workflow bundles.
    expect(bundle.code).not.toContain('LineCounter');
  }, 120_000);

  it('the same bundler refuses a workflow that imports fs, so the check above means something', async () => {
    await expect(
      bundleWorkflowCode({ workflowsPath: fixture('workflow-importing-fs.ts'), logger: quiet }),
    ).rejects.toThrow(/importing the following disallowed modules:\s+- 'fs'/);
  }, 120_000);
});
