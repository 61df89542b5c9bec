// How well and how fast the matcher ranks people: `npm run bench:match`.
// Quality on the labelled set in test/fixtures/matching/eval (8 jobs, 25–27 judged people each, graded
// 0–3): nDCG@10, MRR and precision@5 (relevant = grade 2 or 3) for the local scorer, the semantic scorer
// when HF_TOKEN + HF_MODEL or HF_ENDPOINT_URL are set, and plain BM25 over the post as the baseline. Then
// throughput and memory of the local scorer. Prints figures only; nothing here asserts a time.
import { performance } from 'node:perf_hooks';
import { loadEnv } from '../config/load-env';
import { startDefaultScoring } from '../infra/default-scoring';
import {
  createMatcher,
  InMemoryEmbeddingCache,
  rankingQuality,
  type BlindedCandidate,
  type Matcher,
  type RankingQuality,
} from '../matching';
import { loadEvalSet } from '../test/fixtures/matching/eval-set';
import {
  blindedPeople,
  matcherRanker,
  plainBm25Ranker,
  profileFor,
  rankAll,
  type RankedJob,
  type Ranker,
} from '../test/fixtures/matching/evaluate';

const set = loadEvalSet();

function row(name: string, quality: RankingQuality): string {
  const cells = [quality.ndcgAt10, quality.mrr, quality.precisionAt5].map((v) => v.toFixed(3).padStart(8));
  return `${name.padEnd(36)}${cells.join('')}`;
}

async function measureQuality(name: string, ranker: Ranker, table: string[], perJob: Map<string, string[]>) {
  const ranked: RankedJob[] = await rankAll(set, ranker);
  table.push(row(`${name} — all jobs`, rankingQuality(ranked.map((j) => j.ranked))));
  const heldOut = ranked.filter((j) => j.heldOut);
  if (heldOut.length > 0) table.push(row(`${name} — held out`, rankingQuality(heldOut.map((j) => j.ranked))));
  for (const job of ranked) {
    const cells = perJob.get(job.jobId) ?? [];
    cells.push(rankingQuality([job.ranked]).ndcgAt10.toFixed(3).padStart(10));
    perJob.set(job.jobId, cells);
  }
}

async function throughput(matcher: Matcher, rounds: number): Promise<{ people: number; seconds: number }> {
  const everyone: BlindedCandidate[] = set.jobs.flatMap((job) => blindedPeople(set, job.jobId));
  const unique = [...new Map(everyone.map((p) => [p.personId, p])).values()];
  const profiles = set.jobs.map(profileFor);
  let people = 0;
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const profile of profiles) {
      await matcher.scoreCandidates(profile, unique, { asOf: '2025-06-01' });
      people += unique.length;
    }
  }
  return { people, seconds: (performance.now() - start) / 1000 };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const env = loadEnv();
  // The semantic scorer the product uses by default: HF_* when set, else the local model (started here).
  const scoring = await startDefaultScoring(env, (line) => console.log(line));
  if (scoring.notice) console.log(`⚠ ${scoring.notice}`);
  const semanticConfig = scoring.semantic;
  const judged = [...set.judged.values()].reduce((n, list) => n + list.length, 0);
  console.log(
    `Labelled set: ${set.jobs.length} jobs, ${set.people.length} people, ${judged} judgments (grades 0–3).`,
  );
  console.log(
    `Held out from tuning: ${
      set.jobs
        .filter((j) => j.heldOut)
        .map((j) => j.jobId)
        .join(', ') || 'none'
    }.\n`,
  );

  const table: string[] = [
    `${'scorer'.padEnd(36)}${'nDCG@10'.padStart(8)}${'MRR'.padStart(8)}${'P@5'.padStart(8)}`,
  ];
  const perJob = new Map<string, string[]>();
  const columns = ['local', 'bm25'];
  await measureQuality('local', matcherRanker(createMatcher()), table, perJob);
  if (semanticConfig) {
    const semantic = createMatcher({
      semantic: semanticConfig,
      embeddingCache: new InMemoryEmbeddingCache(),
    });
    await measureQuality('local + semantic', matcherRanker(semantic), table, perJob);
    columns.splice(1, 0, 'semantic');
  }
  await measureQuality('plain BM25 (baseline)', plainBm25Ranker, table, perJob);
  console.log(table.join('\n'));
  if (!semanticConfig) {
    console.log(`\nSemantic scorer skipped: ${scoring.description}.`);
  }

  console.log(`\nnDCG@10 per job\n${'job'.padEnd(20)}${columns.map((c) => c.padStart(10)).join('')}`);
  for (const job of set.jobs) {
    console.log(
      `${`${job.jobId}${job.heldOut ? ' *' : ''}`.padEnd(20)}${(perJob.get(job.jobId) ?? []).join('')}`,
    );
  }
  console.log('(* held out)');

  const before = process.memoryUsage();
  const local = await throughput(createMatcher(), 3);
  const after = process.memoryUsage();
  console.log(
    `\nThroughput, local scorer: ${(local.people / local.seconds).toFixed(0)} people scored per second ` +
      `(${local.people} scorings of ${set.people.length} people against ${set.jobs.length} jobs in ${local.seconds.toFixed(2)} s)`,
  );
  if (semanticConfig) {
    // Cold: every passage is embedded; warm: the same people again, every vector from the cache (as after a
    // restart with the PostgreSQL cache, or for the next job of the same people).
    const cache = new InMemoryEmbeddingCache();
    const withModel = createMatcher({ semantic: semanticConfig, embeddingCache: cache });
    const cold = await throughput(withModel, 1);
    const warm = await throughput(withModel, 1);
    console.log(
      `Throughput, local + semantic (${scoring.description}): cold cache ${(cold.people / cold.seconds).toFixed(1)} people/s ` +
        `(${cold.seconds.toFixed(1)} s for ${cold.people}), warm cache ${(warm.people / warm.seconds).toFixed(1)} people/s`,
    );
  }
  await scoring.stop();
  console.log(
    `Memory: heap ${mb(after.heapUsed)} (${mb(after.heapUsed - before.heapUsed)} during the throughput run), ` +
      `RSS ${mb(after.rss)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

await main();
