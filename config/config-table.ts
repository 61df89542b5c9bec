import { z } from 'zod';
import { envSchema } from './env';

/** The README's configuration table, generated from the zod schema so the two cannot drift. */
export function configTableMarkdown(): string {
  const jsonSchema = z.toJSONSchema(envSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, { default?: unknown; description?: string }>;
  };
  const rows = Object.entries(jsonSchema.properties).map(([name, property]) => {
    const fallback = property.default === undefined ? '—' : `\`${String(property.default)}\``;
    return `| \`${name}\` | ${fallback} | ${property.description ?? ''} |`;
  });
  return ['| variable | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}
