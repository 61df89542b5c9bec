import { describe, expect, it } from 'vitest';
import { createMatcher, mean, ndcgAt } from '../../../matching';
import { loadEvalSet } from '../../fixtures/matching/eval-set';
import { matcherRanker, plainBm25Ranker, rankAll } from '../../fixtures/matching/evaluate';

// Quality, not speed: the local scorer must rank the labelled people better than BM25 over the post alone.

describe('ranking quality on the labelled set', async () => {
  const set = loadEvalSet();
  const local = await rankAll(set, matcherRanker(createMatcher()));
  const bm25 = await rankAll(set, plainBm25Ranker);
  const ndcg = (jobs: typeof local) => mean(jobs.map((j) => ndcgAt(10, j.ranked)));

  it('has enough labelled people to mean something', () => {
    expect(set.jobs.length).toBeGreaterThanOrEqual(6);
    for (const job of set.jobs) expect(set.judged.get(job.jobId)?.length).toBeGreaterThanOrEqual(25);
  });

  it('ranks better than plain BM25 on nDCG@10 over all jobs', () => {
    expect(ndcg(local)).toBeGreaterThan(ndcg(bm25));
  });

  it('ranks better than plain BM25 on the job held out from tuning', () => {
    const heldOut = (jobs: typeof local) => jobs.filter((j) => j.heldOut);
    expect(heldOut(local).length).toBeGreaterThan(0);
    expect(ndcg(heldOut(local))).toBeGreaterThan(ndcg(heldOut(bm25)));
  });
});
