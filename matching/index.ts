// The matching module's public surface, for the train and match activities.

export { extractDocument, extractDocuments, detectFormat } from './documents';
export {
  blindCandidate,
  blindText,
  type CandidateSources,
  type KnownIdentity,
  type PreparedCandidate,
} from './blind';
export { profileToText } from './candidate-text';
export { trainJobProfile, type TrainJobProfileInput } from './job-profile';
export { learnFromOutcomes, outcomeSchema, type Outcome } from './learn-from-outcomes';
export { similarJobIds, type JobTitle } from './similar-jobs';
export { profileContentHash } from './profile-version';
export {
  createMatcher,
  NothingToScoreError,
  type Matcher,
  type MatcherConfig,
  type ScoreOptions,
} from './matcher';
export { createLocalScorer } from './local-scorer';
export {
  cosine,
  createSemanticScorer,
  type SemanticScorer,
  type SemanticScorerOptions,
} from './semantic-scorer';
export {
  createEmbeddingClient,
  EmbeddingUnavailableError,
  semanticConfigFromEnv,
  type EmbeddingClient,
  type EmbeddingFailureReason,
  type SemanticScorerConfig,
} from './embedding-client';
export {
  embeddingHash,
  embedWithCache,
  InMemoryEmbeddingCache,
  type EmbeddingCache,
  type EmbeddingCacheEntry,
} from './embedding-cache';
export type { CandidateScorer, ScorerResult, ScoringContext } from './scorer';
export {
  adverseImpactReport,
  adverseImpactReports,
  selectionDecisionSchema,
  type AdverseImpactReport,
  type ImpactDimensionReport,
  type ImpactGroup,
  type SelectionDecision,
} from './adverse-impact';
export { rankByPlainBm25 } from './plain-bm25';
export {
  dcgAt,
  mean,
  ndcgAt,
  precisionAt,
  rankingQuality,
  reciprocalRank,
  type RankingQuality,
} from './metrics';
export * from './types';
