import type { Env } from '../config/env';
import { semanticConfigFromEnv, type SemanticScorerConfig } from '../matching';

/**
 * What `npm start` scores people with, decided in one place so `npm run eval:match` measures exactly that:
 * HF_ENDPOINT_URL (a TEI server) or HF_TOKEN + HF_MODEL (an inference provider) when set, else the local
 * scorer alone.
 */
export type DefaultScoring = {
  /** The semantic scorer's configuration, or undefined for the local scorer alone. */
  semantic: SemanticScorerConfig | undefined;
  /** A line for people: which scorer runs and why. */
  description: string;
  stop(): Promise<void>;
};

export async function startDefaultScoring(
  env: Pick<Env, 'HF_TOKEN' | 'HF_MODEL' | 'HF_ENDPOINT_URL'>,
): Promise<DefaultScoring> {
  const semantic = semanticConfigFromEnv(env);
  return {
    semantic,
    description: semantic
      ? `semantic scorer via ${semantic.kind === 'text-embeddings-inference' ? `TEI at ${semantic.endpointUrl}` : `inference provider, model ${semantic.model}`}`
      : 'local scorer only (no HF_* setting)',
    stop: async () => {},
  };
}
