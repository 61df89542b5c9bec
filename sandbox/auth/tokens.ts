import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface TokenGrant {
  clientId: string;
  /** Greenhouse user the token acts as; undefined = the integration user (organisation-wide). */
  sub: number | undefined;
  scopes: string[];
  expiresAtMs: number;
}

/**
 * Issued access tokens. They look like Greenhouse's (a JWT) but are only valid while this store
 * knows them, which lets tests expire or revoke them at will. Whether a new token revokes the
 * previous one is unverified at Greenhouse; `revokePrevious` models the stricter answer.
 */
export class TokenStore {
  private readonly grants = new Map<string, TokenGrant>();
  private readonly signingKey = randomBytes(32);

  constructor(
    public ttlSeconds: number,
    public revokePrevious: boolean,
  ) {}

  issue(
    clientId: string,
    sub: number | undefined,
    scopes: string[],
    now = Date.now(),
  ): { token: string; grant: TokenGrant } {
    if (this.revokePrevious) {
      for (const [token, grant] of this.grants) {
        if (grant.clientId === clientId && grant.sub === sub) this.grants.delete(token);
      }
    }
    const grant: TokenGrant = { clientId, sub, scopes, expiresAtMs: now + this.ttlSeconds * 1000 };
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const claims = base64url(
      JSON.stringify({
        iss: 'greenhouse-sandbox',
        client_id: clientId,
        ...(sub === undefined ? {} : { sub: String(sub) }),
        iat: Math.floor(now / 1000),
        exp: Math.floor(grant.expiresAtMs / 1000),
        jti: randomUUID(),
      }),
    );
    const signature = createHmac('sha256', this.signingKey).update(`${header}.${claims}`).digest('base64url');
    const token = `${header}.${claims}.${signature}`;
    this.grants.set(token, grant);
    this.sweep(now);
    return { token, grant };
  }

  verify(token: string, now = Date.now()): TokenGrant | 'expired' | 'unknown' {
    const grant = this.grants.get(token);
    if (!grant) return 'unknown';
    return now >= grant.expiresAtMs ? 'expired' : grant;
  }

  /** Every token stops working now, as if all had expired. */
  expireAll(): number {
    const count = this.grants.size;
    this.grants.clear();
    return count;
  }

  private sweep(now: number): void {
    for (const [token, grant] of this.grants)
      if (now >= grant.expiresAtMs + 3_600_000) this.grants.delete(token);
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
