import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { embeddingHash, embedWithCache } from '../../../matching/embedding-cache';
import { createPgEmbeddingCache } from '../../../db/queries/embedding-cache';
import type { EmbeddingClient } from '../../../matching/embedding-client';
import { testDb } from '../../support/services';

// A model name of our own per run, so rows from this test never meet anyone else's.
const model = `test-model-${randomUUID()}`;

function countingClient(name: string): EmbeddingClient & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    model: name,
    maxInputChars: 2000,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => [text.length, 0.25, -1.5]);
    },
  };
}

describe('the embedding cache in PostgreSQL', () => {
  let db: Db;

  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.deleteFrom('embedding_cache').where('model', 'like', `${model}%`).execute();
    await db.destroy();
  });

  it('returns what was put, by hash, and nothing for hashes it has not seen', async () => {
    const cache = createPgEmbeddingCache(db);
    const stored = embeddingHash(model, 'Senior Backend Engineer');
    const unseen = embeddingHash(model, 'never embedded');

    await cache.put([{ hash: stored, model, vector: [0.125, -0.5, 3] }]);
    const found = await cache.get([stored, unseen]);

    expect([...found.entries()]).toEqual([[stored, [0.125, -0.5, 3]]]);
  });

  it('accepts the same row from two workers without an error', async () => {
    const cache = createPgEmbeddingCache(db);
    const hash = embeddingHash(model, 'twice');

    await cache.put([{ hash, model, vector: [1, 2] }]);
    await expect(cache.put([{ hash, model, vector: [1, 2] }])).resolves.toBeUndefined();
  });

  it('spares the embedding service a second call for the same texts, even from a new worker', async () => {
    const texts = ['Go and PostgreSQL', 'Kubernetes on AWS', 'Go and PostgreSQL'];
    const firstWorker = countingClient(model);
    const secondWorker = countingClient(model);

    const first = await embedWithCache(firstWorker, createPgEmbeddingCache(db), texts);
    const second = await embedWithCache(secondWorker, createPgEmbeddingCache(db), texts);

    expect(firstWorker.calls).toEqual([['Go and PostgreSQL', 'Kubernetes on AWS']]);
    expect(secondWorker.calls).toEqual([]);
    expect(second).toEqual({ vectors: first.vectors, fromCache: 3 });
  });

  it('keeps the vectors of different models apart', async () => {
    const other = countingClient(`${model}-other`);

    await embedWithCache(other, createPgEmbeddingCache(db), ['Go and PostgreSQL']);

    expect(other.calls).toEqual([['Go and PostgreSQL']]);
  });

  it('refuses a row whose vector does not have the dimensions it claims', async () => {
    await expect(
      db
        .insertInto('embedding_cache')
        .values({ hash: embeddingHash(model, 'broken'), model, dimensions: 4, vector: [1, 2] })
        .execute(),
    ).rejects.toThrow(/embedding_cache_dimensions_match/);
  });
});
