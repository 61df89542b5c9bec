// A worker thread that reads resumes (PDF, DOCX) for `resume-reader.ts`, one message at a time, so a
// crafted file can exhaust only this thread's time and heap, never the worker process's event loop.
// Plain JavaScript: a worker thread does not inherit the tsx loader, so it loads the reader through it.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { extractDocument } = await tsImport('../../matching/documents.ts', import.meta.url);

parentPort.on('message', async ({ id, file }) => {
  try {
    parentPort.postMessage({ id, result: await extractDocument(file) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
