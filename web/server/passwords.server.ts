import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's current scrypt cost (N=2^17, r=8, p=1): 128·N·r = 128 MiB of memory per hash. Node refuses
// anything over its default maxmem of 32 MiB, so maxmem is raised to fit with room to spare.
export const PASSWORD_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N: n, r: rr, p: pp, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = PASSWORD_COST;
  const key = await derive(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(rr), Number(pp));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when a stored hash was made at a lower cost than today's: it is replaced at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, rr, pp] = stored.split('$');
  return (
    scheme !== 'scrypt' ||
    Number(n) < PASSWORD_COST.N ||
    Number(rr) < PASSWORD_COST.r ||
    Number(pp) < PASSWORD_COST.p
  );
}

/** Spent on unknown emails too (at today's cost), so response time does not reveal which accounts exist. */
export const DUMMY_PASSWORD_HASH = `scrypt$${PASSWORD_COST.N}$${PASSWORD_COST.r}$${PASSWORD_COST.p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(86)}`;
