import { harvestError } from '../http/reply';

// Parsing of Greenhouse list parameters, with Greenhouse's refusals: ids over 50, per_page out of
// range, malformed pipe dates, created_at together with updated_at, a cursor with company.

export const cursorAloneMessage = 'When passing a cursor, do not include other query params.';
export const maxIds = 50;

export interface DateBounds {
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
}

export function parsePerPage(query: URLSearchParams, max: number): number {
  const raw = query.get('per_page');
  if (raw === null) return Math.min(100, max);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw harvestError(422, `per_page must be an integer between 1 and ${max}`);
  }
  return value;
}

export function parseIdList(query: URLSearchParams, name: string): number[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > maxIds)
    throw harvestError(422, `${name} accepts at most ${maxIds} values (got ${parts.length})`);
  return parts.map((part) => {
    const id = Number(part);
    if (!Number.isInteger(id)) throw harvestError(422, `${name} must be a comma separated list of integers`);
    return id;
  });
}

export function parseInteger(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw harvestError(422, `${name} must be an integer`);
  return value;
}

export function parseBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw harvestError(422, `${name} must be true or false`);
}

export function parseEnum<T extends string>(
  query: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw harvestError(422, `${name} must be one of: ${values.join(', ')}`);
  }
  return raw as T;
}

const operators = ['gte', 'gt', 'lte', 'lt'] as const;

/**
 * Pipe form `updated_at=gte|2026-01-01T00:00:00Z|lte|...` (what the HARVEST notes document), and
 * the bracket form `updated_at[gte]=...` the OpenAPI descriptions show.
 */
export function parseDateFilter(query: URLSearchParams, name: string): DateBounds | undefined {
  const bounds: DateBounds = {};
  let present = false;
  const set = (operator: string, value: string) => {
    if (!(operators as readonly string[]).includes(operator)) {
      throw harvestError(422, `${name}: unknown operator "${operator}" (use gte, gt, lte or lt)`);
    }
    const time = Date.parse(value);
    if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      throw harvestError(422, `${name}: "${value}" is not an ISO-8601 date-time`);
    }
    bounds[operator as keyof DateBounds] = time;
    present = true;
  };
  const pipe = query.get(name);
  if (pipe !== null) {
    const parts = pipe.split('|');
    if (parts.length < 2 || parts.length % 2 !== 0) {
      throw harvestError(422, `${name} must look like gte|2026-01-01T00:00:00Z|lte|2026-01-02T00:00:00Z`);
    }
    for (let index = 0; index < parts.length; index += 2)
      set(parts[index] as string, parts[index + 1] as string);
  }
  for (const operator of operators) {
    const value = query.get(`${name}[${operator}]`);
    if (value !== null) set(operator, value);
  }
  return present ? bounds : undefined;
}

export function hasDateFilter(query: URLSearchParams, name: string): boolean {
  return query.has(name) || operators.some((operator) => query.has(`${name}[${operator}]`));
}

export function withinBounds(value: string | null | undefined, bounds: DateBounds | undefined): boolean {
  if (!bounds) return true;
  if (value === null || value === undefined) return false;
  const time = Date.parse(value);
  if (bounds.gte !== undefined && time < bounds.gte) return false;
  if (bounds.gt !== undefined && time <= bounds.gt) return false;
  if (bounds.lte !== undefined && time > bounds.lte) return false;
  if (bounds.lt !== undefined && time >= bounds.lt) return false;
  return true;
}
