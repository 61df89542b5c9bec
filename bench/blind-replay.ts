// Blind replay: `npm run bench:blind-replay -- [--patch FILE] [--keep]`.
//
// Each held-out set was first read, blind, by the scorer of its time. Checked out side by side, those
// scorers reproduce their recorded first runs; a generic scorer change (a parameter, not a table entry),
// applied to each of them as a patch, is then read on sets none of them had been tuned on
// (docs/matching-evaluation.md, "Session 24"). It is still selection on those sets — the figure a change is
// judged by stays the next held-out set's run — but it tells a change that only fits the development sets
// from one that also helps where the scorer was blind.
//
// Each scorer runs in a git worktree under the system's temp directory, with this checkout's node_modules
// and .tools linked in, and is read by its own `npm run eval:match` on this checkout's copy of the set, one
// at a time (they share the embedding model's port). Prints figures; asserts nothing.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { machine } from './support/machine';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

/**
 * The scorer that first read each set, and the nDCG@10 it recorded. A set joins when its second run is
 * done (it is development data from then on); the set held out now is never here.
 */
const firstReads = [
  { set: 'frozen-5', commit: 'ce7cce6', recorded: 0.933 },
  { set: 'frozen-6', commit: '648d42e', recorded: 0.95 },
  { set: 'frozen-7', commit: 'c324794', recorded: 0.918 },
  { set: 'frozen-8', commit: '4cf74e9', recorded: 0.902 },
  { set: 'frozen-9', commit: 'bd11bee', recorded: 0.951 },
] as const;

type Reading = { ndcg: number; perJob: { jobId: string; default: number }[] };

const { values } = parseArgs({
  options: { patch: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const patch = values.patch ? resolve(values.patch) : undefined;
if (patch && !existsSync(patch)) throw new Error(`--patch ${patch}: no such file`);

const base = join(tmpdir(), 'pilothouse-blind-replay');
mkdirSync(base, { recursive: true });

async function git(args: string[], cwd = root) {
  return run('git', args, { cwd, timeout: 120_000, maxBuffer: 16 * 2 ** 20 });
}

const made: string[] = [];

async function worktree(commit: string, patched: boolean): Promise<string> {
  const dir = join(base, `${commit}${patched ? '-patched' : ''}`);
  if (existsSync(dir)) await git(['worktree', 'remove', '--force', dir]);
  await git(['worktree', 'add', '--detach', dir, commit]);
  made.push(dir);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, '.tools'), join(dir, '.tools'));
  return dir;
}

/** Applies the patch; the reason it does not apply (the scorer's code has moved since), or undefined. */
async function applyPatch(dir: string): Promise<string | undefined> {
  try {
    await git(['apply', '--3way', patch!], dir);
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    return stderr
      .trim()
      .split('\n')
      .filter((line) => /conflict|error|^U /i.test(line))
      .join('; ');
  }
}

async function read(dir: string, set: string): Promise<Reading> {
  const { stdout } = await run(
    'npm',
    ['run', '-s', 'eval:match', '--', '--data', join(root, 'test/fixtures/matching', set), '--json'],
    { cwd: dir, timeout: 20 * 60_000, maxBuffer: 64 * 2 ** 20 },
  );
  const report = JSON.parse(stdout) as {
    default: { ndcgAt10: { value: number } };
    perJob: Reading['perJob'];
  };
  return { ndcg: report.default.ndcgAt10.value, perJob: report.perJob };
}

console.log(`Blind replay${patch ? ` of ${patch}` : ''} — ${machine()}`);
const rows: { set: string; commit: string; recorded: number; before: Reading; after?: Reading }[] = [];
const notApplied: string[] = [];
try {
  for (const { set, commit, recorded } of firstReads) {
    const before = await read(await worktree(commit, false), set);
    let after: Reading | undefined;
    let moved = '';
    if (patch) {
      const patched = await worktree(commit, true);
      const conflict = await applyPatch(patched);
      if (conflict) {
        // The scorer's code has moved since: this set says nothing about the patch, and no mean includes it.
        notApplied.push(`${set} (${commit}): ${conflict}`);
        moved = '  patch does not apply';
      } else {
        after = await read(patched, set);
        moved = `  patched ${after.ndcg.toFixed(3)}`;
      }
    }
    if (!patch || after) rows.push({ set, commit, recorded, before, ...(after ? { after } : {}) });
    console.log(
      `${set.padEnd(9)} ${commit}  recorded ${recorded.toFixed(3)}  replayed ${before.ndcg.toFixed(3)}${moved}`,
    );
  }
} finally {
  if (!values.keep) for (const dir of made) await git(['worktree', 'remove', '--force', dir]).catch(() => {});
}

// A mean over jobs, not over sets: every job weighs the same, as in the development figures.
const mean = (readings: Reading[]) => {
  const jobs = readings.flatMap((r) => r.perJob.map((j) => j.default));
  return jobs.reduce((sum, x) => sum + x, 0) / jobs.length;
};
const jobs = rows.reduce((n, r) => n + r.before.perJob.length, 0);
const drift = rows.filter((r) => Math.abs(r.before.ndcg - r.recorded) > 0.0005);
console.log(`\nmean over ${jobs} jobs: replayed ${mean(rows.map((r) => r.before)).toFixed(4)}`);
if (patch)
  console.log(`                     patched  ${mean(rows.flatMap((r) => r.after ?? [])).toFixed(4)}`);
if (notApplied.length > 0)
  console.log(
    `Left out, the patch does not apply (write the change as an environment switch, or edit the worktrees kept with --keep): ${notApplied.join(' | ')}`,
  );
if (drift.length > 0)
  console.log(
    `Not reproduced (the environment differs from the first runs'; read the patch's difference, not its level): ${drift
      .map((r) => `${r.set} ${r.before.ndcg.toFixed(3)} against ${r.recorded.toFixed(3)}`)
      .join(', ')}`,
  );
if (patch) {
  console.log('\nper job, replayed → patched:');
  for (const row of rows)
    for (const [i, job] of row.before.perJob.entries()) {
      const after = row.after?.perJob[i]?.default ?? job.default;
      if (Math.abs(after - job.default) > 0.0005)
        console.log(
          `  ${row.set.padEnd(9)} ${job.jobId.padEnd(48)} ${job.default.toFixed(3)} → ${after.toFixed(3)}`,
        );
    }
}
