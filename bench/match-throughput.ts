// How fast the matcher scores a batch: `npm run bench:match:throughput` (issue 16, item 6).
// A batch of 500 different people — the tuning set's resumes, each copy made distinct by a line of its own so
// no embedding is shared — is scored against one job: by the local scorer alone, then with the default
// semantic model (what `npm start` runs: the local all-MiniLM-L6-v2 on CPU, or HF_* when set) from an empty
// embedding cache and again from a warm one. Prints people/s, time per person and the share of the time spent
// waiting for the model. Figures only; nothing here asserts a time.
import { performance } from 'node:perf_hooks';
import { loadEnv } from '../config/load-env';
import { startDefaultScoring } from '../infra/default-scoring';
import {
  createEmbeddingClient,
  createMatcher,
  createSemanticScorer,
  InMemoryEmbeddingCache,
  type BlindedCandidate,
  type EmbeddingClient,
  type JobProfile,
  type Matcher,
} from '../matching';
import { evalAsOf, loadEvalSet } from '../test/fixtures/matching/eval-set';
import { blindedPeople, profileFor } from '../test/fixtures/matching/evaluate';
import { machine } from './support/machine';

const batchSize = Number(process.env.BENCH_PEOPLE ?? 500);
const set = loadEvalSet();
const everyone = [
  ...new Map(set.jobs.flatMap((job) => blindedPeople(set, job.jobId)).map((p) => [p.personId, p])).values(),
];
const batch: BlindedCandidate[] = Array.from({ length: batchSize }, (_, i) => {
  const person = everyone[i % everyone.length]!;
  return {
    ...person,
    personId: `${person.personId}-${i}`,
    text: `${person.text}\nVolunteer: community league coach, season ${i + 1}`,
  };
});
const profiles = set.jobs.map(profileFor);
const profile: JobProfile = profiles[0]!;

/** Wraps the client to add up the time spent waiting for vectors. */
function timed(client: EmbeddingClient): EmbeddingClient & { seconds: number; texts: number } {
  const out = {
    model: client.model,
    maxInputChars: client.maxInputChars,
    seconds: 0,
    texts: 0,
    async embed(texts: readonly string[]) {
      const started = performance.now();
      try {
        return await client.embed(texts);
      } finally {
        out.seconds += (performance.now() - started) / 1000;
        out.texts += texts.length;
      }
    },
  };
  return out;
}

async function scoreOnce(matcher: Matcher, job: JobProfile): Promise<number> {
  const started = performance.now();
  await matcher.scoreCandidates(job, batch, { asOf: evalAsOf });
  return (performance.now() - started) / 1000;
}

const rows: string[][] = [];
function row(run: string, seconds: number, people: number, modelSeconds: number | null, note = '') {
  rows.push([
    run,
    String(people),
    `${seconds.toFixed(2)} s`,
    (people / seconds).toFixed(1),
    `${((seconds / people) * 1000).toFixed(1)} ms`,
    modelSeconds === null ? '—' : `${Math.round((modelSeconds / seconds) * 100)} %`,
    note,
  ]);
}

console.log(`Machine: ${machine()}`);
console.log(
  `Batch: ${batch.length} people (${everyone.length} resumes of the tuning set, each copy distinct), job "${profile.title}"`,
);

// Local scorer: the batch against every job of the tuning set, after one warm-up pass.
const local = createMatcher();
await scoreOnce(local, profile);
let localSeconds = 0;
for (const job of profiles) localSeconds += await scoreOnce(local, job);
row('local scorer, no model', localSeconds, batch.length * profiles.length, null, `${profiles.length} jobs`);

const scoring = await startDefaultScoring(loadEnv(), (line) => console.log(line));
if (scoring.notice) console.log(`⚠ ${scoring.notice}`);
try {
  if (scoring.semantic) {
    const client = timed(createEmbeddingClient(scoring.semantic));
    const cache = new InMemoryEmbeddingCache();
    const withModel = createMatcher({ semantic: createSemanticScorer({ client, cache }) });
    const cold = await scoreOnce(withModel, profile);
    row('local + model, cold cache', cold, batch.length, client.seconds, `${client.texts} passages embedded`);
    const [before, texts] = [client.seconds, client.texts];
    const warm = await scoreOnce(withModel, profile);
    row(
      'local + model, warm cache',
      warm,
      batch.length,
      client.seconds - before,
      `${client.texts - texts} passages embedded`,
    );
    const other = profiles[1] ?? profile;
    const [before2, texts2] = [client.seconds, client.texts];
    const nextJob = await scoreOnce(withModel, other);
    row(
      'same people, another job',
      nextJob,
      batch.length,
      client.seconds - before2,
      `${client.texts - texts2} passages embedded ("${other.title}")`,
    );
  }
  console.log(`Model: ${scoring.description}\n`);
  const head = ['run', 'people', 'time', 'people/s', 'per person', 'model share', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
} finally {
  await scoring.stop();
}
