import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine, createEmbeddingClient } from '../../../matching';
import { startDefaultScoring } from '../../../infra/default-scoring';
import {
  EMBEDDING_MODEL_ID,
  installedEmbeddingModel,
  startEmbeddingModel,
  type RunningEmbeddingModel,
} from '../../../infra/embedding-model';
import { freePort } from '../../support/free-port';

// The real all-MiniLM-L6-v2 (int8 ONNX) behind the TEI-compatible server `npm start` runs, called through the
// product's own Hugging Face client. CI installs it (scripts/install-embedding-model.ts); a missing install
// fails here rather than skipping, so the model path can never silently go untested.

describe('the local embedding model', () => {
  let model: RunningEmbeddingModel;

  beforeAll(async () => {
    const installed = installedEmbeddingModel();
    if (!installed)
      throw new Error(
        'The embedding model is not installed: run node --import tsx scripts/install-embedding-model.ts',
      );
    model = await startEmbeddingModel({ python: installed.python, port: await freePort(), threads: 2 });
  }, 90_000);
  afterAll(async () => {
    await model?.process.stop(5_000);
  });

  const client = () =>
    createEmbeddingClient({
      kind: 'text-embeddings-inference',
      endpointUrl: model.url,
      model: EMBEDDING_MODEL_ID,
      timeoutMs: 60_000,
    });

  it('gives the reference similarities of all-MiniLM-L6-v2', async () => {
    const [food, bread, nurse, rn, forklift] = await client().embed([
      'A man is eating food.',
      'A man is eating a piece of bread.',
      'Registered Nurse, ICU',
      'RN, BSN, 6 years in critical care',
      'Forklift operator, warehouse',
    ]);
    // sentence-transformers' published example: 0.7553 for these two sentences (fp32); int8 stays within 0.02.
    expect(cosine(food!, bread!)).toBeGreaterThan(0.73);
    expect(cosine(food!, bread!)).toBeLessThan(0.78);
    expect(cosine(nurse!, rn!)).toBeGreaterThan(0.5);
    expect(cosine(nurse!, forklift!)).toBeLessThan(0.25);
    expect(food).toHaveLength(384);
    expect(Math.hypot(...food!)).toBeCloseTo(1, 5);
  }, 60_000);

  it('embeds an input far over 256 tokens (the server truncates it) instead of failing the batch', async () => {
    const [long, short] = await client().embed(['pharmacy technician '.repeat(2_000), 'pharmacy technician']);
    expect(long).toHaveLength(384);
    expect(cosine(long!, short!)).toBeGreaterThan(0.5);
  }, 60_000);

  it('answers a TEI-style error for a malformed request', async () => {
    const response = await fetch(`${model.url}/embed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'no inputs' }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error_type: 'Validation' });
  });

  it('leaves npm start on the local scorer, with a notice saying why, when the model cannot start', async () => {
    // The running model holds its port, so a second server cannot bind it and exits.
    const port = Number(new URL(model.url).port);
    const scoring = await startDefaultScoring({
      EMBEDDING_MODEL: 'local',
      EMBEDDING_MODEL_PORT: port,
      PILOTHOUSE_DATA_DIR: '.data/test-embeddings',
    });

    expect(scoring.semantic).toBeUndefined();
    expect(scoring.workerEnv).toEqual({});
    expect(scoring.notice).toMatch(
      /^The sentence-embedding model could not start, so matching uses the local keyword scorer only: /,
    );
  }, 90_000);

  it('uses HF_ENDPOINT_URL instead of the local model when it is set', async () => {
    const scoring = await startDefaultScoring({
      HF_ENDPOINT_URL: 'http://127.0.0.1:9/tei',
      EMBEDDING_MODEL: 'local',
      EMBEDDING_MODEL_PORT: 1,
      PILOTHOUSE_DATA_DIR: '.data/test-embeddings',
    });
    expect(scoring.semantic).toMatchObject({
      kind: 'text-embeddings-inference',
      endpointUrl: 'http://127.0.0.1:9/tei',
    });
    expect(scoring.server).toBeUndefined();
  });
});
