import type { Kysely } from 'kysely';
import type { EmbeddingCache, EmbeddingCacheEntry } from '../../matching/embedding-cache';
import type { EmbeddingCacheTable } from '../tables/embedding-cache';

// The embedding cache in PostgreSQL, shared by every worker. Reads and writes go in chunks so a large batch
// never builds one enormous statement.

const chunkSize = 500;

type EmbeddingCacheDatabase = { embedding_cache: EmbeddingCacheTable };

export function createPgEmbeddingCache<Database extends EmbeddingCacheDatabase>(
  db: Kysely<Database>,
): EmbeddingCache {
  // Narrowed to the one table this cache touches, so any database type that has it will do.
  const cacheDb = db as unknown as Kysely<EmbeddingCacheDatabase>;
  return {
    async get(hashes) {
      const found = new Map<string, number[]>();
      const unique = [...new Set(hashes)];
      for (let start = 0; start < unique.length; start += chunkSize) {
        const rows = await cacheDb
          .selectFrom('embedding_cache')
          .select(['hash', 'vector'])
          .where('hash', 'in', unique.slice(start, start + chunkSize))
          .execute();
        for (const row of rows) found.set(row.hash, row.vector);
      }
      return found;
    },

    async put(entries: readonly EmbeddingCacheEntry[]) {
      for (let start = 0; start < entries.length; start += chunkSize) {
        const rows = entries.slice(start, start + chunkSize).map((entry) => ({
          hash: entry.hash,
          model: entry.model,
          dimensions: entry.vector.length,
          vector: entry.vector,
        }));
        // Another worker may have embedded the same text a moment ago: its row is as good as ours.
        await cacheDb
          .insertInto('embedding_cache')
          .values(rows)
          .onConflict((oc) => oc.column('hash').doNothing())
          .execute();
      }
    },
  };
}
