import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers; the server writes it. */
export interface Reply {
  status: number;
  body?: unknown;
  /** Raw bytes instead of JSON (attachment downloads). */
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Thrown anywhere in a route to answer with this status and body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** Greenhouse's usual error body: `{"errors":["..."]}`. */
export function harvestError(status: number, ...messages: string[]): HttpError {
  return new HttpError(status, { errors: messages });
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

export function writeReply(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.raw) {
    headers['content-type'] = reply.contentType ?? 'application/octet-stream';
    response.writeHead(reply.status, headers).end(reply.raw);
    return;
  }
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

/** Attachment uploads arrive base64 inside JSON: allow a generous body, but not an unbounded one. */
export async function readRawBody(request: IncomingMessage, limitBytes = 30 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw harvestError(413, `Request body larger than ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw harvestError(400, 'Request body is not valid JSON');
  }
}
