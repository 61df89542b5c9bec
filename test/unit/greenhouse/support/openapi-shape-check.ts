import type { z } from 'zod';
import type { Shape } from '../../../../scripts/extract-openapi-shapes';

export type { Shape };

// Two checks against the shapes extracted from Greenhouse's OpenAPI document:
// - `responseMismatches`: does a value the sandbox sent have the documented fields, types and enums?
// - `bodyMismatches`: does a client write schema only use documented fields, require what
//   Greenhouse requires, and offer only documented enum values?

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

export function responseMismatches(shape: Shape, value: unknown, path = '$'): string[] {
  if (shape.types && shape.types.length > 0 && !shape.types.some((type) => matchesType(type, value))) {
    return [`${path}: ${JSON.stringify(value)?.slice(0, 60)} is not ${shape.types.join('|')}`];
  }
  const problems: string[] = [];
  if (shape.enum && !shape.enum.includes(value as never)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`);
  }
  if (value === null || typeof value !== 'object') {
    if (shape.variants && !shape.properties && !shape.types) {
      const fits = shape.variants.some((variant) => responseMismatches(variant, value, path).length === 0);
      if (!fits) problems.push(`${path}: matches none of the documented alternatives`);
    }
    return problems;
  }
  if (Array.isArray(value)) {
    if (shape.items)
      value.forEach((item, index) =>
        problems.push(...responseMismatches(shape.items as Shape, item, `${path}[${index}]`)),
      );
    return problems;
  }
  const record = value as Record<string, unknown>;
  if (shape.properties) {
    for (const key of shape.required ?? []) if (!(key in record)) problems.push(`${path}.${key}: missing`);
    if (shape.closed) {
      for (const key of Object.keys(record))
        if (!(key in shape.properties)) problems.push(`${path}.${key}: not in the document`);
    }
    for (const [key, child] of Object.entries(shape.properties)) {
      if (key in record) problems.push(...responseMismatches(child, record[key], `${path}.${key}`));
    }
  }
  if (shape.values) {
    for (const [key, child] of Object.entries(record))
      problems.push(...responseMismatches(shape.values, child, `${path}.${key}`));
  }
  return problems;
}

// ── zod write schemas vs documented bodies ──

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
}
const def = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const { type, innerType } = def(current);
    if ((type === 'optional' || type === 'default') && innerType) optional = true;
    else if (type !== 'nullable' || !innerType) return { schema: current, optional };
    current = innerType as z.ZodType;
  }
}

/** Fields deliberately left open: Greenhouse's time-zone list is long and owned by Rails. */
const openOnPurpose = new Set(['time_zone']);

export function bodyMismatches(ours: z.ZodType, theirs: Shape, path = '$'): string[] {
  const { schema } = unwrap(ours);
  const d = def(schema);
  if (d.type === 'union' && d.options) {
    const alternatives = theirs.variants?.length
      ? theirs.variants.map((variant) => ({
          ...theirs,
          ...variant,
          properties: { ...theirs.properties, ...variant.properties },
          required: [...(theirs.required ?? []), ...(variant.required ?? [])],
          variants: undefined,
        }))
      : [theirs];
    return d.options.flatMap((option, index) => {
      const attempts = alternatives.map((alternative) =>
        bodyMismatches(option, alternative, `${path}|${index}`),
      );
      return attempts.some((problems) => problems.length === 0)
        ? []
        : (attempts.sort((a, b) => a.length - b.length)[0] ?? []);
    });
  }
  if (d.type === 'object' && d.shape) {
    const problems: string[] = [];
    const documented = theirs.properties ?? {};
    for (const [key, child] of Object.entries(d.shape)) {
      if (!(key in documented)) {
        problems.push(`${path}.${key}: sent by us, not in Greenhouse's body`);
        continue;
      }
      // Custom field values are a free-form union in the document; the addressing fields are what matter.
      if (key === 'value' && path.endsWith('custom_fields[]')) continue;
      problems.push(...bodyMismatches(child, documented[key] as Shape, `${path}.${key}`));
    }
    for (const key of theirs.required ?? []) {
      const child = d.shape[key];
      if (!child || unwrap(child).optional)
        problems.push(`${path}.${key}: required by Greenhouse, optional in our schema`);
    }
    return problems;
  }
  if (d.type === 'array' && d.element)
    return theirs.items ? bodyMismatches(d.element, theirs.items, `${path}[]`) : [];
  const ourValues =
    d.type === 'enum' && d.entries
      ? Object.values(d.entries)
      : d.type === 'literal'
        ? (d.values ?? [])
        : undefined;
  if (theirs.enum) {
    const key = path.split('.').pop() ?? '';
    if (!ourValues)
      return openOnPurpose.has(key)
        ? []
        : [`${path}: we accept any value, Greenhouse only ${theirs.enum.join(', ')}`];
    const unknown = ourValues.filter((value) => !theirs.enum?.includes(value as never));
    if (unknown.length > 0)
      return [`${path}: ${unknown.join(', ')} not among Greenhouse's ${theirs.enum.join(', ')}`];
  }
  return [];
}
