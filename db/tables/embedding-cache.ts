import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Sentence embeddings by content hash, so the same resume or job text is embedded once per model. */
export interface EmbeddingCacheTable {
  /** sha256 of the model name and the exact text embedded (see matching/embedding-cache.ts). */
  hash: string;
  model: string;
  dimensions: number;
  /** float4[]: half the size of float8, and more precision than cosine similarity needs. */
  vector: number[];
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type EmbeddingCacheRow = Selectable<EmbeddingCacheTable>;
export type NewEmbeddingCacheRow = Insertable<EmbeddingCacheTable>;
