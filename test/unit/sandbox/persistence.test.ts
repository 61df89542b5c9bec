import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../greenhouse/support/sandbox-fixture';

describe('a demo that survives a restart', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('keeps people, applications and webhook targets in the state file', async () => {
    directory = await mkdtemp(join(tmpdir(), 'pilothouse-sandbox-'));
    const stateFile = join(directory, 'state.json');

    const first = await startTestSandbox({ stateFile, candidates: 40 });
    const { candidate } = await first.client().createCandidate({ first_name: 'Remy', last_name: 'Restart' });
    await first.control('POST', '/webhook-targets', { url: 'http://127.0.0.1:9/hook', secret_key: 'kept' });
    await first.close();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ version: 1 });

    const second = await startTestSandbox({ stateFile, candidates: 40 });
    try {
      const again = await second.client().getCandidate(candidate.id);
      expect(again).toMatchObject({ first_name: 'Remy', last_name: 'Restart' });
      expect(await second.control('GET', '/webhook-targets')).toEqual([
        expect.objectContaining({ url: 'http://127.0.0.1:9/hook', secret_key: 'kept' }),
      ]);
    } finally {
      await second.close();
    }
  });
});
