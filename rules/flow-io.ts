// Rule flows as files an admin can keep in git, review and share between jobs: JSON or YAML. An import is
// checked exactly like a saved flow, and every problem says where it is in the file (path, line, column).
// Kept out of the barrel: workflows never read files, and the YAML parser has no business in their bundle.
import type { z } from 'zod';
import type { Document } from 'yaml';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { ValidationContext } from './context';
import type { RuleFlow } from './flow-schema';
import { upgradeFlow } from './flow-schema';
import { validateFlow } from './validate';

export type FlowFormat = 'json' | 'yaml';

export type ImportProblem = {
  severity: 'error' | 'warning';
  /** `syntax` and `schema` for files that cannot be read as a flow; otherwise a validation issue code. */
  code: string;
  /** Where in the document, e.g. `nodes[2].data.when.value`; empty for the document as a whole. */
  path: string;
  /** 1-based; null when the place cannot be pinned to a line (e.g. a missing key at the top). */
  line: number | null;
  column: number | null;
  nodeId?: string;
  edgeId?: string;
  message: string;
};

export type ImportResult =
  | { ok: true; flow: RuleFlow; upgradedFrom: number | null; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

export function exportFlow(flow: RuleFlow, format: FlowFormat): string {
  return format === 'json' ? `${JSON.stringify(flow, null, 2)}\n` : stringify(flow, { lineWidth: 0 });
}

/**
 * Reads a flow from JSON or YAML (guessed from the text when `format` is left out), upgrades old versions,
 * checks its shape, then validates it (against the job's data when a context is given). A flow with
 * validation errors still loads — the canvas shows them — but a file that is not a flow does not.
 */
export function importFlow(
  text: string,
  options: { format?: FlowFormat; context?: ValidationContext } = {},
): ImportResult {
  const format = options.format ?? (/^\s*[{[]/.test(text) ? 'json' : 'yaml');
  const lineCounter = new LineCounter();
  // JSON is YAML too, so one parser locates paths in either; JSON.parse still judges JSON syntax.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = locator(doc, lineCounter);

  let raw: unknown;
  if (format === 'json') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, problems: [jsonSyntaxProblem(text, error)] };
    }
  } else {
    if (doc.errors.length > 0) {
      return {
        ok: false,
        problems: doc.errors.map((e) => ({
          severity: 'error' as const,
          code: 'syntax',
          path: '',
          line: e.linePos?.[0].line ?? null,
          column: e.linePos?.[0].col ?? null,
          message: `Not valid YAML: ${e.message.split('\n')[0]}`,
        })),
      };
    }
    raw = doc.toJS();
  }

  const upgraded = upgradeFlow(raw);
  if (!upgraded.ok) {
    return { ok: false, problems: upgraded.issues.map((issue) => schemaProblem(issue, raw, at)) };
  }

  const flow = upgraded.flow;
  const problems = validateFlow(flow, options.context).map((issue): ImportProblem => {
    const nodeAt = issue.nodeId === undefined ? -1 : flow.nodes.findIndex((n) => n.id === issue.nodeId);
    const edgeAt = issue.edgeId === undefined ? -1 : flow.edges.findIndex((e) => e.id === issue.edgeId);
    const base: (string | number)[] =
      edgeAt >= 0 && (nodeAt < 0 || !issue.path) ? ['edges', edgeAt] : nodeAt >= 0 ? ['nodes', nodeAt] : [];
    const path = [
      ...base,
      ...(nodeAt >= 0 && base[0] === 'nodes' && issue.path ? splitPath(issue.path) : []),
    ];
    return {
      severity: issue.severity,
      code: issue.code,
      path: formatPath(path),
      ...at(path),
      ...(issue.nodeId === undefined ? {} : { nodeId: issue.nodeId }),
      ...(issue.edgeId === undefined ? {} : { edgeId: issue.edgeId }),
      message: issue.message,
    };
  });
  return { ok: true, flow, upgradedFrom: upgraded.upgradedFrom, problems };
}

// ------------------------------------------------------------------------------------------------ paths

type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`),
    '',
  );
}

function splitPath(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
}

/** Line and column of the deepest part of the path that exists in the file. */
function locator(doc: Document, lineCounter: LineCounter) {
  return (path: Path): { line: number | null; column: number | null } => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: null, column: null };
  };
}

function jsonSyntaxProblem(text: string, error: unknown): ImportProblem {
  const message = error instanceof Error ? error.message : String(error);
  // Node's message carries a position in some versions and not in others; find it ourselves if need be.
  const reported = /position (\d+)/.exec(message);
  const offset = reported ? Number(reported[1]) : firstJsonErrorOffset(text);
  let line: number | null = null;
  let column: number | null = null;
  if (offset !== null) {
    const before = text.slice(0, offset);
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  return { severity: 'error', code: 'syntax', path: '', line, column, message: `Not valid JSON: ${message}` };
}

/** Where a JSON text first stops being JSON, by a small recursive-descent reading; null if it is JSON. */
function firstJsonErrorOffset(text: string): number | null {
  let at = 0;
  const fail = (): never => {
    throw new RangeError(String(at));
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const expect = (char: string) => {
    space();
    if (text[at] !== char) fail();
    at++;
  };
  const string = () => {
    expect('"');
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail();
      at += text[at] === '\\' ? 2 : 1;
    }
    if (at >= text.length) fail();
    at++;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) {
        at++;
        return;
      }
      for (;;) {
        if (close === '}') {
          string();
          expect(':');
        }
        value();
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        expect(close);
        return;
      }
    }
    if (char === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at));
    if (!literal) fail();
    at += literal![0].length;
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof RangeError) return Math.min(Number(error.message), text.length);
    throw error;
  }
}

// ------------------------------------------------------------------------------------------ schema issues

type ZodIssue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Zod reports a union that matched no branch as one issue holding every branch's issues. When exactly one
 * branch got somewhere — a key it expects is there but holds a wrong value — that is the branch the author
 * meant, and its problem is the one explained; otherwise the union's own place is reported.
 */
function explainIssue(
  issue: ZodIssue,
  raw: unknown,
  base: readonly PropertyKey[] = [],
): { path: PropertyKey[]; message: string } {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path, message: issue.message };
  const present = (i: ZodIssue) => i.path.length > 0 && valueAt(raw, [...path, ...i.path]) !== undefined;
  const meant = issue.errors.filter((branch) => branch.some(present));
  if (meant.length !== 1) {
    return { path, message: 'Invalid input: this matches none of the forms allowed here' };
  }
  return explainIssue(meant[0]!.find(present)!, raw, path);
}

function schemaProblem(issue: ZodIssue, raw: unknown, at: ReturnType<typeof locator>): ImportProblem {
  const explained = explainIssue(issue, raw);
  const path = explained.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message = explained.message;
  const problem: ImportProblem = {
    severity: 'error',
    code: 'schema',
    path: formatPath(path),
    ...at(path),
    message: '',
  };
  let where = problem.path === '' ? 'The document' : problem.path;
  if ((path[0] === 'nodes' || path[0] === 'edges') && typeof path[1] === 'number') {
    const item = (raw as Record<string, unknown[]>)[path[0]]?.[path[1]];
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id === 'string') {
      if (path[0] === 'nodes') problem.nodeId = id;
      else problem.edgeId = id;
      where = `${where} (${path[0] === 'nodes' ? 'node' : 'edge'} "${id}")`;
    }
  }
  problem.message = `${where}: ${message}`;
  return problem;
}
