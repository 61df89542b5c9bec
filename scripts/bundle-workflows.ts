// `npm run build` step: bundles the workflow code once, so production workers load it in
// milliseconds instead of running webpack on every start (see worker/workflow-bundle.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createLogger } from '../observability/logger';
import { temporalLogger } from '../observability/temporal-logger';
import { DEFAULT_WORKFLOW_BUNDLE_PATH, WORKFLOWS_PATH } from '../worker/workflow-bundle';
import { exitWithReadableError } from './exit-with-readable-error';

const outputPath = process.argv[2] ?? DEFAULT_WORKFLOW_BUNDLE_PATH;

try {
  const started = performance.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    // Bundler chatter at debug; its warnings and errors still show.
    logger: temporalLogger(createLogger({ level: 'warn', format: 'text' })),
  });
  await mkdir(dirname(outputPath), { recursive: true });
  await writeFile(outputPath, code);
  const kib = Math.round(Buffer.byteLength(code) / 1024);
  console.log(
    `workflow bundle written to ${relative(process.cwd(), outputPath)} (${kib} KiB in ${Math.round(performance.now() - started)} ms)`,
  );
} catch (error) {
  exitWithReadableError(error);
}
