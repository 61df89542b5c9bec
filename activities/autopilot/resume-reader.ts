import { Worker } from 'node:worker_threads';
import JSZip from 'jszip';
import { scoredTextChars } from '../../matching/blind';
import { detectFormat, extractDocument } from '../../matching/documents';
import type { ExtractionFailure, ExtractionResult, ResumeFile } from '../../matching/types';

/** What one resume may cost. A file over a limit fails that one person with the reason, nothing else. */
export interface ResumeLimits {
  /** Bytes of the file (downloads stop here too). */
  bytes: number;
  /** Bytes a DOCX says it holds once unzipped (a zip bomb is small on disk). */
  docxUnzippedBytes: number;
  /** Characters of text kept: far more than any real resume, and a bound on everything that reads it. */
  textChars: number;
  /** How long reading one PDF or DOCX may take. */
  timeMs: number;
  /** Heap of the thread that reads PDFs and DOCX files. */
  heapMb: number;
}

export const RESUME_LIMITS: ResumeLimits = {
  bytes: 15 * 1024 * 1024,
  docxUnzippedBytes: 50 * 1024 * 1024,
  // What matching reads of a person, whatever the source: one number for both.
  textChars: scoredTextChars,
  timeMs: 30_000,
  heapMb: 256,
};

/**
 * Reads a resume within limits: PDF and DOCX are parsed in a worker thread with a time and heap
 * limit (pdf.js and mammoth are synchronous for long stretches and can be made to loop or balloon),
 * a DOCX that unzips to more than the limit is refused before it is opened, and the text is cut at
 * `textChars`.
 */
export async function readResume(
  file: ResumeFile,
  limits: ResumeLimits = RESUME_LIMITS,
): Promise<ExtractionResult> {
  const format = detectFormat(file);
  const fail = (reason: ExtractionFailure['reason'], message: string): ExtractionFailure => ({
    ok: false,
    fileName: file.fileName,
    format,
    reason,
    message,
  });
  if (file.bytes.byteLength > limits.bytes)
    return fail('too-large', `the file is over the ${limits.bytes}-byte limit for a resume`);
  if (format === 'docx') {
    const unzipped = await unzippedBytes(file.bytes).catch(() => undefined);
    if (unzipped !== undefined && unzipped > limits.docxUnzippedBytes)
      return fail(
        'too-large',
        `the document unzips to ${unzipped} bytes, over the ${limits.docxUnzippedBytes}-byte limit`,
      );
  }
  let result: ExtractionResult;
  if (format === 'pdf' || format === 'docx') {
    try {
      result = await readerThread(limits).read(file);
    } catch (error) {
      return error instanceof ResumeThreadError
        ? fail(error.reason, error.message)
        : fail('corrupt-file', String(error));
    }
  } else {
    result = await extractDocument(file);
  }
  if (!result.ok || result.text.length <= limits.textChars) return result;
  return {
    ...result,
    text: result.text.slice(0, limits.textChars),
    warnings: [...result.warnings, `only the first ${limits.textChars} characters were kept`],
  };
}

/** The sizes a DOCX's zip directory declares for its parts (a liar still meets the thread's heap limit). */
async function unzippedBytes(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  zip.forEach((_, entry) => {
    total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  return total;
}

class ResumeThreadError extends Error {
  constructor(
    readonly reason: ExtractionFailure['reason'],
    message: string,
  ) {
    super(message);
  }
}

type Pending = { resolve: (result: ExtractionResult) => void; reject: (error: Error) => void };

/** One reader thread per process, reading one file at a time; replaced when it is stopped or dies. */
class ResumeReaderThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly limits: ResumeLimits) {}

  read(file: ResumeFile): Promise<ExtractionResult> {
    const run = this.queue.then(() => this.readNow(file));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL('./resume-thread.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on(
        'message',
        (message: { ready?: true; id?: number; result?: ExtractionResult; error?: string }) => {
          if (message.ready) return resolve();
          const waiting = this.pending.get(message.id!);
          this.pending.delete(message.id!);
          if (message.result) waiting?.resolve(message.result);
          else
            waiting?.reject(
              new ResumeThreadError('corrupt-file', `the file could not be read (${message.error})`),
            );
        },
      );
      const gone = (error: Error) => {
        reject(error);
        this.stop(
          new ResumeThreadError(
            'too-large',
            (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `reading the resume needed more than ${this.limits.heapMb} MB of memory: the file is too large or too complex to read`
              : `the reader stopped (${error.message})`,
          ),
        );
      };
      worker.on('error', gone);
      worker.on('exit', (code) => gone(new Error(`exit code ${code}`)));
    });
    return this.ready;
  }

  private async readNow(file: ResumeFile): Promise<ExtractionResult> {
    await this.start();
    const id = this.nextId++;
    return new Promise<ExtractionResult>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.stop(
            new ResumeThreadError(
              'corrupt-file',
              `reading it took longer than ${this.limits.timeMs / 1000} s`,
            ),
          ),
        this.limits.timeMs,
      );
      const done =
        <T>(settle: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          settle(value);
        };
      this.pending.set(id, { resolve: done(resolve), reject: done(reject) });
      this.worker!.postMessage({ id, file });
    });
  }

  /** Ends the thread for good (the worker process is stopping). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.stop(new ResumeThreadError('corrupt-file', 'the worker is stopping'));
    await worker?.terminate();
  }

  /** Ends the thread and fails what it was reading; the next file starts a fresh one. */
  private stop(error: Error) {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
    }
  }
}

const threads = new Map<string, ResumeReaderThread>();

/**
 * Ends the reader threads. A worker process calls it before it exits: a thread left to the exit
 * itself can hang the process there (its tsx loader waits on a hooks thread that is already gone).
 */
export async function closeResumeReaders(): Promise<void> {
  const open = [...threads.values()];
  threads.clear();
  await Promise.all(open.map((thread) => thread.close()));
}
function readerThread(limits: ResumeLimits): ResumeReaderThread {
  const key = JSON.stringify(limits);
  let thread = threads.get(key);
  if (!thread) threads.set(key, (thread = new ResumeReaderThread(limits)));
  return thread;
}
