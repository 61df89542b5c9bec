/**
 * The one error type the Harvest client throws. Activities turn it into a Temporal failure with
 * `toApplicationFailure`; `retryable` is the single place that decides what a retry can fix.
 */
export type GreenhouseErrorKind =
  /** Greenhouse answered with a non-2xx status. */
  | 'http'
  /** The OAuth token endpoint refused or failed. */
  | 'token'
  /** The connection failed before an answer arrived. */
  | 'network'
  /** Our own deadline (AbortSignal.timeout) fired. */
  | 'timeout'
  /** Greenhouse answered 2xx with a body that does not have the shape we rely on. */
  | 'invalid_response'
  /** We were about to send a body Greenhouse would refuse; nothing was sent. */
  | 'invalid_request';

/** What was asked, for logs and failure details. Never carries the token or the client secret. */
export interface GreenhouseRequestInfo {
  method: string;
  /** Path and query, with personal data (emails) redacted. */
  path: string;
}

export interface GreenhouseErrorInit {
  kind: GreenhouseErrorKind;
  status?: number;
  messages?: string[];
  request: GreenhouseRequestInfo;
  retryAfterMs?: number;
  /** RFC 6749 error code from the token endpoint (`invalid_client`, ...). */
  oauthError?: string;
  resource?: string;
  resourceId?: number | string;
  field?: string;
  cause?: unknown;
}

export class GreenhouseError extends Error {
  override name = 'GreenhouseError';
  readonly kind: GreenhouseErrorKind;
  readonly status: number | undefined;
  /** Greenhouse's own messages (`{"errors":[...]}`), parsed defensively. */
  readonly messages: string[];
  readonly request: GreenhouseRequestInfo;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly oauthError: string | undefined;
  /** For `invalid_response`: which resource, which record and which field was wrong. */
  readonly resource: string | undefined;
  readonly resourceId: number | string | undefined;
  readonly field: string | undefined;

  constructor(init: GreenhouseErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.messages = init.messages ?? [];
    this.request = init.request;
    this.retryable = isRetryable(init.kind, init.status);
    this.retryAfterMs = init.retryAfterMs;
    this.oauthError = init.oauthError;
    this.resource = init.resource;
    this.resourceId = init.resourceId;
    this.field = init.field;
  }
}

export function isGreenhouseError(error: unknown): error is GreenhouseError {
  return error instanceof GreenhouseError;
}

function isRetryable(kind: GreenhouseErrorKind, status: number | undefined): boolean {
  if (kind === 'network' || kind === 'timeout') return true;
  if (kind === 'invalid_response' || kind === 'invalid_request') return false;
  if (status === undefined) return false;
  // 401 reaches the caller only after the client already refreshed the token once: final.
  return status === 429 || status === 408 || status >= 500;
}

function describe(init: GreenhouseErrorInit): string {
  const where = `${init.request.method} ${init.request.path}`;
  const said = init.messages && init.messages.length > 0 ? `: ${init.messages.join('; ')}` : '';
  switch (init.kind) {
    case 'http':
      return `Greenhouse answered ${init.status} to ${where}${said}`;
    case 'token':
      return `Greenhouse token endpoint refused (${init.status ?? 'no status'}${init.oauthError ? ` ${init.oauthError}` : ''}) for ${where}${said}`;
    case 'network':
      return `Greenhouse could not be reached for ${where}${said}`;
    case 'timeout':
      return `Greenhouse did not answer ${where} in time${said}`;
    case 'invalid_response':
      return `Greenhouse ${init.resource ?? 'response'} ${init.resourceId ?? '(no id)'} from ${where} has an unexpected shape${said}`;
    case 'invalid_request':
      return `Refused to send ${where}: the ${init.resource ?? 'request'} body is invalid${said}`;
  }
}

/**
 * Greenhouse error bodies are usually `{"errors":["..."]}` but not always: objects with `message`
 * and `field`, RFC 6749 `{error, error_description}` and bare strings have all been seen.
 */
export function parseErrorMessages(body: unknown): string[] {
  if (typeof body === 'string') return body.trim() ? [body.trim().slice(0, 500)] : [];
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const messages: string[] = [];
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors) {
      if (typeof entry === 'string') messages.push(entry);
      else if (typeof entry === 'object' && entry !== null) {
        const { message, field } = entry as Record<string, unknown>;
        if (typeof message === 'string')
          messages.push(typeof field === 'string' ? `${field}: ${message}` : message);
      }
    }
  }
  if (typeof record.error === 'string') {
    messages.push(
      typeof record.error_description === 'string'
        ? `${record.error}: ${record.error_description}`
        : record.error,
    );
  }
  if (typeof record.message === 'string') messages.push(record.message);
  return messages;
}

// Query values shown in logs and errors: ids, paging, dates and closed sets of words. Every other value
// (email, search, tag, name, phone, a profile URL, an opaque cursor that may carry them) is masked.
const SHOWN_QUERY_KEY =
  /^(?:ids|[a-z_]+_ids?|per_page|(?:created|updated|last_activity)_at(?:\[(?:gt|gte|lt|lte)\])?|status|job_status|type|visibility|private|prospect|active|include_defaults|skip_count)$/;

/** Path and query for logs and errors: any value that can name a person is masked. */
export function describeRequestPath(url: URL): string {
  const query = new URLSearchParams(url.search);
  for (const key of new Set(query.keys())) if (!SHOWN_QUERY_KEY.test(key)) query.set(key, '[redacted]');
  const search = query.toString();
  return search ? `${url.pathname}?${decodeURIComponent(search)}` : url.pathname;
}

/** Retry-After is seconds (or an HTTP date); anything unreadable means "no advice". */
export function parseRetryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
