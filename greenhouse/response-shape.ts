import type { z } from 'zod';
import { GreenhouseError, type GreenhouseRequestInfo } from './errors';

/**
 * Validates one record Greenhouse sent. A missing or mistyped field becomes an error that names
 * the resource, the record id and the field, because "invalid input" alone is useless at 3 a.m.
 */
export function parseGreenhouseRecord<T>(
  schema: z.ZodType<T>,
  resource: string,
  raw: unknown,
  request: GreenhouseRequestInfo,
): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  const id =
    record && (typeof record.id === 'number' || typeof record.id === 'string') ? record.id : undefined;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const missing = issue !== undefined && field !== undefined && valueAt(raw, issue.path) === undefined;
  const problem = missing
    ? `field "${field}" is missing`
    : `field "${field ?? '(record)'}": ${issue?.message}`;
  return fail(request, resource, id, field, problem);
}

function fail(
  request: GreenhouseRequestInfo,
  resource: string,
  resourceId: number | string | undefined,
  field: string | undefined,
  problem: string,
): never {
  throw new GreenhouseError({
    kind: 'invalid_response',
    request,
    resource,
    resourceId,
    field,
    messages: [problem],
  });
}

/** A list endpoint must answer a bare JSON array; anything else means we talk to the wrong thing. */
export function expectArray(raw: unknown, resource: string, request: GreenhouseRequestInfo): unknown[] {
  if (Array.isArray(raw)) return raw;
  return fail(request, resource, undefined, undefined, 'expected a JSON array of records');
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
