// The real web app for a benchmark: `scripts/web.ts` as a child process on a free port, the production
// build when `build/` exists (`npm run build`), else the Vite development server. Resolves once /healthz
// answers; `stop()` ends it and waits.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../../test/support/free-port';

const root = resolve(import.meta.dirname, '../..');

export const productionBuild = existsSync(resolve(root, 'build/server/index.js'));

export interface WebProcess {
  url: string;
  stop(): Promise<void>;
}

/** `env`: the app's settings (database, Temporal, Greenhouse); PATH, HOME, the mode and the port are added. */
export async function startWebProcess(env: Record<string, string>): Promise<WebProcess> {
  const port = await freePort();
  const web = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: productionBuild ? 'production' : 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stop = async () => {
    if (web.exitCode !== null) return;
    const exited = new Promise((done) => web.once('exit', done));
    web.kill('SIGTERM');
    await exited;
  };
  let stderr = '';
  web.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    for (const deadline = Date.now() + 120_000; ;) {
      if (web.exitCode !== null) throw new Error(`web app exited ${web.exitCode}:\n${stderr}`);
      const healthy = await fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return { url, stop };
      if (Date.now() > deadline) throw new Error(`web app not healthy:\n${stderr}`);
      await new Promise((done) => setTimeout(done, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
