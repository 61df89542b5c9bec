import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  frozenSet2Dir,
  frozenSet3Dir,
  frozenSet4Dir,
  frozenSet5Dir,
  frozenSet6Dir,
  frozenSet7Dir,
  frozenSet8Dir,
  frozenSet9Dir,
  frozenSet10Dir,
  frozenSet11Dir,
  frozenSet12Dir,
  frozenSet13Dir,
  frozenSetDir,
  loadEvalSet,
} from '../../fixtures/matching/eval-set';

// The held-out sets are never tuned on: `frozen/` was written before the scorer changes of issue 15,
// `frozen-2/` after `frozen/` was spent, before the next scorer change, and `frozen-3/` to
// `frozen-13/` by helpers who read no matcher source and ran no scorer on them. Their hashes are pinned so that an edit — even
// a well-meant fix of a label — fails here and has to be argued for openly.

const frozenSets = [
  {
    name: 'frozen',
    dir: frozenSetDir,
    hash: 'fc8c513a892296a43840c73dd40c18448382b21728c43b34326a3b51fc91b912',
  },
  {
    name: 'frozen-2',
    dir: frozenSet2Dir,
    hash: '0f0499925dc242d45cd2f80a0f2a629b8e357ac35f9f792841d7559e529a8c72',
  },
  {
    name: 'frozen-3',
    dir: frozenSet3Dir,
    hash: 'dca1d48718a823248efa2d7026c657eaef009c13f5548cf1f884d916e55bf1e0',
  },
  {
    name: 'frozen-4',
    dir: frozenSet4Dir,
    hash: '29c19a055079b69e88dbc1b25645c2137f727de114d17e49598fbf513db713ce',
  },
  {
    name: 'frozen-5',
    dir: frozenSet5Dir,
    hash: '8713cc481737854001259368436d19e909bf61fd1dad88e5a90b6f89eaf7f72e',
  },
  {
    name: 'frozen-6',
    dir: frozenSet6Dir,
    hash: '0d8f5a0c5fd95dcfa7ef26b29f16e5d4191268a73cfa8552c805e3a30964f91a',
  },
  {
    name: 'frozen-7',
    dir: frozenSet7Dir,
    hash: '24068f318cb4f0a2f166cb3820ed70192a1482d32a8f8914ce10970c1454f31c',
  },
  {
    name: 'frozen-8',
    dir: frozenSet8Dir,
    hash: '111abc6a146107b4896493eba2fea39b1dbf68a45a3a8dd70d0250000a7e708a',
  },
  {
    name: 'frozen-9',
    dir: frozenSet9Dir,
    hash: '23c3f18acc8d2f7cc445489eb9d6c42391977e4faad653037bb3a18409c345ad',
  },
  {
    name: 'frozen-10',
    dir: frozenSet10Dir,
    hash: 'a36b2b675311eef6d7319ebced9024beeec5f3cfe7e72b3aa9f09f43dacc1e9c',
  },
  {
    name: 'frozen-11',
    dir: frozenSet11Dir,
    hash: '5f803ad306e9529e3d669b255477f51287e6da58902dedd7bda2e3e9ab286584',
  },
  {
    name: 'frozen-12',
    dir: frozenSet12Dir,
    hash: 'afbf99cce2a2b528d70b9c8dbba11b6fe40c54c0f18789ffa1ff4b91dc6078b3',
  },
  {
    name: 'frozen-13',
    dir: frozenSet13Dir,
    hash: '11a483302ce6c11020aad01113c775d571bda736ac72e2fec6eb07f3035ba539',
  },
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe.each(frozenSets)('the held-out matching set $name', ({ dir, hash: pinned }) => {
  it('is unchanged since it was committed', () => {
    const hash = createHash('sha256');
    for (const file of files(dir).sort()) {
      hash.update(relative(dir, file));
      hash.update(readFileSync(file));
    }
    expect(hash.digest('hex')).toBe(pinned);
  });

  it('judges every job against enough people, outside the tuning set and every other held-out set', () => {
    const frozen = loadEvalSet(dir);
    const others = [
      loadEvalSet(),
      ...frozenSets.filter((set) => set.dir !== dir).map((set) => loadEvalSet(set.dir)),
    ];
    const otherJobIds = others.flatMap((set) => set.jobs.map((job) => job.jobId));
    const otherPersonIds = new Set(others.flatMap((set) => set.people.map((person) => person.id)));
    expect(frozen.jobs.every((job) => job.heldOut)).toBe(true);
    for (const job of frozen.jobs) {
      expect(otherJobIds).not.toContain(job.jobId);
      expect(frozen.judged.get(job.jobId)?.length).toBeGreaterThanOrEqual(20);
    }
    expect(frozen.people.map((person) => person.id).filter((id) => otherPersonIds.has(id))).toEqual([]);
  });
});
