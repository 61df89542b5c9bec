import {
  featureExtraction,
  InferenceClientHubApiError,
  InferenceClientInputError,
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
  type InferenceProvider,
} from '@huggingface/inference';

// Sentence embeddings from Hugging Face: either an inference provider (token + model) or a self-hosted
// text-embeddings-inference (TEI) server. The library would retry a 503 forever on its own; we turn that
// off (`retry_on_error: false`) and retry a bounded number of times with a timeout per attempt instead, so
// a matching activity always finishes and falls back to the local scorer.

export type EmbeddingFailureReason =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'unreachable'
  | 'rejected'
  | 'malformed-response'
  | 'misconfigured';

export class EmbeddingUnavailableError extends Error {
  override name = 'EmbeddingUnavailableError';
  constructor(
    message: string,
    readonly reason: EmbeddingFailureReason,
    readonly attempts: number,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type CommonOptions = {
  /** Per attempt, including the model-routing lookup. Default 10 s (inference provider), 30 s (TEI). */
  timeoutMs?: number;
  /** Retries after the first attempt, for timeouts, 429, 5xx and network errors. Default 2. */
  maxRetries?: number;
  /** First retry delay; doubles each time; a Retry-After header wins when it is shorter than 30 s. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Inputs per request, at most 32. */
  batchSize?: number;
  /** Inputs are cut to this many characters (about 512 tokens by default); the server is also asked to truncate. */
  maxInputChars?: number;
};

export type SemanticScorerConfig =
  | (CommonOptions & {
      kind: 'inference-provider';
      accessToken: string;
      model: string;
      /** Default "hf-inference". */
      inferenceProvider?: InferenceProvider;
      /** Replace https://huggingface.co and https://router.huggingface.co, for an egress proxy or a stand-in server. */
      hubUrl?: string;
      routerUrl?: string;
    })
  | (CommonOptions & {
      kind: 'text-embeddings-inference';
      /** Base URL of the TEI server; requests go to its /embed route. */
      endpointUrl: string;
      accessToken?: string;
      /** Names the model for the embedding cache; vectors of different models must not mix. */
      model?: string;
    });

export interface EmbeddingClient {
  /** Identifies the vector space: cache keys include it. */
  readonly model: string;
  readonly maxInputChars: number;
  embed(texts: readonly string[]): Promise<number[][]>;
}

const maxBatch = 32;
const hubOrigin = 'https://huggingface.co';
const routerOrigin = 'https://router.huggingface.co';

/** The semantic scorer's configuration from HF_TOKEN / HF_MODEL / HF_ENDPOINT_URL, or undefined when unset. */
export function semanticConfigFromEnv(env: {
  HF_TOKEN?: string | undefined;
  HF_MODEL?: string | undefined;
  HF_ENDPOINT_URL?: string | undefined;
}): SemanticScorerConfig | undefined {
  if (env.HF_ENDPOINT_URL) {
    return {
      kind: 'text-embeddings-inference',
      endpointUrl: env.HF_ENDPOINT_URL,
      ...(env.HF_TOKEN ? { accessToken: env.HF_TOKEN } : {}),
      ...(env.HF_MODEL ? { model: env.HF_MODEL } : {}),
    };
  }
  if (env.HF_TOKEN && env.HF_MODEL)
    return { kind: 'inference-provider', accessToken: env.HF_TOKEN, model: env.HF_MODEL };
  return undefined;
}

export function truncateForEmbedding(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxChars * 0.8 ? cut.slice(0, lastSpace) : cut;
}

export function createEmbeddingClient(config: SemanticScorerConfig): EmbeddingClient {
  // A self-hosted TEI server on CPU (the local model) needs seconds for a full batch, more on a busy machine.
  const timeoutMs = config.timeoutMs ?? (config.kind === 'text-embeddings-inference' ? 30_000 : 10_000);
  const maxRetries = config.maxRetries ?? 2;
  const retryBaseDelayMs = config.retryBaseDelayMs ?? 500;
  const batchSize = Math.max(1, Math.min(maxBatch, config.batchSize ?? maxBatch));
  const maxInputChars = config.maxInputChars ?? 2000;
  const model = config.kind === 'inference-provider' ? config.model : (config.model ?? config.endpointUrl);
  const where =
    config.kind === 'inference-provider' ? `model ${config.model}` : `TEI server ${config.endpointUrl}`;

  const embedBatch = async (inputs: string[]): Promise<number[][]> => {
    let last: EmbeddingUnavailableError | undefined;
    for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
      const seen: { status?: number; retryAfterMs?: number } = {};
      try {
        const output = await withTimeout(timeoutMs, (signal) =>
          featureExtraction(requestArgs(config, inputs), {
            retry_on_error: false,
            signal,
            fetch: observingFetch(config, signal, seen),
          }),
        );
        return toVectors(output, inputs.length, where);
      } catch (error) {
        last = classify(error, seen.status, attempt, where);
        const retryable = ['timeout', 'rate-limited', 'server-error', 'unreachable'].includes(last.reason);
        if (!retryable || attempt > maxRetries) break;
        const backoff = retryBaseDelayMs * 2 ** (attempt - 1);
        await sleep(
          seen.retryAfterMs !== undefined && seen.retryAfterMs < 30_000 ? seen.retryAfterMs : backoff,
        );
      }
    }
    throw last ?? new EmbeddingUnavailableError(`Embedding ${where} failed`, 'server-error', maxRetries + 1);
  };

  return {
    model,
    maxInputChars,
    async embed(texts) {
      const prepared = texts.map((t) => truncateForEmbedding(t, maxInputChars));
      const vectors: number[][] = [];
      for (let start = 0; start < prepared.length; start += batchSize) {
        vectors.push(...(await embedBatch(prepared.slice(start, start + batchSize))));
      }
      return vectors;
    },
  };
}

function requestArgs(config: SemanticScorerConfig, inputs: string[]) {
  if (config.kind === 'text-embeddings-inference') {
    const base = config.endpointUrl.replace(/\/+$/, '');
    return {
      endpointUrl: base.endsWith('/embed') ? base : `${base}/embed`,
      ...(config.accessToken ? { accessToken: config.accessToken } : {}),
      inputs,
      truncate: true,
    };
  }
  return {
    accessToken: config.accessToken,
    model: config.model,
    provider: config.inferenceProvider ?? 'hf-inference',
    inputs,
    truncate: true,
  };
}

/** Points the library's fixed Hugging Face URLs at configured ones and remembers the status and Retry-After it saw. */
function observingFetch(
  config: SemanticScorerConfig,
  signal: AbortSignal,
  seen: { status?: number; retryAfterMs?: number },
): typeof fetch {
  return async (input, init) => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (config.kind === 'inference-provider') {
      if (config.routerUrl && url.startsWith(routerOrigin))
        url = config.routerUrl.replace(/\/+$/, '') + url.slice(routerOrigin.length);
      else if (config.hubUrl && url.startsWith(hubOrigin))
        url = config.hubUrl.replace(/\/+$/, '') + url.slice(hubOrigin.length);
    }
    // The library passes our signal only to the inference call; the routing lookup needs it too.
    const response = await fetch(url, { ...init, signal });
    seen.status = response.status;
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter && /^\d+$/.test(retryAfter)) seen.retryAfterMs = Number(retryAfter) * 1000;
    return response;
  };
}

class AttemptTimedOut extends Error {
  override name = 'AttemptTimedOut';
}

async function withTimeout<T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AttemptTimedOut(`no answer within ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function classify(
  error: unknown,
  seenStatus: number | undefined,
  attempts: number,
  where: string,
): EmbeddingUnavailableError {
  const make = (reason: EmbeddingFailureReason, detail: string, status?: number) =>
    new EmbeddingUnavailableError(
      `Embedding ${where} unavailable after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${detail}`,
      reason,
      attempts,
      status,
      { cause: error },
    );
  if (error instanceof EmbeddingUnavailableError) return make(error.reason, error.message, error.status);
  if (error instanceof AttemptTimedOut || (error instanceof Error && error.name === 'AbortError')) {
    return make('timeout', error instanceof AttemptTimedOut ? error.message : 'request aborted by timeout');
  }
  if (error instanceof InferenceClientProviderApiError || error instanceof InferenceClientHubApiError) {
    const status = error.httpResponse.status || seenStatus;
    const detail = `HTTP ${status}: ${error.message}`;
    if (status === 429) return make('rate-limited', detail, status);
    if (status !== undefined && status >= 500) return make('server-error', detail, status);
    return make('rejected', detail, status);
  }
  if (error instanceof InferenceClientInputError) return make('misconfigured', error.message);
  if (error instanceof InferenceClientProviderOutputError) return make('malformed-response', error.message);
  if (error instanceof TypeError) return make('unreachable', `${error.message}${causeText(error)}`);
  return make('server-error', error instanceof Error ? error.message : String(error), seenStatus);
}

function causeText(error: Error): string {
  const cause = error.cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}

/** One vector per input. Models without pooling answer per token: those are mean-pooled here. */
function toVectors(output: unknown, expected: number, where: string): number[][] {
  if (!Array.isArray(output) || output.length !== expected) {
    throw new EmbeddingUnavailableError(
      `Embedding ${where} answered ${Array.isArray(output) ? output.length : typeof output} vectors for ${expected} inputs`,
      'malformed-response',
      1,
    );
  }
  return output.map((item: unknown) => {
    if (isVector(item)) return item;
    if (Array.isArray(item) && item.length > 0 && item.every(isVector)) return meanPool(item);
    throw new EmbeddingUnavailableError(
      `Embedding ${where} answered something that is not a vector`,
      'malformed-response',
      1,
    );
  });
}

function isVector(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

function meanPool(tokens: number[][]): number[] {
  const size = tokens[0]?.length ?? 0;
  const sum = new Array<number>(size).fill(0);
  for (const token of tokens) for (let i = 0; i < size; i++) sum[i]! += token[i] ?? 0;
  return sum.map((v) => v / tokens.length);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
