import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Env } from '../../config/env';

const generatedSecrets = new Map<string, string>();

/**
 * SESSION_SECRET, or in development a random one generated once and kept in PILOTHOUSE_DATA_DIR so
 * sessions and stored credentials survive a restart. Production refuses to start without one (config/env.ts).
 */
export function resolveSessionSecret(
  env: Pick<Env, 'SESSION_SECRET' | 'PILOTHOUSE_DATA_DIR' | 'NODE_ENV'>,
): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === 'production') throw new Error('SESSION_SECRET: required in production');
  const file = resolve(join(env.PILOTHOUSE_DATA_DIR, 'session-secret'));
  const known = generatedSecrets.get(file);
  if (known) return known;
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, 'utf8').trim();
  } else {
    mkdirSync(dirname(file), { recursive: true });
    secret = randomBytes(48).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  generatedSecrets.set(file, secret);
  return secret;
}

/** A key for one purpose, so the cookie-signing secret is never used directly as an encryption key. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'pilothouse', purpose, 32));
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). Tampering or a changed secret fails to open. */
export function sealSecret(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, 'greenhouse-credentials'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function openSecret(sealed: string, secret: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('stored secret: unknown format');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveKey(secret, 'greenhouse-credentials'),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error(
      'stored Greenhouse secret cannot be decrypted: SESSION_SECRET changed since it was saved — enter the credentials again on Connect Greenhouse',
    );
  }
}
