// Ranking quality against graded relevance labels (0 = not a fit … 3 = strong fit). Each function takes the
// labels in the order the ranker put the people.

/** Discounted cumulative gain with exponential gain (2^rel − 1) and a log2(rank + 1) discount. */
export function dcgAt(k: number, rankedRelevance: readonly number[]): number {
  let dcg = 0;
  rankedRelevance.slice(0, k).forEach((relevance, i) => {
    dcg += (2 ** relevance - 1) / Math.log2(i + 2);
  });
  return dcg;
}

/**
 * DCG divided by the best DCG possible. `allRelevance` is every label for the query (ranked or not); it
 * defaults to the ranked list, which is right when the ranker saw every labelled person.
 */
export function ndcgAt(
  k: number,
  rankedRelevance: readonly number[],
  allRelevance: readonly number[] = rankedRelevance,
): number {
  const ideal = dcgAt(
    k,
    [...allRelevance].sort((a, b) => b - a),
  );
  return ideal === 0 ? 0 : dcgAt(k, rankedRelevance) / ideal;
}

/** 1 / rank of the first relevant person (relevance ≥ threshold); 0 when there is none. */
export function reciprocalRank(rankedRelevance: readonly number[], threshold = 2): number {
  const index = rankedRelevance.findIndex((relevance) => relevance >= threshold);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Share of the top k that are relevant; a list shorter than k counts its missing places as not relevant. */
export function precisionAt(k: number, rankedRelevance: readonly number[], threshold = 2): number {
  return rankedRelevance.slice(0, k).filter((relevance) => relevance >= threshold).length / k;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export type RankingQuality = { ndcgAt10: number; mrr: number; precisionAt5: number };

/** The three figures over several queries (jobs), each query given as its ranked labels. */
export function rankingQuality(queries: readonly (readonly number[])[]): RankingQuality {
  return {
    ndcgAt10: mean(queries.map((q) => ndcgAt(10, q))),
    mrr: mean(queries.map((q) => reciprocalRank(q))),
    precisionAt5: mean(queries.map((q) => precisionAt(5, q))),
  };
}
