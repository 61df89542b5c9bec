import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
