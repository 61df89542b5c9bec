import { combineScores } from './combine';
import type { EmbeddingCache } from './embedding-cache';
import {
  createEmbeddingClient,
  EmbeddingUnavailableError,
  type SemanticScorerConfig,
} from './embedding-client';
import { readsAsEnglish } from './language';
import { createLocalScorer } from './local-scorer';
import { createSemanticScorer, type SemanticScorer, type SemanticScorerResult } from './semantic-scorer';
import type { JobProfile, MatchResult, ScoringInput, SemanticStatus } from './types';

const notReadReason = 'the resume is not in English, the only language the model reads';

export class NothingToScoreError extends Error {
  override name = 'NothingToScoreError';
}

export type MatcherConfig = {
  /** Unset: local scorer only. A config builds the Hugging Face client; a scorer is used as given (tests, custom models). */
  semantic?: SemanticScorerConfig | SemanticScorer;
  /** Where embeddings are cached by content hash; only used with a semantic config. */
  embeddingCache?: EmbeddingCache;
};

export type ScoreOptions = {
  /** What "present" means in resumes; an ISO string survives Temporal. Default: now. */
  asOf?: Date | string;
};

export type Matcher = {
  readonly semanticModel: string | null;
  /** Scores a batch of blinded people for one job profile, best first. */
  scoreCandidates(
    profile: JobProfile,
    people: readonly ScoringInput[],
    options?: ScoreOptions,
  ): Promise<MatchResult[]>;
};

export function createMatcher(config: MatcherConfig = {}): Matcher {
  const local = createLocalScorer();
  const semantic: SemanticScorer | undefined =
    config.semantic === undefined
      ? undefined
      : 'scoreWithDetails' in config.semantic
        ? config.semantic
        : createSemanticScorer({
            client: createEmbeddingClient(config.semantic),
            ...(config.embeddingCache ? { cache: config.embeddingCache } : {}),
          });

  return {
    semanticModel: semantic?.model ?? null,
    async scoreCandidates(profile, people, options = {}) {
      // Only the id and the blinded text go to the scorers: originals kept for export never reach them.
      const inputs = people.map(({ personId, text }) => ({ personId, text }));
      const empty = inputs.filter((p) => p.text.trim().length === 0).map((p) => p.personId);
      if (empty.length > 0) {
        throw new NothingToScoreError(
          `Cannot score job ${profile.jobId}: no text for person ${empty.join(', ')} (extraction failures must be reported, not scored as empty)`,
        );
      }
      const asOf = options.asOf === undefined ? new Date() : new Date(options.asOf);
      const localResults = local.scoreWithDetails(profile, inputs, { asOf });

      // The default model reads English only: its similarity for a resume in another language is noise, not
      // evidence, and would sink a welder whose resume is in Spanish below forklift operators. Such a resume is
      // not sent to the model; it is scored as without it, and its summary says why.
      const unreadable = new Set(
        semantic && !semantic.readsManyLanguages
          ? inputs.filter((p) => !readsAsEnglish(p.text)).map((p) => p.personId)
          : [],
      );
      const readable = inputs.filter((p) => !unreadable.has(p.personId));

      let semanticResults: Map<string, SemanticScorerResult> | undefined;
      let semanticStatus: SemanticStatus = { status: 'not-configured' };
      if (semantic && inputs.length > 0) {
        try {
          const results = readable.length > 0 ? await semantic.scoreWithDetails(profile, readable) : [];
          semanticResults = new Map(results.map((r) => [r.personId, r]));
        } catch (error) {
          if (!(error instanceof EmbeddingUnavailableError)) throw error;
          semanticStatus = { status: 'unavailable', reason: error.message };
        }
      }

      return localResults
        .map((localResult) => {
          const read = !unreadable.has(localResult.personId);
          const semanticResult = semanticResults?.get(localResult.personId);
          return combineScores({
            profile,
            local: localResult,
            ...(semanticResult ? { semantic: semanticResult } : {}),
            semanticStatus: semanticResult
              ? {
                  status: 'used',
                  model: semantic!.model,
                  similarity: Math.round(semanticResult.similarity * 1000) / 1000,
                }
              : !read && semanticResults
                ? { status: 'not-read', reason: notReadReason }
                : semanticStatus,
          });
        })
        .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
    },
  };
}
