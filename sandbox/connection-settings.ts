import { demoWebhookSecret } from './auth/credentials';
import type { SandboxHandle } from './start-sandbox';

/**
 * The environment that points a Pilothouse process (worker, web app) at this sandbox with its demo
 * credential — what tests and benchmarks pass to the processes they start.
 */
export function sandboxConnectionSettings(
  sandbox: Pick<SandboxHandle, 'demoCredentials' | 'tokenUrl' | 'baseUrl'>,
) {
  return {
    GREENHOUSE_CLIENT_ID: sandbox.demoCredentials.clientId,
    GREENHOUSE_CLIENT_SECRET: sandbox.demoCredentials.clientSecret,
    GREENHOUSE_TOKEN_URL: sandbox.tokenUrl,
    GREENHOUSE_API_URL: sandbox.baseUrl,
  };
}

/**
 * The environment `npm start` gives the worker and web app in demo mode: connected to this sandbox with
 * its demo credential as the "demo" connection (what the browser tests run the product with).
 */
export function sandboxDemoSettings(
  sandbox: Pick<SandboxHandle, 'demoCredentials' | 'tokenUrl' | 'baseUrl' | 'url'>,
) {
  return {
    PILOTHOUSE_DEMO_SANDBOX_URL: sandbox.url,
    PILOTHOUSE_DEMO_CLIENT_ID: sandbox.demoCredentials.clientId,
    PILOTHOUSE_DEMO_CLIENT_SECRET: sandbox.demoCredentials.clientSecret,
    PILOTHOUSE_DEMO_WEBHOOK_SECRET: demoWebhookSecret,
    GREENHOUSE_TOKEN_URL: sandbox.tokenUrl,
    GREENHOUSE_API_URL: sandbox.baseUrl,
  };
}
