// `npm run eval:match -- --data DIR [--json]`: ranking quality of the product's default scoring (exactly what
// `npm start` scores with; it starts what that needs) and of plain BM25 (MiniSearch's BM25+ over the whole
// post) on a labelled set in the fixture format (DIR/jobs.yaml + DIR/people/*.yaml), with bootstrap 95 %
// intervals over jobs. Default DIR: the tuning set.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../config/load-env';
import { startDefaultScoring } from '../infra/default-scoring';
import { createMatcher, InMemoryEmbeddingCache, ndcgAt, precisionAt, reciprocalRank } from '../matching';
import { bootstrapMean, bootstrapMeanDifference, type Interval } from '../matching/bootstrap';
import { loadEvalSet, tuningSetDir } from '../test/fixtures/matching/eval-set';
import { matcherRanker, plainBm25Ranker, rankAll, type RankedJob } from '../test/fixtures/matching/evaluate';

const { values } = parseArgs({
  options: { data: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const dataDir = resolve(values.data ?? tuningSetDir);
const set = loadEvalSet(dataDir);

type Figures = { ndcgAt10: Interval; mrr: Interval; precisionAt5: Interval };
const metrics = {
  ndcgAt10: (ranked: number[]) => ndcgAt(10, ranked),
  mrr: (ranked: number[]) => reciprocalRank(ranked),
  precisionAt5: (ranked: number[]) => precisionAt(5, ranked),
} as const;

function figures(jobs: RankedJob[]): Figures {
  const at = (metric: keyof typeof metrics) => bootstrapMean(jobs.map((j) => metrics[metric](j.ranked)));
  return { ndcgAt10: at('ndcgAt10'), mrr: at('mrr'), precisionAt5: at('precisionAt5') };
}

function difference(a: RankedJob[], b: RankedJob[]): Figures {
  const at = (metric: keyof typeof metrics) =>
    bootstrapMeanDifference(
      a.map((j) => metrics[metric](j.ranked)),
      b.map((j) => metrics[metric](j.ranked)),
    );
  return { ndcgAt10: at('ndcgAt10'), mrr: at('mrr'), precisionAt5: at('precisionAt5') };
}

const cell = (i: Interval) => `${i.value.toFixed(3)} [${i.low.toFixed(3)}, ${i.high.toFixed(3)}]`.padEnd(24);

const scoring = await startDefaultScoring(loadEnv(), (line) => console.error(line));
if (scoring.notice) console.error(`⚠ ${scoring.notice}`);
try {
  const matcher = createMatcher({
    semantic: scoring.semantic,
    embeddingCache: new InMemoryEmbeddingCache(),
  });
  const started = performance.now();
  const product = await rankAll(set, matcherRanker(matcher));
  const seconds = (performance.now() - started) / 1000;
  const bm25 = await rankAll(set, plainBm25Ranker);
  const judged = [...set.judged.values()].reduce((n, list) => n + list.length, 0);
  const report = {
    data: dataDir,
    jobs: set.jobs.length,
    people: set.people.length,
    judgments: judged,
    defaultScoring: scoring.description,
    semanticModel: matcher.semanticModel,
    interval: '95 % percentile bootstrap over jobs, 4000 resamples',
    default: figures(product),
    plainBm25: figures(bm25),
    defaultMinusBm25: difference(product, bm25),
    perJob: set.jobs.map((job, i) => ({
      jobId: job.jobId,
      default: ndcgAt(10, product[i]!.ranked),
      plainBm25: ndcgAt(10, bm25[i]!.ranked),
    })),
    secondsToRankWithDefault: seconds,
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`Set: ${dataDir}\n${set.jobs.length} jobs, ${set.people.length} people, ${judged} judgments`);
    console.log(`Default scoring: ${scoring.description}`);
    console.log(`Intervals: ${report.interval}\n`);
    console.log(`${''.padEnd(22)}${'nDCG@10'.padEnd(24)}${'MRR'.padEnd(24)}${'P@5'.padEnd(24)}`);
    for (const [name, f] of [
      ['default (npm start)', report.default],
      ['plain BM25', report.plainBm25],
      ['default − BM25', report.defaultMinusBm25],
    ] as const) {
      console.log(`${name.padEnd(22)}${cell(f.ndcgAt10)}${cell(f.mrr)}${cell(f.precisionAt5)}`);
    }
    console.log(`\nnDCG@10 per job${''.padEnd(15)}default   BM25`);
    for (const job of report.perJob)
      console.log(
        `  ${job.jobId.padEnd(28)}${job.default.toFixed(3).padStart(7)}${job.plainBm25.toFixed(3).padStart(7)}`,
      );
    console.log(`\nRanking all jobs with the default scoring took ${seconds.toFixed(1)} s.`);
  }
} finally {
  await scoring.stop();
}
