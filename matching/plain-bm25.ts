import { htmlToLines } from './job-post-html';
import { bm25Scores } from './keyword-relevance';
import type { JobPost, ScoringInput } from './types';

/**
 * The baseline the local scorer must beat: BM25 of each blinded resume against the whole job post, with no
 * requirements, aliases or weights. People ranked best first; people sharing no word with the post score 0.
 */
export function rankByPlainBm25(
  post: JobPost,
  people: readonly ScoringInput[],
): { personId: string; score: number }[] {
  const query = [post.title, ...htmlToLines(post.content).map((l) => l.replace(/^[#-] /, ''))].join(' ');
  const scores = bm25Scores(people, { text: query, boosts: new Map() });
  return people
    .map((p) => ({ personId: p.personId, score: scores.get(p.personId) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
}
