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
