import { createHash } from 'node:crypto';
import { truncateForEmbedding, type EmbeddingClient } from './embedding-client';

// Embeddings are paid for and slow; the same resume or job text is embedded once per model. The key is a
// hash of the model and the exact text sent, so a changed resume or a new model never reuses a vector.

export type EmbeddingCacheEntry = { hash: string; model: string; vector: number[] };

export interface EmbeddingCache {
  get(hashes: readonly string[]): Promise<Map<string, number[]>>;
  put(entries: readonly EmbeddingCacheEntry[]): Promise<void>;
}

export function embeddingHash(model: string, text: string): string {
  return createHash('sha256').update(model).update('\u0000').update(text).digest('hex');
}

/** A process-local cache; the worker's default until the database cache is configured. */
export class InMemoryEmbeddingCache implements EmbeddingCache {
  private readonly vectors = new Map<string, number[]>();
  constructor(private readonly maxEntries = 50_000) {}

  async get(hashes: readonly string[]): Promise<Map<string, number[]>> {
    const found = new Map<string, number[]>();
    for (const hash of hashes) {
      const vector = this.vectors.get(hash);
      if (vector) found.set(hash, vector);
    }
    return found;
  }

  async put(entries: readonly EmbeddingCacheEntry[]): Promise<void> {
    for (const entry of entries) {
      if (this.vectors.size >= this.maxEntries) {
        const oldest = this.vectors.keys().next();
        if (!oldest.done) this.vectors.delete(oldest.value);
      }
      this.vectors.set(entry.hash, entry.vector);
    }
  }

  get size(): number {
    return this.vectors.size;
  }
}

/**
 * Embeds texts through the cache: only misses reach the client, each distinct text once. A cache that fails
 * is treated as empty — it must never be the reason a person goes unscored.
 */
export async function embedWithCache(
  client: EmbeddingClient,
  cache: EmbeddingCache | undefined,
  texts: readonly string[],
): Promise<{ vectors: number[][]; fromCache: number }> {
  const prepared = texts.map((t) => truncateForEmbedding(t, client.maxInputChars));
  const hashes = prepared.map((t) => embeddingHash(client.model, t));
  let cached = new Map<string, number[]>();
  if (cache) {
    try {
      cached = await cache.get([...new Set(hashes)]);
    } catch {
      cached = new Map();
    }
  }
  const missing = new Map<string, string>();
  hashes.forEach((hash, i) => {
    if (!cached.has(hash) && !missing.has(hash)) missing.set(hash, prepared[i]!);
  });
  const fresh = new Map<string, number[]>();
  if (missing.size > 0) {
    const missingHashes = [...missing.keys()];
    const vectors = await client.embed([...missing.values()]);
    missingHashes.forEach((hash, i) => fresh.set(hash, vectors[i]!));
    if (cache) {
      await cache
        .put(missingHashes.map((hash) => ({ hash, model: client.model, vector: fresh.get(hash)! })))
        .catch(() => undefined);
    }
  }
  const fromCache = hashes.filter((h) => cached.has(h)).length;
  return { vectors: hashes.map((h) => cached.get(h) ?? fresh.get(h)!), fromCache };
}
