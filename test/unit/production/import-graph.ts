import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportGraph {
  /** Project files reached from the entries, relative to the root (e.g. `worker/run-worker.ts`). */
  files: string[];
  /** Bare package names imported statically at run time by those files (type-only imports excluded). */
  packages: Map<string, string[]>;
  /** Bare package names only reached through `import('…')` (e.g. Vite, in development only). */
  dynamicPackages: Map<string, string[]>;
  /** Relative imports that resolved to no file: `from → specifier`. */
  unresolved: string[];
}

// Static `import … from '…'`, `export … from '…'`, side-effect `import '…'` and `import('…')` with a
// literal. Type-only imports and exports are erased at run time, so they need nothing in the image.
const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Follows run-time imports from the entry files the way Node (with tsx) would load them. */
export function importGraph(root: string, entries: string[]): ImportGraph {
  const files = new Set<string>();
  const packages = new Map<string, string[]>();
  const dynamicPackages = new Map<string, string[]>();
  const unresolved: string[] = [];
  const queue = entries.map((entry) => resolve(root, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const rel = relative(root, file);
    if (files.has(rel)) continue;
    files.add(rel);
    const source = stripComments(readFileSync(file, 'utf8'));
    for (const match of source.matchAll(importPattern)) {
      if (match[1]) continue;
      const specifier = (match[2] ?? match[3])!;
      if (specifier.startsWith('.')) {
        const target = resolveRelative(dirname(file), specifier);
        if (target) queue.push(target);
        else unresolved.push(`${rel} → ${specifier}`);
      } else if (!specifier.startsWith('node:') && !isBuiltin(specifier)) {
        const name = packageName(specifier);
        const into = match[3] ? dynamicPackages : packages;
        into.set(name, [...(into.get(name) ?? []), rel]);
      }
    }
  }
  for (const name of packages.keys()) dynamicPackages.delete(name);
  return { files: [...files].sort(), packages, dynamicPackages, unresolved };
}

function resolveRelative(fromDir: string, specifier: string): string | undefined {
  const base = resolve(fromDir, specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

const builtins = new Set([
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'stream',
  'timers',
  'url',
  'util',
  'zlib',
  'worker_threads',
  'perf_hooks',
  'readline',
  'dns',
  'tls',
]);
function isBuiltin(specifier: string): boolean {
  return builtins.has(specifier.split('/')[0]!);
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
