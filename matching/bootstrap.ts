// Bootstrap confidence intervals for ranking figures. The unit resampled is the job (a query): people judged
// for one job are not independent of each other, jobs are. Seeded, so the same set prints the same interval.

export type Interval = { value: number; low: number; high: number };

export type BootstrapOptions = { resamples?: number; level?: number; seed?: number };

/** Mulberry32: a small seeded generator; Math.random would make intervals move between runs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const average = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/** Percentile interval of the mean of per-job values. */
export function bootstrapMean(perJob: readonly number[], options: BootstrapOptions = {}): Interval {
  return bootstrapMeanDifference(
    perJob,
    perJob.map(() => 0),
    options,
  );
}

/**
 * Percentile interval of mean(a − b) over jobs, resampling the same jobs for both rankers (paired): the
 * honest way to say whether one ranker beats another on a handful of jobs.
 */
export function bootstrapMeanDifference(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions = {},
): Interval {
  if (a.length !== b.length) throw new Error(`Bootstrap: ${a.length} values against ${b.length}`);
  const differences = a.map((x, i) => x - b[i]!);
  const value = average(differences);
  if (differences.length === 0) return { value: 0, low: 0, high: 0 };
  const resamples = options.resamples ?? 4000;
  const level = options.level ?? 0.95;
  const random = seededRandom(options.seed ?? 15);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < differences.length; i++)
      sum += differences[Math.floor(random() * differences.length)]!;
    means.push(sum / differences.length);
  }
  means.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  const at = (q: number) => means[Math.min(means.length - 1, Math.max(0, Math.floor(q * means.length)))]!;
  return { value, low: at(tail), high: at(1 - tail) };
}
