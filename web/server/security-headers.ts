import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of every page. Scripts run only from this origin or with this response's
 * nonce (React Router's inline hydration scripts carry it, see entry.server.tsx), so injected markup
 * cannot run script; no page may be framed (clickjacking the approval buttons); forms post only here.
 * Styles allow inline: the rule canvas positions its nodes with style attributes.
 * `development` adds what Vite's dev server needs (its socket for hot reload).
 */
export function contentSecurityPolicy(nonce: string, mode: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${mode === 'production' ? '' : ' ws: wss:'}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers on every answer; the CSP nonce for this response is left in `res.locals.cspNonce`. */
export function securityHeaders(mode: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.set({
      'Content-Security-Policy': contentSecurityPolicy(nonce, mode),
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    next();
  };
}
