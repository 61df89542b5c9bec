// The inspector shows one fields component per step kind, labelled with the registry's words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_REGISTRY, CONDITION_REGISTRY, NODE_REGISTRY, TRIGGER_REGISTRY } from '../../../rules/index';
import { ACTION_FIELDS, TRIGGER_FIELDS } from '../../../web/components/rule-canvas/fields';

const FIELDS_DIR = join(import.meta.dirname, '../../../web/components/rule-canvas/fields');

describe('inspector fields per step kind', () => {
  it('a kind has a fields component exactly when the registry lists settings for it', () => {
    for (const [kind, component] of Object.entries(TRIGGER_FIELDS))
      expect(component !== null, kind).toBe(
        TRIGGER_REGISTRY[kind as keyof typeof TRIGGER_REGISTRY].fields.length > 0,
      );
    for (const [kind, component] of Object.entries(ACTION_FIELDS))
      expect(component !== null, kind).toBe(
        ACTION_REGISTRY[kind as keyof typeof ACTION_REGISTRY].fields.length > 0,
      );
    for (const entry of Object.values(CONDITION_REGISTRY)) expect(entry.fields.length).toBeGreaterThan(0);
  });

  it('every row a fields component draws is labelled by a registry field, never by a raw key', () => {
    const known = new Set(NODE_REGISTRY.flatMap((entry) => entry.fields.map((f) => f.key)));
    const used = readdirSync(FIELDS_DIR)
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) =>
        [...readFileSync(join(FIELDS_DIR, file), 'utf8').matchAll(/field="([^"]+)"/g)].map((m) => m[1]!),
      );
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) expect(known.has(key), key).toBe(true);
  });
});
