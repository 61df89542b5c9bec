import { randomBytes } from 'node:crypto';
import {
  checkScopes,
  optionalGreenhouseScopes,
  requiredGreenhouseScopes,
  type GreenhouseScope,
} from '../../greenhouse';
import { jobSyncSummary } from '../../db/queries/jobs';
import {
  lastScopeCheck,
  loadGreenhouseConnection,
  recordScopeCheck,
  saveGreenhouseConnection,
} from '../../db/queries/greenhouse-connection';
import { clientFor, forgetGreenhouseCache } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

export function newWebhookSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function webhookUrl(context: PilothouseContext, request: Request): string {
  const base = context.env.APP_URL ?? new URL(request.url).origin;
  return `${base.replace(/\/$/, '')}/webhooks/greenhouse`;
}

export interface ScopeReport {
  checkedAt: string | null;
  error: string | null;
  /** `optional`: without it one step is skipped (and says so), the rest works. */
  scopes: { scope: string; why: string; optional: boolean; state: 'granted' | 'missing' | 'unknown' }[];
}

/** What the connection page shows; the client secret never leaves the server. */
export async function connectionOverview(context: PilothouseContext) {
  const [connection, check, sync] = await Promise.all([
    loadGreenhouseConnection(context.db, context.env).catch((error: Error) => error),
    lastScopeCheck(context.db),
    jobSyncSummary(context.db),
  ]);
  const granted = new Set(check?.granted_scopes ?? []);
  const missing = new Set(check?.missing_scopes ?? []);
  const scopes: ScopeReport = {
    checkedAt: check?.checked_at ? new Date(check.checked_at).toISOString() : null,
    error: check?.check_error ?? null,
    scopes: Object.entries(requiredGreenhouseScopes).map(([scope, why]) => ({
      scope,
      why,
      optional: optionalGreenhouseScopes.includes(scope as GreenhouseScope),
      state: granted.has(scope) ? 'granted' : missing.has(scope) ? 'missing' : 'unknown',
    })),
  };
  return {
    connection:
      connection instanceof Error
        ? { error: connection.message }
        : connection && {
            clientId: connection.clientId,
            hasSecret: connection.clientSecret.length > 0,
            userId: connection.userId,
            tokenUrl: connection.tokenUrl,
            apiUrl: connection.apiUrl,
            webUrl: connection.webUrl,
            webhookSecret: connection.webhookSecret,
            demo: connection.demo,
            origin: connection.origin,
          },
    scopes: check ? scopes : { ...scopes, checkedAt: null },
    sync: {
      jobs: sync.jobs,
      autopilots: sync.autopilots,
      lastSyncedAt: sync.lastSyncedAt ? new Date(sync.lastSyncedAt).toISOString() : null,
    },
  };
}

/** Probes every required scope with the saved connection and remembers the answer. */
export async function testConnection(
  context: PilothouseContext,
): Promise<{ granted: string[]; missing: string[]; error: string | null }> {
  const connection = await loadGreenhouseConnection(context.db, context.env);
  if (!connection) return { granted: [], missing: [], error: 'Save a client id and secret first.' };
  let result: { granted: string[]; missing: string[]; error: string | null };
  try {
    const check = await checkScopes(clientFor(context, connection));
    const unknown = check.unknown.map((u) => `${u.scope}: ${u.reason}`);
    result = {
      granted: check.granted,
      missing: check.missing,
      error:
        unknown.length > 0 ? `Some scopes could not be checked (${unknown.slice(0, 3).join('; ')})` : null,
    };
  } catch (error) {
    result = { granted: [], missing: [], error: error instanceof Error ? error.message : String(error) };
  }
  forgetGreenhouseCache();
  if (connection.origin === 'database') await recordScopeCheck(context.db, result);
  else demoScopeCheck = { ...result, checkedAt: new Date().toISOString() };
  return result;
}

/** The demo and environment connections have no row to remember a check in: kept for this process. */
let demoScopeCheck: { granted: string[]; missing: string[]; error: string | null; checkedAt: string } | null =
  null;

export function unsavedScopeCheck() {
  return demoScopeCheck;
}

/** The scopes validation may rely on: the last check, or — never checked — all, so drafts are not flooded. */
export async function grantedScopesForValidation(context: PilothouseContext): Promise<string[]> {
  const check = await lastScopeCheck(context.db);
  if (check?.granted_scopes) return check.granted_scopes;
  if (demoScopeCheck && demoScopeCheck.error === null) return demoScopeCheck.granted;
  return Object.keys(requiredGreenhouseScopes) as GreenhouseScope[];
}

export async function connectDemoSandbox(context: PilothouseContext, updatedBy: string): Promise<void> {
  const { PILOTHOUSE_DEMO_CLIENT_ID: clientId, PILOTHOUSE_DEMO_CLIENT_SECRET: clientSecret } = context.env;
  if (!clientId || !clientSecret) throw new Error('There is no demo sandbox in this installation.');
  await saveGreenhouseConnection(context.db, context.env, {
    clientId,
    clientSecret,
    userId: null,
    tokenUrl: context.env.GREENHOUSE_TOKEN_URL,
    apiUrl: context.env.GREENHOUSE_API_URL,
    // The sandbox's own stand-in pages (see db/queries/greenhouse-connection.ts).
    webUrl: null,
    webhookSecret:
      (await loadGreenhouseConnection(context.db, context.env))?.webhookSecret ?? newWebhookSecret(),
    updatedBy,
  });
}

/** What the admin is told once the saved connection is gone: whether anything still reaches Greenhouse. */
export async function afterRemoval(context: PilothouseContext): Promise<string> {
  const left = await loadGreenhouseConnection(context.db, context.env).catch(() => null);
  if (!left)
    return 'The Greenhouse connection is removed and its client secret and webhook secret are deleted. Autopilots cannot reach Greenhouse until an admin connects it again.';
  if (left.origin === 'environment')
    return 'The saved connection is removed and its secrets are deleted. Pilothouse now uses the credential in the server’s settings (GREENHOUSE_CLIENT_ID).';
  return 'The saved connection is removed and its secrets are deleted. This installation still reaches its demo sandbox, from its start-up settings.';
}
