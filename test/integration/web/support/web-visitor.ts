import { inject } from 'vitest';
import { parseEnv, type Env } from '../../../../config/env';
import { runWeb } from '../../../../web/server/run-web';
import { freePort } from '../../../support/free-port';

export const SESSION_SECRET = 'web-integration-session-secret-0123456789';

/** The web app on the run's PostgreSQL and Temporal, as `npm run web` starts it. */
export async function startWebApp(settings: Record<string, string> = {}) {
  const env: Env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: inject('temporalNamespace'),
    PORT: String(await freePort()),
    SESSION_SECRET,
    ...settings,
  });
  return { env, ...(await runWeb(env)) };
}

export type WebApp = Awaited<ReturnType<typeof startWebApp>>;

// React separates text pieces with empty comments in server-rendered HTML.
const readable = (html: string) => html.replaceAll('<!-- -->', '');

/**
 * Someone using the app with plain HTTP, the way a browser without JavaScript would: keeps the
 * cookies it is given, reads the CSRF token from the page's forms and posts forms back.
 */
export class Visitor {
  private readonly cookies = new Map<string, string>();

  /** `headers` ride on every request, e.g. the X-Forwarded-For a proxy in front would add. */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<{ status: number; html: string; location: string | null }> {
    const response = await this.request(path, { method: 'GET' });
    return {
      status: response.status,
      html: readable(await response.text()),
      location: response.headers.get('location'),
    };
  }

  /** The hidden CSRF field of the forms on `path` (sets the CSRF cookie on first visit). */
  async csrfTokenFrom(path: string): Promise<string> {
    const { html } = await this.get(path);
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`${path} has no form with a CSRF token`);
    return token;
  }

  /** Posts a form as the page would (the token read from `path` first); `csrf: null` leaves it out. */
  async submit(
    path: string,
    fields: Record<string, string>,
    { csrf }: { csrf?: string | null } = {},
  ): Promise<{ status: number; html: string; location: string | null }> {
    const token = csrf === undefined ? await this.csrfTokenFrom(path) : csrf;
    const body = new URLSearchParams(token === null ? fields : { csrf: token, ...fields });
    const response = await this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return {
      status: response.status,
      html: readable(await response.text()),
      location: response.headers.get('location'),
    };
  }

  /** Posts a multipart form (a file upload) as the page would; `form` carries its own csrf field. */
  async post(
    path: string,
    form: FormData,
  ): Promise<{ status: number; html: string; location: string | null }> {
    const response = await this.request(path, { method: 'POST', body: form });
    return {
      status: response.status,
      html: readable(await response.text()),
      location: response.headers.get('location'),
    };
  }

  async signIn(email: string, password: string, extra: Record<string, string> = {}) {
    return this.submit('/login', { email, password, ...extra });
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...this.headers,
        ...(init.headers as Record<string, string>),
        ...(cookie ? { cookie } : {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
