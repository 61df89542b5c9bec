import type { Readable } from 'node:stream';
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@react-router/node';
import type express from 'express';
import {
  createRequestHandler as createReactRouterHandler,
  type AppLoadContext,
  type ServerBuild,
} from 'react-router';

/**
 * React Router behind Express, as `@react-router/express` does it, with one difference: the body it
 * reads is the byte-counted stream `capRequestBodies` put in `res.locals.body`, never the raw socket.
 * (The stock adapter always reads `req` itself, which would bypass the caps.)
 */
export function createRequestHandler({
  build,
  getLoadContext,
  mode,
}: {
  build: ServerBuild;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  mode: string;
}): express.RequestHandler {
  const handleRequest = createReactRouterHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = toWebRequest(req, res);
      const response = await handleRequest(request, getLoadContext(req, res));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toWebRequest(req: express.Request, res: express.Response): Request {
  const port = req.get('host')?.split(':')[1];
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || 'localhost';
  const url = new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ''}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  const controller = new AbortController();
  let finished = false;
  res.on('finish', () => (finished = true));
  res.on('close', () => finished || controller.abort());
  // The body was refused with 413: whatever was reading it stops quietly.
  res.on('body-refused', () => controller.abort());
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const body = (res.locals as { body?: Readable }).body ?? req;
    init.body = createReadableStreamFromReadable(body);
    init.duplex = 'half';
  }
  return new Request(url.href, init);
}

async function sendResponse(res: express.Response, response: Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (res.destroyed || res.writableEnded) return;
    throw error;
  }
}
