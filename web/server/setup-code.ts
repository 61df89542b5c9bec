import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Env } from '../../config/env';
import { resolveSessionSecret } from '../../db/queries/secret-box';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/**
 * Whoever reaches `/setup` first on a fresh installation becomes its administrator. On loopback that
 * can only be someone on this machine; on any other interface it could be anyone who finds the
 * address first, so the form also asks for a code that only the server's log shows.
 */
export function setupCodeRequired(env: Pick<Env, 'HOST'>): boolean {
  return !LOOPBACK.has(env.HOST.trim().toLowerCase());
}

/**
 * The one-time setup code: derived from SESSION_SECRET, so every replica prints and accepts the same
 * code without storing it, and it is useless once the first administrator exists (setup closes).
 */
export function firstAdminSetupCode(env: Pick<Env, 'SESSION_SECRET' | 'PILOTHOUSE_DATA_DIR' | 'NODE_ENV'>) {
  const digest = createHmac('sha256', resolveSessionSecret(env))
    .update('pilothouse first-admin setup')
    .digest();
  const code = digest.subarray(0, 15).toString('base64url').toUpperCase().replace(/[-_]/g, 'X');
  return code.match(/.{1,5}/g)!.join('-');
}

/** Compares what was typed (any case, with or without dashes and spaces) with the code, in constant time. */
export function setupCodeMatches(typed: string, code: string): boolean {
  const clean = (value: string) => Buffer.from(value.replace(/[\s-]/g, '').toUpperCase());
  const given = clean(typed);
  const wanted = clean(code);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
