// `npm run sandbox`: the Harvest v3 sandbox as a standalone server (demo mode of `npm start`
// runs this too). Settings come from the environment so `npm start` can pass them through.
import { join } from 'node:path';
import { demoWebhookSecret, startSandbox } from './index';

const env = process.env;
const integer = (name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer (got ${JSON.stringify(raw)})`);
  return value;
};

const stateFile =
  env.SANDBOX_STATE_FILE === 'memory'
    ? undefined
    : (env.SANDBOX_STATE_FILE ?? join(env.PILOTHOUSE_DATA_DIR ?? '.data', 'sandbox', 'state.json'));
const webhookUrl = env.SANDBOX_WEBHOOK_URL;

const sandbox = await startSandbox({
  port: integer('SANDBOX_PORT', 4010),
  host: env.SANDBOX_HOST ?? '127.0.0.1',
  seed: integer('SANDBOX_SEED', 1),
  candidates: integer('SANDBOX_CANDIDATES', 300),
  rateLimit: integer('SANDBOX_RATE_LIMIT', integer('GREENHOUSE_RATE_LIMIT', 75)),
  stateFile,
  webhookTargets: webhookUrl
    ? [{ url: webhookUrl, secretKey: env.GREENHOUSE_WEBHOOK_SECRET ?? demoWebhookSecret }]
    : [],
});

const { clientId, clientSecret } = sandbox.demoCredentials;
process.stdout.write(
  [
    `Harvest v3 sandbox listening at ${sandbox.url}`,
    `  token URL     ${sandbox.tokenUrl}`,
    `  Harvest API   ${sandbox.baseUrl}`,
    `  control API   ${sandbox.controlUrl} (try GET ${sandbox.controlUrl}/state)`,
    `  credentials   client id "${clientId}", secret "${clientSecret}"`,
    `  state         ${stateFile ?? 'in memory only'}`,
    `  webhooks      ${webhookUrl ? `${webhookUrl} (secret from GREENHOUSE_WEBHOOK_SECRET or the demo secret)` : 'none (set SANDBOX_WEBHOOK_URL)'}`,
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
