import MiniSearch from 'minisearch';
import { tokenize } from './text';
import type { ScoringInput } from './types';

// BM25 (MiniSearch's BM25+) over blinded resumes. IDF needs a corpus, so a batch is indexed together.

const idealId = '\u0000ideal';

export type WeightedQuery = { text: string; boosts: Map<string, number> };

function buildIndex(
  people: readonly ScoringInput[],
  extra: { id: string; text: string }[] = [],
  anyScript = false,
): MiniSearch {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    tokenize: (text) => tokenize(text, anyScript),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
  });
  index.addAll([...people.map((p) => ({ id: p.personId, text: p.text })), ...extra]);
  return index;
}

/** Raw BM25 scores of each person for a query; people the query does not touch score 0. */
export function bm25Scores(people: readonly ScoringInput[], query: WeightedQuery): Map<string, number> {
  const index = buildIndex(people);
  return collect(index, query);
}

/**
 * BM25 scores divided by the score of an ideal document that holds every query term once, so a person's
 * relevance reads 0–1 whatever the batch, instead of "best in this batch".
 */
export function normalisedKeywordRelevance(
  people: readonly ScoringInput[],
  query: WeightedQuery,
  idealText: string,
): Map<string, number> {
  const index = buildIndex(people, [{ id: idealId, text: idealText }], true);
  const scores = collect(index, query, true);
  const ideal = scores.get(idealId) ?? 0;
  const out = new Map<string, number>();
  for (const person of people) {
    const raw = scores.get(person.personId) ?? 0;
    out.set(person.personId, ideal > 0 ? Math.min(1, raw / ideal) : 0);
  }
  return out;
}

function collect(index: MiniSearch, query: WeightedQuery, anyScript = false): Map<string, number> {
  const scores = new Map<string, number>();
  if (tokenize(query.text, anyScript).length === 0) return scores;
  const results = index.search(query.text, { boostTerm: (term) => query.boosts.get(term) ?? 1 });
  for (const result of results) scores.set(String(result.id), result.score);
  return scores;
}
