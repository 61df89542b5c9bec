import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerfileProblems, parseStages } from './dockerfile-check';
import { importGraph } from './import-graph';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const check = (dockerfile: string, extraEntries: string[] = []) =>
  dockerfileProblems({
    root,
    text: read(dockerfile),
    dockerignore: read(`${dockerfile}.dockerignore`).split('\n'),
    extraEntries,
  });

/** The TypeScript files a COPY source brings in (a file, or everything below a folder). */
function sourceFiles(source: string): string[] {
  const path = join(root, source);
  if (statSync(path).isFile()) return /\.tsx?$/.test(source) ? [source] : [];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(source, file));
}

/** Files among `files` with an import (static or dynamic, types too) that resolves into sandbox/. */
function importersOfSandbox(files: string[]): string[] {
  const specifiers = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;
  return files.filter((file) =>
    [...read(file).matchAll(specifiers)].some(([, specifier]) => {
      if (!specifier!.startsWith('.')) return false;
      const target = relative(root, resolve(root, dirname(file), specifier!));
      return target === 'sandbox' || target.startsWith('sandbox/');
    }),
  );
}

describe('the Docker images build by construction', () => {
  it('the worker image: stages chain, every COPY has a source, and it holds all its command and `prepare` load', () => {
    expect(check('docker/worker.Dockerfile', ['docker/prepare.ts'])).toEqual([]);
  });

  it('the web image: the same, for the Express server', () => {
    expect(check('docker/web.Dockerfile')).toEqual([]);
  });

  it('both images are slim, multi-stage, run as the node user and install production packages only', () => {
    for (const dockerfile of ['docker/web.Dockerfile', 'docker/worker.Dockerfile']) {
      const stages = parseStages(read(dockerfile));
      const final = stages.at(-1)!;
      expect(stages.length, dockerfile).toBeGreaterThanOrEqual(3);
      expect(final.base, dockerfile).toBe('node:20-slim');
      expect(final.user, dockerfile).toBe('node');
      const nodeModules = final.copies.find((copy) => copy.dest === './node_modules');
      const installer = stages.find((stage) => stage.name === nodeModules?.from);
      expect(installer?.runs.join('\n'), dockerfile).toMatch(/npm ci --omit=dev/);
    }
  });

  it('the route modules compiled into build/server load only production packages (Vite stays dev-only)', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const routes = readdirSync(join(root, 'web/routes'))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => `web/routes/${file}`);
    const graph = importGraph(root, ['web/root.tsx', ...routes]);
    const devOnly = [...graph.packages].filter(([name]) => !pkg.dependencies[name]);
    expect(devOnly.map(([name, importers]) => `${name} ← ${importers[0]}`)).toEqual([]);
    // The one development-only import of the server: Vite, behind NODE_ENV !== 'production'.
    const server = importGraph(root, ['scripts/web.ts']);
    expect([...server.dynamicPackages.keys()].filter((name) => !pkg.dependencies[name])).toEqual(['vite']);
  });

  it('no image holds the sandbox: nothing copies sandbox/, the build context leaves it out, and nothing copied imports it', () => {
    for (const dockerfile of ['docker/web.Dockerfile', 'docker/worker.Dockerfile']) {
      const stages = parseStages(read(dockerfile));
      const copiedSources = stages.flatMap((stage) =>
        stage.copies.filter((copy) => copy.from === undefined).flatMap((copy) => copy.sources),
      );
      expect(
        copiedSources.filter((source) => /^(\.\/)?sandbox(\/|$)/.test(source)),
        dockerfile,
      ).toEqual([]);
      // `COPY . .` of the build stages brings the context in: the sandbox must not be part of it.
      expect(read(`${dockerfile}.dockerignore`).split('\n'), dockerfile).toContain('sandbox');
      const finalCopies = stages.at(-1)!.copies.filter((copy) => copy.from === undefined);
      const files = finalCopies.flatMap((copy) => copy.sources.flatMap((source) => sourceFiles(source)));
      expect(files.length, dockerfile).toBeGreaterThan(10);
      expect(importersOfSandbox(files), dockerfile).toEqual([]);
    }
    // The web image's build/server is compiled from the routes: they must not reach the sandbox either.
    const routes = readdirSync(join(root, 'web/routes'))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => `web/routes/${file}`);
    const graph = importGraph(root, ['web/root.tsx', ...routes, 'scripts/web.ts', 'scripts/worker.ts']);
    expect(graph.files.filter((file) => file.startsWith('sandbox/'))).toEqual([]);
  });

  it('the sandbox check finds an import of the sandbox (so an empty list above means something)', () => {
    expect(importersOfSandbox(['test/browser/support/stack.ts', 'config/env.ts'])).toEqual([
      'test/browser/support/stack.ts',
    ]);
  });

  it('the checker reports what would break a build, so a green result above means something', () => {
    const broken = [
      'FROM node:20-slim AS deps',
      'WORKDIR /app',
      'RUN npm ci',
      'FROM node:20-slim AS runtime',
      'COPY --from=nowhere /app/node_modules ./node_modules',
      'COPY --from=deps /app/build/server ./build/server',
      'COPY no-such-dir ./no-such-dir',
      'COPY test ./test',
      'COPY package.json ./',
      'COPY scripts ./scripts',
      'CMD ["node", "--import", "tsx", "scripts/worker.ts"]',
    ].join('\n');
    const problems = dockerfileProblems({ root, text: broken, dockerignore: ['test'] });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('COPY --from=nowhere names no earlier stage'),
        expect.stringContaining('/app/build/server: nothing in that stage makes it'),
        expect.stringContaining('COPY no-such-dir: no such file'),
        expect.stringContaining('COPY test: excluded by the .dockerignore'),
        'final stage runs as root',
      ]),
    );
    // With the stage problems fixed, the missing source directories of the command show up.
    const incomplete = [
      'FROM node:20-slim AS deps',
      'WORKDIR /app',
      'RUN npm ci --omit=dev',
      'FROM node:20-slim',
      'WORKDIR /app',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY package.json ./',
      'COPY scripts ./scripts',
      'USER node',
      'CMD ["node", "--import", "tsx", "scripts/worker.ts"]',
    ].join('\n');
    expect(dockerfileProblems({ root, text: incomplete, dockerignore: [] })).toContain(
      'final stage lacks worker/run-worker.ts (loaded at run time)',
    );
  });
});
