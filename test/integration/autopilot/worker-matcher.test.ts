import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { blindCandidate, trainJobProfile, type BlindedCandidate } from '../../../matching';
import { startDefaultScoring } from '../../../infra/default-scoring';
import { EMBEDDING_MODEL_ID } from '../../../infra/embedding-model';
import { workerMatcher } from '../../../worker/activity-deps';
import { startEmbeddingServer, type EmbeddingServer } from '../../fixtures/matching/embedding-server';
import { freePort } from '../../support/free-port';
import { testDb } from '../../support/services';

// The matcher the worker process hands its activities: semantic scoring when HF_* is set, embeddings
// cached in PostgreSQL across workers; the local scorer alone otherwise.

const model = `worker-matcher-${randomUUID()}`;

const profile = trainJobProfile({
  job: { jobId: 'wm-1', title: 'Backend Engineer', offices: ['Remote'] },
  post: {
    title: 'Backend Engineer',
    content: '<h3>Requirements</h3><ul><li>Go</li><li>PostgreSQL</li></ul>',
  },
});

function person(personId: string, resume: string): BlindedCandidate {
  const prepared = blindCandidate({ personId, resumeText: resume });
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.candidate;
}

const people = [
  person('go-dev', 'Backend Engineer, Ledgerly (2019 – present)\nGo services on PostgreSQL'),
  person('designer', 'Product Designer, Studio (2019 – present)\nFigma, user research'),
];

describe('the worker matcher', () => {
  let db: Db;
  let server: EmbeddingServer;

  beforeAll(async () => {
    db = testDb();
    server = await startEmbeddingServer(model);
  });
  afterAll(async () => {
    await db.deleteFrom('embedding_cache').where('model', '=', model).execute();
    await db.destroy();
    await server.close();
  });

  it('scores with the local scorer only when Hugging Face is not configured', async () => {
    const matcher = workerMatcher({}, db);

    const results = await matcher.scoreCandidates(profile, people, { asOf: '2026-01-01' });

    expect(matcher.semanticModel).toBeNull();
    expect(results.map((r) => r.scorers.semantic.status)).toEqual(['not-configured', 'not-configured']);
    expect(results[0]?.personId).toBe('go-dev');
  });

  it('uses the configured embedding server and shares its vectors between workers through PostgreSQL', async () => {
    const env = { HF_ENDPOINT_URL: server.url, HF_MODEL: model };
    const first = workerMatcher(env, db);

    const results = await first.scoreCandidates(profile, people, { asOf: '2026-01-01' });
    const callsAfterFirst = server.inferenceRequests().length;
    const cached = await db
      .selectFrom('embedding_cache')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('model', '=', model)
      .executeTakeFirstOrThrow();
    const second = workerMatcher(env, db);
    const again = await second.scoreCandidates(profile, people, { asOf: '2026-01-01' });

    expect(first.semanticModel).toBe(model);
    expect(results.map((r) => r.scorers.semantic.status)).toEqual(['used', 'used']);
    expect(callsAfterFirst).toBeGreaterThan(0);
    expect(Number(cached.n)).toBeGreaterThan(0);
    expect(server.inferenceRequests().length).toBe(callsAfterFirst);
    expect(again.map((r) => r.score)).toEqual(results.map((r) => r.score));
  });

  it('scores through the real local model when started the way npm start starts it', async () => {
    const scoring = await startDefaultScoring({
      EMBEDDING_MODEL: 'local',
      EMBEDDING_MODEL_PORT: await freePort(),
      PILOTHOUSE_DATA_DIR: '.data/test-embeddings',
    });
    try {
      expect(scoring.notice).toBeUndefined();
      const matcher = workerMatcher(scoring.workerEnv, db);
      const nursing = trainJobProfile({
        job: { jobId: 'wm-rn', title: 'Registered Nurse, ICU', offices: ['Boston, MA'] },
        post: {
          title: 'Registered Nurse, ICU',
          content:
            '<p><strong>Qualifications:</strong></p><ul><li>Critical care nursing experience</li></ul>',
        },
      });
      const results = await matcher.scoreCandidates(
        nursing,
        [
          person(
            'rn',
            'RN, BSN — Mass General (2019 – present)\nSix years in the medical ICU caring for ventilated patients',
          ),
          person('forklift', 'Forklift Operator — Amazon (2019 – present)\nLoad trailers, pallet put-away'),
        ],
        { asOf: '2026-01-01' },
      );

      expect(matcher.semanticModel).toBe(EMBEDDING_MODEL_ID);
      expect(results.map((r) => r.scorers.semantic.status)).toEqual(['used', 'used']);
      expect(results[0]?.personId).toBe('rn');
      expect(results[0]!.components.semanticSimilarity!).toBeGreaterThan(
        results[1]!.components.semanticSimilarity!,
      );
    } finally {
      await scoring.stop();
      await db.deleteFrom('embedding_cache').where('model', '=', EMBEDDING_MODEL_ID).execute();
    }
  }, 120_000);
});
