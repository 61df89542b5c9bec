import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoCredential, demoCredentials } from './auth/credentials';
import { handleTokenRequest } from './auth/token-endpoint';
import { TokenStore } from './auth/tokens';
import { controlRoutes } from './control/control-routes';
import { FaultInjector } from './faults';
import { rebaseAttachmentUrls, serveAttachment } from './files';
import { servePage } from './pages';
import { handleHarvestRequest } from './harvest/harvest-surface';
import { HttpError, harvestError, parseJson, readRawBody, writeReply, type Reply } from './http/reply';
import { createRouter } from './http/router';
import { FixedRateWindow } from './rate-window';
import type { MoveStageIdSpace, SandboxRuntime } from './runtime';
import { generateDemoTenant } from './seed/demo-tenant';
import { loadSnapshot, saveSnapshot } from './state/persistence';
import type { SandboxCredential, WebhookTarget } from './state/types';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface SandboxWebhookTargetOption {
  url: string;
  secretKey: string;
  /** Event names (e.g. `candidate_stage_change`); empty or omitted = every event. */
  events?: string[];
  /** 1–7, Greenhouse's default is 6. */
  maxAttempts?: number;
}

export interface StartSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the control API has no authentication. */
  host?: string;
  /** Seed of the demo tenant (default 1). */
  seed?: number;
  /** Existing candidates in the demo tenant (default 300). */
  candidates?: number;
  /** Generated history ends here (default: start of the current UTC day). */
  anchor?: Date;
  /** Harvest budget: requests per window (default 75) and window length (default 30 s). */
  rateLimit?: number | { limit?: number; windowSeconds?: number };
  /** The token endpoint's own window (default 30 per 60 s). */
  tokenRateLimit?: { limit?: number; windowSeconds?: number };
  /** Access token lifetime (default 3600 s); shorten it to rehearse expiry mid-run. */
  tokenTtlSeconds?: number;
  /** Whether a new token revokes the previous one for the same (client, sub). Default false. */
  revokePreviousTokens?: boolean;
  /** Id space `from_stage_id` must use on move (default `job_interview_stage`). */
  moveFromStageIdSpace?: MoveStageIdSpace;
  /** Extra credentials besides the demo one; `scopes` defaults to everything Pilothouse needs. */
  credentials?: { clientId: string; clientSecret: string; scopes?: string[] }[];
  webhookTargets?: SandboxWebhookTargetOption[];
  /** Webhook retry timing; shrink it in tests (defaults: 5 s doubling, capped at 5 min). */
  webhookRetry?: { baseDelayMs?: number; maxDelayMs?: number; timeoutMs?: number };
  /** Persist the tenant here (JSON) so a demo survives a restart. Default: memory only. */
  stateFile?: string;
  /** Where the sandbox reports its own problems (default: stderr). */
  log?: (line: string) => void;
}

export interface SandboxHandle {
  /** `http://host:port` */
  url: string;
  tokenUrl: string;
  /** Harvest base URL (`.../v3`), what the client's `baseUrl` takes. */
  baseUrl: string;
  /** Root of the control API (`.../_sandbox`). */
  controlUrl: string;
  demoCredentials: { clientId: string; clientSecret: string };
  /** In-process access for tests and the demo starter. */
  runtime: SandboxRuntime;
  close(): Promise<void>;
}

const controlRouter = createRouter(controlRoutes);

/** Starts a Harvest v3 sandbox on node:http. Resolves once it listens. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 1;
  const log = options.log ?? ((line: string) => process.stderr.write(`[sandbox] ${line}\n`));
  const rateLimit =
    typeof options.rateLimit === 'number' ? { limit: options.rateLimit } : (options.rateLimit ?? {});
  const snapshot = options.stateFile ? await loadSnapshot(options.stateFile) : undefined;

  const configuredCredentials: SandboxCredential[] = [
    demoCredential(),
    ...(options.credentials ?? []).map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scopes: c.scopes ?? demoCredential().scopes,
    })),
  ];
  const configuredTargets: WebhookTarget[] = (options.webhookTargets ?? []).map((target, index) => ({
    id: index + 1,
    url: target.url,
    secret_key: target.secretKey,
    events: target.events ?? [],
    max_attempts: target.maxAttempts ?? 6,
  }));
  const faults = new FaultInjector(seed);
  let saveTimer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();

  const rt: SandboxRuntime = {
    state:
      snapshot?.tenant ??
      generateDemoTenant({ seed, candidates: options.candidates, anchor: options.anchor }),
    credentials: mergeBy(snapshot?.credentials ?? [], configuredCredentials, (c) => c.client_id),
    webhookTargets: mergeBy(snapshot?.webhook_targets ?? [], configuredTargets, (t) => t.url).map(
      (target, index) => ({
        ...target,
        id: index + 1,
      }),
    ),
    tokens: new TokenStore(options.tokenTtlSeconds ?? 3600, options.revokePreviousTokens ?? false),
    harvestWindow: new FixedRateWindow(rateLimit.limit ?? 75, (rateLimit.windowSeconds ?? 30) * 1000),
    harvestRequests: [],
    tokenWindow: new FixedRateWindow(
      options.tokenRateLimit?.limit ?? 30,
      (options.tokenRateLimit?.windowSeconds ?? 60) * 1000,
    ),
    faults,
    webhooks: new WebhookDispatcher(() => rt.webhookTargets, faults, {
      baseDelayMs: options.webhookRetry?.baseDelayMs ?? 5_000,
      maxDelayMs: options.webhookRetry?.maxDelayMs ?? 300_000,
      timeoutMs: options.webhookRetry?.timeoutMs ?? 10_000,
    }),
    moveFromStageIdSpace: options.moveFromStageIdSpace ?? 'job_interview_stage',
    origin: '',
    markChanged: () => {
      if (!options.stateFile || saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = undefined;
        saving = saving.then(save).catch((error: unknown) => log(`could not save state: ${String(error)}`));
      }, 250);
    },
    reseed: ({ seed: newSeed, candidates }) => {
      rt.state = generateDemoTenant({
        seed: newSeed ?? rt.state.seed,
        candidates: candidates ?? options.candidates,
        anchor: options.anchor,
      });
      rebaseAttachmentUrls(rt.state, rt.origin);
      rt.markChanged();
    },
  };
  const save = () =>
    saveSnapshot(options.stateFile as string, {
      version: 1,
      tenant: rt.state,
      webhook_targets: rt.webhookTargets,
      credentials: rt.credentials,
    });

  const server = createServer((request, response) => {
    void handle(rt, request, response, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  rt.origin = url;
  rebaseAttachmentUrls(rt.state, url);
  if (options.stateFile && !snapshot) rt.markChanged();

  return {
    url,
    tokenUrl: `${url}/token`,
    baseUrl: `${url}/v3`,
    controlUrl: `${url}/_sandbox`,
    demoCredentials: { ...demoCredentials },
    runtime: rt,
    close: async () => {
      rt.webhooks.close();
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        saving = saving.then(save);
      }
      await saving;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(
  rt: SandboxRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  log: (line: string) => void,
) {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', rt.origin);
  try {
    const reply = await route(rt, method, url, request);
    if (
      url.pathname.startsWith('/v3/') &&
      reply.status < 300 &&
      rt.faults.takeLostAnswer(method, url.pathname)
    ) {
      // Done, but the caller never hears so (an injected fault).
      request.socket.destroy();
      return;
    }
    writeReply(response, reply);
  } catch (error) {
    if (error instanceof HttpError) {
      writeReply(response, { status: error.status, body: error.body, headers: error.headers });
      return;
    }
    log(
      `${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (!response.headersSent)
      writeReply(response, { status: 500, body: { errors: ['Internal sandbox error'] } });
  }
}

async function route(rt: SandboxRuntime, method: string, url: URL, request: IncomingMessage): Promise<Reply> {
  const path = url.pathname;
  if (path === '/token') {
    if (method !== 'POST') throw harvestError(405, 'Use POST');
    return handleTokenRequest(rt, request.headers.authorization, await readRawBody(request));
  }
  if (path.startsWith('/v3/')) {
    return handleHarvestRequest(rt, method, url, request.headers.authorization, async () =>
      parseJson(await readRawBody(request)),
    );
  }
  if (path.startsWith('/_sandbox/')) {
    const lookup = controlRouter(method, path);
    if (!lookup.found)
      throw harvestError(lookup.allowedMethods.length > 0 ? 405 : 404, `No control route ${method} ${path}`);
    const body = method === 'GET' ? undefined : parseJson(await readRawBody(request));
    return lookup.match.route.handle(rt, { params: lookup.match.params, query: url.searchParams, body });
  }
  if (path.startsWith('/files/attachments/') && method === 'GET') return serveAttachment(rt, url);
  const page = method === 'GET' ? servePage(rt, url) : undefined;
  if (page) return page;
  throw harvestError(404, `Nothing at ${path}: Harvest lives under /v3, the control API under /_sandbox`);
}

/** Configured entries win over persisted ones with the same key. */
function mergeBy<T>(persisted: T[], configured: T[], key: (item: T) => string): T[] {
  const keys = new Set(configured.map(key));
  return [...persisted.filter((item) => !keys.has(key(item))), ...configured];
}
