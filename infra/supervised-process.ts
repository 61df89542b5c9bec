import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export interface SupervisedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Echo output to our stdout with a `[name]` prefix (the worker, the web app) or only to the log file. */
  echo: boolean;
  logFile?: string;
  /** How many of the last output lines to keep for a post-mortem. */
  keepLines?: number;
}

/**
 * A child process whose last output lines are kept, so that when it dies we can say why
 * instead of losing it silently.
 */
export class SupervisedProcess {
  readonly name: string;
  private child?: ChildProcess;
  private readonly lastLines: string[] = [];
  private log?: WriteStream;
  private stopping = false;
  exitCode: number | null = null;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private resolveExit!: (value: { code: number | null; signal: NodeJS.Signals | null }) => void;

  constructor(private readonly options: SupervisedProcessOptions) {
    this.name = options.name;
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  start(): this {
    const { options } = this;
    if (options.logFile) {
      mkdirSync(dirname(options.logFile), { recursive: true });
      this.log = createWriteStream(options.logFile, { flags: 'a' });
    }
    // detached: the child gets its own process group, so a stop reaches its grandchildren (tsx → node).
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    const onData = (chunk: Buffer) => this.record(chunk.toString('utf8'));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error) => this.record(`failed to start: ${error.message}\n`));
    child.on('exit', (code, signal) => {
      this.exitCode = code;
      this.log?.end();
      this.resolveExit({ code, signal });
    });
    return this;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  tail(): string {
    return this.lastLines.join('\n');
  }

  private record(text: string) {
    this.log?.write(text);
    for (const line of text.split('\n')) {
      if (!line) continue;
      this.lastLines.push(line);
      if (this.lastLines.length > (this.options.keepLines ?? 40)) this.lastLines.shift();
      if (this.options.echo) process.stdout.write(`[${this.name}] ${line}\n`);
    }
  }

  /** SIGTERM to the whole group, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child?.pid || this.exitCode !== null || child.signalCode) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
