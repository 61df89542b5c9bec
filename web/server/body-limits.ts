import { Transform, type Readable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';

const KB = 1024;
const MB = 1024 * KB;

/**
 * The most bytes each route's request body may have. Sign-in, setup and sign-out are read before
 * anyone is authenticated, so they get only what their forms need; the webhook is signed but its
 * signature can only be checked on the whole body; the people-list upload is the documented 5 MB
 * plus the multipart envelope. Everything else is a signed-in form or JSON well under 1 MB.
 */
export const BODY_LIMITS = {
  signIn: 8 * KB,
  webhook: 1 * MB,
  import: 5 * MB + 64 * KB,
  other: 1 * MB,
} as const;

/** The cap for a request path (React Router's data requests end in `.data`). */
export function bodyLimitFor(path: string): number {
  const route = path.replace(/\.data$/, '').replace(/\/+$/, '') || '/';
  if (route === '/login' || route === '/setup' || route === '/logout') return BODY_LIMITS.signIn;
  if (route === '/webhooks/greenhouse') return BODY_LIMITS.webhook;
  if (/^\/jobs\/[^/]+\/import$/.test(route)) return BODY_LIMITS.import;
  return BODY_LIMITS.other;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Express middleware in front of React Router: a body declared larger than its route's cap is refused
 * with 413 before a byte of it is read; a chunked (or understated) body is counted as it streams and
 * refused the moment it passes the cap. The counted stream is what React Router reads
 * (`res.locals.body`), so nothing past the cap is ever buffered, and the connection is closed after
 * a short linger rather than drained.
 */
export function capRequestBodies(limitFor: (path: string) => number = bodyLimitFor) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const limit = limitFor(req.path);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return refuse(req, res, limit);
    let seen = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        if (seen <= limit) return callback(null, chunk);
        refuse(req, res, limit);
        callback(new BodyTooLargeError(`The request body is larger than ${describe(limit)}.`));
      },
    });
    // The refusal is answered by `refuse`; whoever reads the stream sees the error, nobody else must.
    counted.on('error', () => {});
    req.on('error', (error) => counted.destroy(error));
    req.pipe(counted);
    // Answered without reading the body (a redirect to sign in, say): the rest, at most the cap, is
    // read and dropped, so the client sees the answer instead of a reset connection mid-upload.
    res.on('finish', () => {
      if (!req.complete && !(res.locals as { bodyRefused?: boolean }).bodyRefused) counted.resume();
    });
    (res.locals as { body?: Readable }).body = counted;
    next();
  };
}

/**
 * Answers 413 and ends the connection. Closing at once while the client is still sending makes its
 * kernel discard our answer (a reset), so a little more is read and dropped — never kept — first;
 * past that the connection is cut.
 */
function refuse(req: Request, res: Response, limit: number) {
  const locals = res.locals as { bodyRefused?: boolean };
  if (locals.bodyRefused) return;
  locals.bodyRefused = true;
  // Tell the request handler its body is gone (React Router then does not log the read failure).
  res.emit('body-refused');
  req.unpipe();
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) req.destroy();
  });
  req.on('end', () => req.socket.destroySoon());
  req.resume();
  if (res.headersSent) return void req.destroy();
  res
    .status(413)
    .set({ 'Content-Type': 'text/plain; charset=utf-8' })
    .end(`The request is too large: this page accepts at most ${describe(limit)}.\n`);
}

/** What is read and dropped after a 413 so the client can read it, before the connection is cut. */
const LINGER_BYTES = 256 * KB;

function describe(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}
