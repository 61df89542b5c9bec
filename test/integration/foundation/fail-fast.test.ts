import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

// What an operator sees when a setting is wrong: one readable line and a non-zero exit, quickly.
function runScript(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('bad settings fail fast with one clear line', () => {
  it('a DATABASE_URL pointing at nothing stops the worker with the redacted URL and the setting to fix', () => {
    const { status, stderr } = runScript('scripts/worker.ts', {
      DATABASE_URL: 'postgres://pilothouse:secret@127.0.0.1:1/pilothouse',
    });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /PostgreSQL is not reachable at postgres:\/\/pilothouse:\*\*\*@127\.0\.0\.1:1\/pilothouse.*Check DATABASE_URL/,
    );
    expect(stderr).not.toContain('secret');
  });

  it('an unreachable TEMPORAL_ADDRESS stops the web app naming the address', () => {
    const { status, stderr } = runScript('scripts/web.ts', {
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Temporal is not reachable at 127\.0\.0\.1:1 .*TEMPORAL_ADDRESS/);
  });

  it('a malformed setting is named before anything starts', () => {
    const { status, stderr } = runScript('scripts/worker.ts', { TEMPORAL_ADDRESS: 'no-port-here' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/TEMPORAL_ADDRESS: expected host:port/);
  });
});
