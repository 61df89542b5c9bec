import { join, resolve } from 'node:path';
import type { Env } from '../config/env';
import { semanticConfigFromEnv, type SemanticScorerConfig } from '../matching';
import {
  EMBEDDING_MODEL_ID,
  installEmbeddingModel,
  startEmbeddingModel,
  type RunningEmbeddingModel,
} from './embedding-model';

/**
 * What `npm start` scores people with, decided in one place so `npm run eval:match` measures exactly that:
 * HF_ENDPOINT_URL (a TEI server) or HF_TOKEN + HF_MODEL (an inference provider) when set; otherwise the
 * local all-MiniLM-L6-v2 server (EMBEDDING_MODEL=local, the default), reached as a TEI server; the local
 * scorer alone when EMBEDDING_MODEL=off or when the model cannot start — then with a notice saying why.
 */
export type DefaultScoring = {
  /** The semantic scorer's configuration, or undefined for the local scorer alone. */
  semantic: SemanticScorerConfig | undefined;
  /** Settings the worker needs to score the same way (HF_ENDPOINT_URL and HF_MODEL for the local model). */
  workerEnv: Record<string, string>;
  /** A line for people: which scorer runs and why. */
  description: string;
  /** Set when the model was wanted but could not start: shown as a notice. */
  notice?: string;
  /** The local model's server while it runs (supervised by the caller). */
  server?: RunningEmbeddingModel;
  stop(): Promise<void>;
};

type ScoringEnv = Pick<
  Env,
  | 'HF_TOKEN'
  | 'HF_MODEL'
  | 'HF_ENDPOINT_URL'
  | 'EMBEDDING_MODEL'
  | 'EMBEDDING_MODEL_PORT'
  | 'PILOTHOUSE_DATA_DIR'
>;

const projectRoot = resolve(import.meta.dirname, '..');

export async function startDefaultScoring(
  env: ScoringEnv,
  log: (line: string) => void = () => {},
): Promise<DefaultScoring> {
  const configured = semanticConfigFromEnv(env);
  if (configured) {
    return {
      semantic: configured,
      workerEnv: {},
      description:
        configured.kind === 'text-embeddings-inference'
          ? `semantic scorer via the TEI server at HF_ENDPOINT_URL ${configured.endpointUrl}`
          : `semantic scorer via inference provider, model ${configured.model}`,
      stop: async () => {},
    };
  }
  if (env.EMBEDDING_MODEL === 'off') {
    return {
      semantic: undefined,
      workerEnv: {},
      description: 'local scorer only (EMBEDDING_MODEL=off)',
      stop: async () => {},
    };
  }
  try {
    const { python } = await installEmbeddingModel({ log });
    const server = await startEmbeddingModel({
      python,
      port: env.EMBEDDING_MODEL_PORT,
      logFile: join(resolve(projectRoot, env.PILOTHOUSE_DATA_DIR), 'logs', 'embeddings.log'),
    });
    return {
      semantic: { kind: 'text-embeddings-inference', endpointUrl: server.url, model: EMBEDDING_MODEL_ID },
      workerEnv: { HF_ENDPOINT_URL: server.url, HF_MODEL: EMBEDDING_MODEL_ID },
      description: `semantic scorer with the local model ${EMBEDDING_MODEL_ID} (int8 ONNX on CPU) at ${server.url}`,
      server,
      stop: () => server.process.stop(5_000),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      semantic: undefined,
      workerEnv: {},
      description: 'local scorer only (the embedding model could not start)',
      notice: `The sentence-embedding model could not start, so matching uses the local keyword scorer only: ${reason}`,
      stop: async () => {},
    };
  }
}
