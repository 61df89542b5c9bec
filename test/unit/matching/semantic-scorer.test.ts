import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmbeddingClient,
  createMatcher,
  createSemanticScorer,
  EmbeddingUnavailableError,
  InMemoryEmbeddingCache,
  semanticConfigFromEnv,
  trainJobProfile,
  type SemanticScorerConfig,
} from '../../../matching';
import { startEmbeddingServer, type EmbeddingServer } from '../../fixtures/matching/embedding-server';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

const model = 'sentence-transformers/all-MiniLM-L6-v2';
let server: EmbeddingServer;

beforeAll(async () => {
  server = await startEmbeddingServer(model);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.behave({ kind: 'ok' });
});

function providerConfig(overrides: Partial<SemanticScorerConfig> = {}): SemanticScorerConfig {
  return {
    kind: 'inference-provider',
    accessToken: 'hf_test_token',
    model,
    hubUrl: server.url,
    routerUrl: server.url,
    retryBaseDelayMs: 1,
    ...overrides,
  } as SemanticScorerConfig;
}

function teiConfig(overrides: Partial<SemanticScorerConfig> = {}): SemanticScorerConfig {
  return {
    kind: 'text-embeddings-inference',
    endpointUrl: server.url,
    model,
    retryBaseDelayMs: 1,
    ...overrides,
  } as SemanticScorerConfig;
}

async function failureOf(promise: Promise<unknown>): Promise<EmbeddingUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EmbeddingUnavailableError))
    throw new Error(`expected EmbeddingUnavailableError, got ${String(error)}`);
  return error;
}

describe('embedding through a Hugging Face inference provider', () => {
  it('looks the model up on the Hub, then posts batches of at most 32 inputs to the feature-extraction route', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `resume number ${i}`);

    const vectors = await createEmbeddingClient(providerConfig()).embed(texts);

    expect(vectors).toHaveLength(70);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: `/api/models/${model}`,
      authorization: 'Bearer hf_test_token',
    });
    const calls = server.inferenceRequests();
    expect(calls.map((c) => c.path)).toEqual(
      Array(3).fill(`/hf-inference/models/${model}/pipeline/feature-extraction`),
    );
    expect(calls.map((c) => (c.body?.inputs as string[]).length)).toEqual([32, 32, 6]);
    expect(calls[0]).toMatchObject({ authorization: 'Bearer hf_test_token', body: { truncate: true } });
  });

  it('cuts long inputs before sending them', async () => {
    await createEmbeddingClient(providerConfig({ maxInputChars: 100 })).embed(['word '.repeat(500)]);

    const [sent] = server.inferenceRequests()[0]?.body?.inputs as string[];
    expect(sent?.length).toBeLessThanOrEqual(100);
  });
});

describe('embedding through a self-hosted text-embeddings-inference server', () => {
  it("posts to the server's /embed route without a token", async () => {
    await createEmbeddingClient(teiConfig()).embed(['Senior Backend Engineer', 'Go and PostgreSQL']);

    expect(server.inferenceRequests()).toEqual([
      {
        method: 'POST',
        path: '/embed',
        authorization: undefined,
        body: { inputs: ['Senior Backend Engineer', 'Go and PostgreSQL'], truncate: true },
      },
    ]);
  });

  it('is what HF_ENDPOINT_URL configures; HF_TOKEN with HF_MODEL configures a provider; nothing set means no semantic scorer', () => {
    expect(semanticConfigFromEnv({ HF_ENDPOINT_URL: 'http://tei:8080' })).toEqual({
      kind: 'text-embeddings-inference',
      endpointUrl: 'http://tei:8080',
    });
    expect(semanticConfigFromEnv({ HF_TOKEN: 'hf_x', HF_MODEL: model })).toEqual({
      kind: 'inference-provider',
      accessToken: 'hf_x',
      model,
    });
    expect(semanticConfigFromEnv({ HF_TOKEN: 'hf_x' })).toBeUndefined();
  });
});

describe('when the embedding service misbehaves', () => {
  it('retries a model that is loading (503) and succeeds', async () => {
    server.behave({ kind: 'fail', status: 503, times: 2 });

    await expect(createEmbeddingClient(teiConfig({ maxRetries: 2 })).embed(['text'])).resolves.toHaveLength(
      1,
    );
    expect(server.inferenceRequests()).toHaveLength(3);
  });

  it("stops after its own retries on a 503 that never ends, instead of the library's endless retry", async () => {
    server.behave({ kind: 'fail', status: 503, times: 1000 });

    const error = await failureOf(createEmbeddingClient(providerConfig({ maxRetries: 2 })).embed(['text']));

    expect(error).toMatchObject({ reason: 'server-error', status: 503, attempts: 3 });
    expect(error.message).toMatch(/unavailable after 3 attempts: HTTP 503/);
    expect(server.inferenceRequests()).toHaveLength(3);
  });

  it('gives up on a slow answer after its timeout, once per attempt', async () => {
    server.behave({ kind: 'slow', delayMs: 2_000 });

    const error = await failureOf(
      createEmbeddingClient(teiConfig({ timeoutMs: 100, maxRetries: 1 })).embed(['text']),
    );

    expect(error).toMatchObject({ reason: 'timeout', attempts: 2 });
    expect(server.inferenceRequests()).toHaveLength(2);
  });

  it('honours Retry-After on a 429', async () => {
    server.behave({ kind: 'fail', status: 429, times: 1, retryAfter: '0' });

    await expect(
      createEmbeddingClient(teiConfig({ retryBaseDelayMs: 60_000 })).embed(['text']),
    ).resolves.toHaveLength(1);
  });

  it('does not retry what retrying cannot fix: a rejected token', async () => {
    server.behave({ kind: 'fail', status: 401, times: 1000 });

    const error = await failureOf(createEmbeddingClient(teiConfig({ maxRetries: 3 })).embed(['text']));

    expect(error).toMatchObject({ reason: 'rejected', status: 401, attempts: 1 });
    expect(server.inferenceRequests()).toHaveLength(1);
  });

  it('reports a server nobody answers at as unreachable', async () => {
    const gone = await startEmbeddingServer(model);
    const url = gone.url;
    await gone.close();

    const error = await failureOf(
      createEmbeddingClient(teiConfig({ endpointUrl: url, maxRetries: 1 })).embed(['text']),
    );

    expect(error).toMatchObject({ reason: 'unreachable', attempts: 2 });
  });
});

const profile = trainJobProfile({
  job: { jobId: 'fin-1', title: 'Backend Engineer', offices: ['Remote'] },
  post: {
    title: 'Backend Engineer',
    content: '<h3>Requirements</h3><ul><li>Go</li><li>Experience with accounting systems</li></ul>',
  },
});

const people = [
  person('bookkeeper', 'Backend Engineer, Ledgerly (2019 – present)\nGo services for a bookkeeping platform'),
  person('gamer', 'Backend Engineer, Playfield (2019 – present)\nGo services for multiplayer games'),
];

describe('scoring with the semantic scorer', () => {
  it('blends similarity into the score and finds a requirement the dictionary misses, as partial credit', async () => {
    const client = createEmbeddingClient(teiConfig());
    const matcher = createMatcher({
      semantic: createSemanticScorer({ client, chunkChars: 60, partlyAt: 0.3, metAt: 0.9 }),
    });

    const results = await matcher.scoreCandidates(profile, people, { asOf: '2025-06-01' });
    const bookkeeper = results.find((r) => r.personId === 'bookkeeper');

    expect(bookkeeper?.scorers.semantic).toMatchObject({ status: 'used', model });
    expect(bookkeeper?.components.semanticSimilarity).toEqual(expect.any(Number));
    expect(
      bookkeeper?.requirements.find((r) => r.requirementId === 'topic:accounting-systems'),
    ).toMatchObject({
      status: 'partly',
      foundBy: 'semantic',
      evidence: 'Go services for a bookkeeping platform',
    });
    expect(results[0]?.personId).toBe('bookkeeper');
  });

  it('embeds each text once per model: a second scoring of the same people is served from the cache', async () => {
    const cache = new InMemoryEmbeddingCache();
    const matcher = createMatcher({ semantic: teiConfig(), embeddingCache: cache });

    await matcher.scoreCandidates(profile, people);
    const first = server.inferenceRequests().length;
    await matcher.scoreCandidates(profile, people);

    expect(first).toBeGreaterThan(0);
    expect(server.inferenceRequests()).toHaveLength(first);

    const otherModel = createMatcher({
      semantic: teiConfig({ model: 'BAAI/bge-small-en-v1.5' }),
      embeddingCache: cache,
    });
    await otherModel.scoreCandidates(profile, people);
    expect(server.inferenceRequests().length).toBeGreaterThan(first);
  });

  it('falls back to the local score when embeddings are unavailable, and says so', async () => {
    server.behave({ kind: 'fail', status: 503, times: 1000 });
    const withSemantic = createMatcher({ semantic: teiConfig({ maxRetries: 1 }) });

    const results = await withSemantic.scoreCandidates(profile, people, { asOf: '2025-06-01' });
    const localOnly = await createMatcher().scoreCandidates(profile, people, { asOf: '2025-06-01' });

    expect(results.map((r) => r.score)).toEqual(localOnly.map((r) => r.score));
    expect(results[0]?.scorers.semantic).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/HTTP 503/),
    });
    expect(results[0]?.summary).toMatch(/semantic scorer unavailable .*local score only\.$/);
  });
});
