import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWords, hasAuditWords } from '../../../web/server/audit-words';
import { STEP_WORDS } from '../../../web/server/step-words';

const root = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The codes the product records: quoted dotted literals in what is passed as an audit line's action. */
function recordedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const dir of ['activities', 'web', 'sourcing', 'db', 'workflows']) {
    for (const file of sourceFiles(resolve(root, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const call of text.matchAll(/(?:\baction:|\baudit\()([\s\S]*?)(?:,\s*\n|\}\)|\);)/g)) {
        for (const literal of call[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g))
          codes.set(literal[1]!, file.slice(root.length + 1));
      }
    }
  }
  return codes;
}

describe('the audit log in Ops reads as words', () => {
  it('every code the product records has its words (a new one without fails here)', () => {
    const codes = recordedCodes();
    // The scan finds the codes it should: a few known ones, from activities and the web app.
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining(['export.requested', 'greenhouse.candidate.created', 'rules.published']),
    );
    const without = [...codes].filter(([code]) => !hasAuditWords(code)).map(([c, file]) => `${c} (${file})`);
    expect(without).toEqual([]);
  });

  it('codes made from a value: a decision, an account switched on or off, a rule step and its answer', () => {
    expect(auditWords('approval.approved')).toBe('Approved');
    expect(auditWords('approval.rejected')).toBe('Declined');
    expect(auditWords('user.disabled')).toBe('Disabled a teammate’s account');
    expect(auditWords('user.enabled')).toBe('Enabled a teammate’s account');
    for (const [type, words] of Object.entries(STEP_WORDS)) {
      expect(auditWords(`rule.${type}`)).toBe(`Rule step “${words}”`);
      expect(auditWords(`rule.${type}.done`)).toBe(`Rule step “${words}”: done in Greenhouse`);
      expect(auditWords(`rule.${type}.moot`)).toBe(`Rule step “${words}”: nothing to do in Greenhouse`);
    }
  });

  it('a code this version does not know is still readable, not a code', () => {
    expect(auditWords('greenhouse.offer_letter.sent')).toBe('Greenhouse offer letter sent');
    expect(auditWords('rule.teleport.done')).toBe('Rule teleport done');
    expect(hasAuditWords('rule.teleport.done')).toBe(false);
  });
});
