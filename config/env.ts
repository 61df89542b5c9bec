import { z } from 'zod';

// Every setting Pilothouse reads. Each variable carries a description: the README's configuration
// table is generated from this schema (`npm run config:table`) and a test keeps the two in step.
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const optionalText = z.string().trim().min(1).optional();
const optionalUrl = z.url().optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('Runtime mode.'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'])
    .default('info')
    .describe('Lowest level written to the logs.'),
  PILOTHOUSE_DATA_DIR: z
    .string()
    .default('.data')
    .describe('Where the embedded database, the Temporal SQLite file and logs live.'),

  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe(
      'PostgreSQL connection string. Unset: an embedded PostgreSQL is started with its data in PILOTHOUSE_DATA_DIR.',
    ),
  EMBEDDED_POSTGRES_PORT: port(54329).describe(
    'Port of the embedded PostgreSQL (only when DATABASE_URL is unset).',
  ),

  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, e.g. temporal.internal:7233')
    .optional()
    .describe('host:port of an external Temporal cluster. Unset: the Temporal CLI dev server is started.'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('Temporal namespace.'),
  TEMPORAL_API_KEY: optionalText.describe('API key for Temporal Cloud (implies TLS).'),
  TEMPORAL_TLS_CERT_PATH: optionalText.describe('Client certificate (PEM) for mTLS to the Temporal cluster.'),
  TEMPORAL_TLS_KEY_PATH: optionalText.describe('Client key (PEM) for mTLS to the Temporal cluster.'),
  TEMPORAL_TLS_CA_PATH: optionalText.describe(
    'CA certificate (PEM) of the Temporal cluster, when it is not a public CA.',
  ),
  TEMPORAL_CLI_PATH: optionalText.describe('Path to a `temporal` CLI binary to use for the dev server.'),
  TEMPORAL_DEV_PORT: port(7233).describe('gRPC port of the dev server started by `npm start`.'),
  TEMPORAL_UI_PORT: port(8233).describe('Web UI port of the dev server started by `npm start`.'),
  TEMPORAL_UI_URL: optionalUrl.describe(
    'Base URL of the Temporal Web UI, for links from the Ops page. Default: the dev server UI.',
  ),
  TEMPORAL_TASK_QUEUE: z
    .string()
    .min(1)
    .default('pilothouse')
    .describe('Task queue of the workflows and general activities.'),

  HOST: z.string().default('127.0.0.1').describe('Interface the web app listens on.'),
  PORT: port(3000).describe('Port of the web app.'),
  APP_URL: optionalUrl.describe(
    'Public URL of the web app (for webhook URLs shown to admins). Default: http://HOST:PORT.',
  ),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'expected a number of proxy hops (e.g. 1) or addresses/subnets such as loopback, 10.0.0.0/8',
    )
    .transform((value) => (/^\d+$/.test(value) ? Number(value) : value))
    .optional()
    .describe(
      "Proxies whose X-Forwarded-For to believe: hop count (1) or addresses/subnets (loopback, 10.0.0.0/8). Unset: the socket's address is the client's.",
    ),
  WEB_METRICS_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .describe(
      "Port of the web app's /metrics, on its own listener, never the public PORT. Unset: the web app serves no metrics.",
    ),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Secret that signs session cookies and encrypts stored Greenhouse credentials. Required in production.',
    ),

  GREENHOUSE_CLIENT_ID: optionalText.describe(
    'Harvest v3 OAuth client id. Unset (with the secret): demo mode against the sandbox.',
  ),
  GREENHOUSE_CLIENT_SECRET: optionalText.describe('Harvest v3 OAuth client secret.'),
  GREENHOUSE_USER_ID: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Greenhouse user id the connection acts as (`sub`).'),
  GREENHOUSE_TOKEN_URL: z.url().default('https://auth.greenhouse.io/token').describe('OAuth token endpoint.'),
  GREENHOUSE_API_URL: z.url().default('https://harvest.greenhouse.io/v3').describe('Harvest v3 base URL.'),
  GREENHOUSE_WEB_URL: optionalUrl.describe(
    'Where the account opens Greenhouse in a browser (links to people), e.g. https://app.eu.greenhouse.io. Default: the host paired with GREENHOUSE_API_URL.',
  ),
  GREENHOUSE_WEBHOOK_SECRET: optionalText.describe('Secret key of the webhooks configured in Greenhouse.'),
  NOTIFY_WEBHOOK_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .describe(
      'Signs the webhooks rules post ("Notify" steps, approval requests): header X-Pilothouse-Signature = sha256=HMAC-SHA256 of the body. Without it those webhooks fail and show in Ops.',
    ),
  APPROVAL_WEBHOOK_URL: optionalUrl.describe(
    'Also post each approval request and escalation here (JSON with a Slack-compatible `text`, signed with NOTIFY_WEBHOOK_SECRET).',
  ),
  GREENHOUSE_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .default(75)
    .describe('Harvest requests allowed per 30-second window for the whole account (shared by all workers).'),
  GREENHOUSE_RATE_RESERVE: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(
      'Requests of each 30-second window a worker process leaves unspent. With several workers, about their Harvest concurrency keeps Greenhouse from answering 429.',
    ),
  OUTREACH_API_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters')
    .optional()
    .describe(
      'Bearer token outreach tools send with `POST /api/outreach-events`. Unset: the endpoint refuses every request.',
    ),
  PILOTHOUSE_DEMO_SANDBOX_URL: optionalUrl.describe(
    'Set by `npm start` in demo mode: base URL of the Harvest v3 sandbox the app is connected to.',
  ),
  PILOTHOUSE_DEMO_CLIENT_ID: optionalText.describe(
    'Set by `npm start` in demo mode (with PILOTHOUSE_DEMO_SANDBOX_URL): client id of the sandbox credential the app connects with.',
  ),
  PILOTHOUSE_DEMO_CLIENT_SECRET: optionalText.describe(
    'Set by `npm start` in demo mode: the secret of that sandbox credential.',
  ),
  PILOTHOUSE_DEMO_WEBHOOK_SECRET: optionalText.describe(
    'Set by `npm start` in demo mode: the secret the sandbox signs its webhooks with (GREENHOUSE_WEBHOOK_SECRET wins).',
  ),
  JOB_SYNC_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(15)
    .describe('How often the job sync schedule lists Greenhouse jobs and starts their autopilots.'),
  WEBHOOK_PAYLOAD_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe(
      'Days a received Greenhouse webhook body (it names people) is kept; the job sync empties older ones.',
    ),
  SANDBOX_PORT: port(4010).describe('Port of the Harvest v3 sandbox started in demo mode.'),

  HF_TOKEN: optionalText.describe('Hugging Face token for the semantic scorer (inference providers).'),
  HF_MODEL: optionalText.describe('Sentence-embedding model for the semantic scorer.'),
  HF_ENDPOINT_URL: optionalUrl.describe('URL of a self-hosted text-embeddings-inference server.'),
  EMBEDDING_MODEL: z
    .enum(['local', 'off'])
    .default('local')
    .describe(
      'Unless HF_* is set: score with all-MiniLM-L6-v2 run locally on CPU (local, installed into .tools/) or the keyword scorer alone (off).',
    ),
  EMBEDDING_MODEL_PORT: port(8091).describe(
    'Loopback port of the local embedding model server `npm start` runs.',
  ),

  // Production: logs, metrics, worker tuning, shutdown, versioning (README "Production").
  LOG_FORMAT: z
    .enum(['json', 'text'])
    .optional()
    .describe(
      'Log lines as JSON objects (one per line) or plain text. Default: json in production, text otherwise.',
    ),
  WORKER_ROLE: z
    .enum(['all', 'workflows', 'activities'])
    .default('all')
    .describe(
      'What a worker process polls: workflows and activities (all), only workflow tasks, or only activity tasks (incl. the Harvest queue).',
    ),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Activities one worker runs at once (per task queue). Default: WORKER_DATABASE_POOL_SIZE, so none waits long for a database connection.',
    ),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce
    .number()
    .int()
    .min(2)
    .optional()
    .describe('Workflow tasks one worker processes at once. Default: the SDK default (40).'),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number()
    .int()
    .refine((n) => n === 0 || n >= 2, 'must be 0 (no cache) or at least 2')
    .optional()
    .describe(
      "Workflow runs kept in a worker's memory between tasks. Default: the SDK default (from available memory).",
    ),
  WORKER_DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe('PostgreSQL connections of one worker process (its activities share them).'),
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30)
    .describe(
      'On SIGTERM, how long in-flight activities may run before they are cancelled and handed back to Temporal.',
    ),
  HARVEST_ACTIVITIES_PER_SECOND: z.coerce
    .number()
    .positive()
    .optional()
    .describe(
      'Queue-wide limit of Harvest-calling activities per second (all workers together). Default: from GREENHOUSE_RATE_LIMIT less 20 %.',
    ),
  WORKFLOW_BUNDLE_PATH: optionalText.describe(
    'Pre-built workflow bundle (`npm run build`). Default in production: build/workflow-bundle.js when present.',
  ),
  WORKER_BUILD_ID: optionalText.describe(
    'Turns on Temporal worker deployment versioning with this build id (deployment `pilothouse`). Unset: unversioned.',
  ),
  WORKER_METRICS_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .describe("Port of the worker's own /metrics (Pilothouse counters) and /healthz. Unset: not served."),
  TEMPORAL_METRICS_BIND_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, e.g. 0.0.0.0:9464')
    .optional()
    .describe(
      'host:port where the worker exposes the Temporal SDK metrics for Prometheus. Unset: not exported.',
    ),
  WEB_SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15)
    .describe(
      'On SIGTERM, how long the web app lets in-flight requests finish before it closes their connections.',
    ),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; the error names each wrong variable and what it expects. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string in .env means "not set", as a newcomer would expect.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const got = shownValue(name, cleaned[name]);
      return `  ${name}: ${issue.message}${got === undefined ? '' : ` (got ${got})`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (Boolean(env.GREENHOUSE_CLIENT_ID) !== Boolean(env.GREENHOUSE_CLIENT_SECRET)) {
    throw new ConfigError(
      'Invalid configuration:\n  GREENHOUSE_CLIENT_ID and GREENHOUSE_CLIENT_SECRET must be set together (or both left unset for demo mode)',
    );
  }
  if (
    env.PILOTHOUSE_DEMO_SANDBOX_URL &&
    !(env.PILOTHOUSE_DEMO_CLIENT_ID && env.PILOTHOUSE_DEMO_CLIENT_SECRET)
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  PILOTHOUSE_DEMO_SANDBOX_URL needs PILOTHOUSE_DEMO_CLIENT_ID and PILOTHOUSE_DEMO_CLIENT_SECRET (the sandbox credential `npm start` passes)',
    );
  }
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError(
      'Invalid configuration:\n  TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together',
    );
  }
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  SESSION_SECRET: required in production (32+ random characters)',
    );
  }
  return env;
}

/**
 * What a configuration error may show of a value: nothing of a secret (its length at most), and a
 * URL without the password in it — these messages end up in terminals, CI logs and tickets.
 */
function shownValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/(SECRET|TOKEN|PASSWORD|API_KEY)$/.test(name))
    return `a value of ${value.length} characters, not shown`;
  return JSON.stringify(value.replace(/([a-z][\w+.-]*:\/\/[^:/@\s]*):\S*@/gi, '$1:***@'));
}

/** True when no Greenhouse credentials are configured: the product runs against its own sandbox. */
export function isDemoMode(env: Env): boolean {
  return !env.GREENHOUSE_CLIENT_ID;
}
