import { HarvestClient, HarvestRateLimiter, type HarvestClientConfig } from '../../../../greenhouse';
import { startSandbox, type SandboxHandle, type StartSandboxOptions } from '../../../../sandbox';

export interface RecordedRequest {
  method: string;
  url: URL;
  status: number | 'failed';
}

export interface TestSandbox {
  sandbox: SandboxHandle;
  /** Every request clients built by `client()` sent, in order. */
  requests: RecordedRequest[];
  /** A client on the demo credential with its own rate limiter (tests must not share budget). */
  client(config?: Partial<HarvestClientConfig>): HarvestClient;
  /** Calls the sandbox's control API and returns its JSON answer (throws on non-2xx). */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** A raw Harvest call with a fresh demo token, for asserting on what Greenhouse itself answers. */
  harvest(path: string, init?: { method?: string; body?: unknown; token?: string }): Promise<Response>;
  token(options?: { sub?: number; clientId?: string; clientSecret?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the sandbox in-process on a free port with quiet defaults for tests. */
export async function startTestSandbox(options: StartSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    webhookRetry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
  const requests: RecordedRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    try {
      const response = await fetch(input, init);
      requests.push({ method, url, status: response.status });
      return response;
    } catch (error) {
      requests.push({ method, url, status: 'failed' });
      throw error;
    }
  };
  const { clientId, clientSecret } = sandbox.demoCredentials;

  const token: TestSandbox['token'] = async (who = {}) => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (who.sub !== undefined) form.set('sub', String(who.sub));
    const basic = Buffer.from(`${who.clientId ?? clientId}:${who.clientSecret ?? clientSecret}`).toString(
      'base64',
    );
    const response = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };

  return {
    sandbox,
    requests,
    client: (config = {}) =>
      new HarvestClient({
        clientId,
        clientSecret,
        tokenUrl: sandbox.tokenUrl,
        baseUrl: sandbox.baseUrl,
        fetch: recordingFetch,
        rateLimiter: new HarvestRateLimiter({ requestsPerWindow: 75, windowMs: 30_000 }),
        ...config,
      }),
    control: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${sandbox.controlUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`control ${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    harvest: async (path, init = {}) =>
      fetch(`${sandbox.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${init.token ?? (await token())}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    token,
    close: () => sandbox.close(),
  };
}

/** Ids of the demo tenant's people, looked up by role rather than hard-coded. */
export function demoPeople(sandbox: SandboxHandle) {
  const { state } = sandbox.runtime;
  const siteAdmin = state.users.find((user) => user.site_admin);
  const jobAdmins = state.users.filter(
    (user) =>
      !user.site_admin && !user.deactivated && state.user_job_permissions.some((p) => p.user_id === user.id),
  );
  if (!siteAdmin || jobAdmins.length < 2)
    throw new Error('the demo tenant lacks its site admin or job admins');
  return { siteAdmin, jobAdmins, serviceAccountIds: state.service_account_user_ids };
}
