import type { Env } from '../../config/env';
import { greenhouseWebUrlFor } from '../../greenhouse/web-address';
import type { Db } from '../database';
import { openSecret, resolveSessionSecret, sealSecret } from './secret-box';

/** Everything a Harvest client and the webhook endpoint need to talk to this installation's Greenhouse. */
export interface GreenhouseConnection {
  clientId: string;
  clientSecret: string;
  /** The Greenhouse user the connection acts as (`sub`), or null for the integration user. */
  userId: number | null;
  tokenUrl: string;
  apiUrl: string;
  /** Where the account opens in a browser (app.greenhouse.io, app.eu.greenhouse.io, …): links to people. */
  webUrl: string;
  webhookSecret: string | null;
  /** Connected to the local Harvest sandbox that `npm start` runs in demo mode. */
  demo: boolean;
  /** Where it came from: an admin's saved connection, the environment, or the demo sandbox. */
  origin: 'database' | 'environment' | 'demo';
}

/**
 * The connection to use: the one an admin saved (DB row) first, then GREENHOUSE_* variables, then —
 * in demo mode — the sandbox credential the starter passed (PILOTHOUSE_DEMO_*). Null when none is configured.
 */
export async function loadGreenhouseConnection(db: Db, env: Env): Promise<GreenhouseConnection | null> {
  const demo = Boolean(env.PILOTHOUSE_DEMO_SANDBOX_URL);
  const row = await db.selectFrom('greenhouse_connection').selectAll().where('id', '=', 1).executeTakeFirst();
  if (row) {
    const secret = resolveSessionSecret(env);
    return {
      clientId: row.client_id,
      clientSecret: openSecret(row.client_secret_encrypted, secret),
      userId: row.acting_user_id,
      tokenUrl: row.token_url,
      apiUrl: row.api_url,
      webUrl: row.web_url ?? defaultWebUrl(env, row.api_url),
      webhookSecret: openSecret(row.webhook_secret_encrypted, secret),
      demo: demo && row.api_url === env.GREENHOUSE_API_URL,
      origin: 'database',
    };
  }
  if (env.GREENHOUSE_CLIENT_ID && env.GREENHOUSE_CLIENT_SECRET) {
    return {
      clientId: env.GREENHOUSE_CLIENT_ID,
      clientSecret: env.GREENHOUSE_CLIENT_SECRET,
      userId: env.GREENHOUSE_USER_ID ?? null,
      tokenUrl: env.GREENHOUSE_TOKEN_URL,
      apiUrl: env.GREENHOUSE_API_URL,
      webUrl: env.GREENHOUSE_WEB_URL ?? greenhouseWebUrlFor(env.GREENHOUSE_API_URL),
      webhookSecret: env.GREENHOUSE_WEBHOOK_SECRET ?? null,
      demo: false,
      origin: 'environment',
    };
  }
  // The sandbox's credential comes from the starter's configuration, never from sandbox/ code:
  // production images hold no sandbox.
  if (demo && env.PILOTHOUSE_DEMO_CLIENT_ID && env.PILOTHOUSE_DEMO_CLIENT_SECRET) {
    return {
      clientId: env.PILOTHOUSE_DEMO_CLIENT_ID,
      clientSecret: env.PILOTHOUSE_DEMO_CLIENT_SECRET,
      userId: env.GREENHOUSE_USER_ID ?? null,
      tokenUrl: env.GREENHOUSE_TOKEN_URL,
      apiUrl: env.GREENHOUSE_API_URL,
      webUrl: defaultWebUrl(env, env.GREENHOUSE_API_URL),
      webhookSecret: env.GREENHOUSE_WEBHOOK_SECRET ?? env.PILOTHOUSE_DEMO_WEBHOOK_SECRET ?? null,
      demo: true,
      origin: 'demo',
    };
  }
  return null;
}

/**
 * The web address a connection without one saved gets: the sandbox's stand-in pages when it is the demo
 * sandbox's Harvest, else GREENHOUSE_WEB_URL, else the host paired with the Harvest URL.
 */
function defaultWebUrl(env: Env, apiUrl: string): string {
  const sandbox = env.PILOTHOUSE_DEMO_SANDBOX_URL;
  if (sandbox && apiUrl === env.GREENHOUSE_API_URL) return sandbox.replace(/\/+$/, '');
  return env.GREENHOUSE_WEB_URL ?? greenhouseWebUrlFor(apiUrl);
}

/** Only the web address, for pages that link to Greenhouse (no secret is opened to build a link). */
export async function greenhouseWebUrl(db: Db, env: Env): Promise<string | null> {
  const row = await db
    .selectFrom('greenhouse_connection')
    .select(['api_url', 'web_url'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (row) return row.web_url ?? defaultWebUrl(env, row.api_url);
  if (env.GREENHOUSE_CLIENT_ID && env.GREENHOUSE_CLIENT_SECRET)
    return env.GREENHOUSE_WEB_URL ?? greenhouseWebUrlFor(env.GREENHOUSE_API_URL);
  if (env.PILOTHOUSE_DEMO_SANDBOX_URL) return defaultWebUrl(env, env.GREENHOUSE_API_URL);
  return null;
}

/**
 * Deletes the saved connection: its client secret, webhook secret and last scope check. What is left is
 * the connection in the server's settings (GREENHOUSE_*, or the demo sandbox), if there is one. Returns
 * whether there was a saved connection to delete.
 */
export async function removeGreenhouseConnection(db: Db): Promise<boolean> {
  const deleted = await db.deleteFrom('greenhouse_connection').where('id', '=', 1).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export interface SaveGreenhouseConnection {
  clientId: string;
  /** Undefined keeps the stored secret (the form never shows it back). */
  clientSecret?: string;
  userId: number | null;
  tokenUrl: string;
  apiUrl: string;
  /** Null: the address that goes with apiUrl. */
  webUrl: string | null;
  webhookSecret: string;
  updatedBy: string;
}

export async function saveGreenhouseConnection(
  db: Db,
  env: Env,
  input: SaveGreenhouseConnection,
): Promise<void> {
  const secret = resolveSessionSecret(env);
  const existing = await db
    .selectFrom('greenhouse_connection')
    .select('client_secret_encrypted')
    .where('id', '=', 1)
    .executeTakeFirst();
  const clientSecret = input.clientSecret
    ? sealSecret(input.clientSecret, secret)
    : existing?.client_secret_encrypted;
  if (!clientSecret) throw new Error('clientSecret: required for a new connection');
  const values = {
    client_id: input.clientId,
    client_secret_encrypted: clientSecret,
    acting_user_id: input.userId,
    token_url: input.tokenUrl,
    api_url: input.apiUrl,
    web_url: input.webUrl,
    webhook_secret_encrypted: sealSecret(input.webhookSecret, secret),
    granted_scopes: null,
    missing_scopes: null,
    checked_at: null,
    check_error: null,
    updated_by: input.updatedBy,
    updated_at: new Date(),
  };
  await db
    .insertInto('greenhouse_connection')
    .values({ id: 1, ...values } as never)
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export interface ScopeCheckRecord {
  granted: string[];
  missing: string[];
  error: string | null;
}

/** Remembers the last "test connection" so validation and the page can use it without re-probing. */
export async function recordScopeCheck(db: Db, check: ScopeCheckRecord): Promise<void> {
  await db
    .updateTable('greenhouse_connection')
    .set({
      granted_scopes: JSON.stringify(check.granted),
      missing_scopes: JSON.stringify(check.missing),
      check_error: check.error,
      checked_at: new Date(),
    })
    .where('id', '=', 1)
    .execute();
}

export async function lastScopeCheck(db: Db) {
  return db
    .selectFrom('greenhouse_connection')
    .select(['granted_scopes', 'missing_scopes', 'checked_at', 'check_error', 'updated_by', 'updated_at'])
    .where('id', '=', 1)
    .executeTakeFirst();
}
