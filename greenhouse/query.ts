/** A pipe date filter: `updated_at=gte|2026-01-01T00:00:00.000Z|lte|2026-01-02T00:00:00.000Z`. */
export interface DateRange {
  gte?: Date | string;
  gt?: Date | string;
  lte?: Date | string;
  lt?: Date | string;
}

export type QueryValue =
  string | number | boolean | readonly number[] | readonly string[] | DateRange | undefined;
export type HarvestQuery = Record<string, QueryValue>;

/** Greenhouse refuses more than 50 values in `ids` and every `*_ids` filter. */
export const maxIdsPerRequest = 50;

function isDateRange(value: QueryValue): value is DateRange {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pipeDateRange(range: DateRange): string {
  const parts: string[] = [];
  for (const operator of ['gte', 'gt', 'lte', 'lt'] as const) {
    const bound = range[operator];
    if (bound !== undefined) parts.push(operator, bound instanceof Date ? bound.toISOString() : bound);
  }
  return parts.join('|');
}

/**
 * Turns a typed query into the query strings to send. An id filter longer than 50 is split into
 * several requests (one list per chunk); only one filter may be that long, because splitting two
 * would need their cross product.
 */
export function toSearchParamsChunks(query: HarvestQuery): URLSearchParams[] {
  if (query.created_at !== undefined && query.updated_at !== undefined) {
    throw new RangeError('Greenhouse refuses created_at and updated_at in one request: pick one');
  }
  const longLists = Object.entries(query).filter(
    ([key, value]) => isIdList(key) && Array.isArray(value) && value.length > maxIdsPerRequest,
  );
  if (longLists.length > 1) {
    throw new RangeError(
      `Only one id filter may exceed ${maxIdsPerRequest} values; got ${longLists.map(([key]) => key).join(', ')}`,
    );
  }
  const base = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || longLists.some(([long]) => long === key)) continue;
    if (Array.isArray(value)) {
      if (value.length === 0 && isIdList(key)) return []; // filtering by nothing matches nothing
      base.set(key, value.join(','));
    } else if (isDateRange(value)) base.set(key, pipeDateRange(value));
    else base.set(key, String(value));
  }
  const [long] = longLists;
  if (!long) return [base];
  const [key, values] = long as [string, readonly (number | string)[]];
  const chunks: URLSearchParams[] = [];
  for (let start = 0; start < values.length; start += maxIdsPerRequest) {
    const chunk = new URLSearchParams(base);
    chunk.set(key, values.slice(start, start + maxIdsPerRequest).join(','));
    chunks.push(chunk);
  }
  return chunks;
}

function isIdList(key: string): boolean {
  return key === 'ids' || key.endsWith('_ids');
}

/**
 * The `rel="next"` URL of a Link header, exactly as Greenhouse wrote it: its cursor must travel
 * alone, so we never add or rebuild parameters.
 */
export function nextPageUrl(linkHeader: string | null): string | undefined {
  if (!linkHeader) return undefined;
  for (const part of linkHeader.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?next"?/i.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}
