import type { Env } from '../config/env';
import type { Db } from '../db/database';
import { createPgEmbeddingCache } from '../db/queries/embedding-cache';
import { createMatcher, semanticConfigFromEnv, type Matcher } from '../matching';

/**
 * The matcher a worker scores with: the local scorer always, the semantic scorer too when HF_* is
 * configured, its embeddings cached in PostgreSQL so every worker (and every restart) reuses them.
 */
export function workerMatcher(env: Pick<Env, 'HF_TOKEN' | 'HF_MODEL' | 'HF_ENDPOINT_URL'>, db: Db): Matcher {
  return createMatcher({
    semantic: semanticConfigFromEnv(env),
    embeddingCache: createPgEmbeddingCache(db),
  });
}
