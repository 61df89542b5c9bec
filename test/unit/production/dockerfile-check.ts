import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { importGraph } from './import-graph';

// No Docker engine runs here, so "the image builds" is checked by construction: the stages chain,
// every COPY source exists (in the context or as something an earlier stage makes), and the final
// stage holds every file and production package its command loads.

export interface Copy {
  from?: string;
  sources: string[];
  dest: string;
}

export interface Stage {
  name: string;
  base: string;
  workdir: string;
  copies: Copy[];
  runs: string[];
  user?: string;
  cmd?: string[];
}

export function parseStages(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((arg) => arg.getValue());
    if (keyword === 'FROM') {
      const alias = args[1]?.toUpperCase() === 'AS' ? args[2] : undefined;
      // A stage built FROM an earlier one starts in that one's WORKDIR.
      const parent = stages.find((stage) => stage.name === args[0]);
      stages.push({
        name: alias ?? String(stages.length),
        base: args[0]!,
        workdir: parent?.workdir ?? '/',
        copies: [],
        runs: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${keyword} before the first FROM`);
    if (keyword === 'WORKDIR') stage.workdir = args[0]!;
    if (keyword === 'RUN') stage.runs.push(args.join(' '));
    if (keyword === 'USER') stage.user = args[0];
    if (keyword === 'CMD') stage.cmd = JSON.parse(args.join(' ')) as string[];
    if (keyword === 'COPY') {
      const flags =
        'getFlags' in instruction
          ? (
              instruction as { getFlags(): Array<{ getName(): string; getValue(): string | null }> }
            ).getFlags()
          : [];
      const from = flags.find((flag) => flag.getName() === 'from')?.getValue() ?? undefined;
      stage.copies.push({ from, sources: args.slice(0, -1), dest: args.at(-1)! });
    }
  }
  return stages;
}

/** What an earlier stage is known to produce: `npm ci` makes node_modules, the build commands build/…. */
function producedBy(stage: Stage, stages: Stage[], path: string): boolean {
  const lineage: Stage[] = [];
  for (
    let current: Stage | undefined = stage;
    current;
    current = stages.find((s) => s.name === current!.base)
  ) {
    lineage.push(current);
  }
  const runs = lineage.flatMap((s) => s.runs);
  const relative = path.startsWith(`${stage.workdir}/`) ? path.slice(stage.workdir.length + 1) : undefined;
  if (relative === undefined) return false;
  if (relative === 'node_modules') return runs.some((run) => /\bnpm ci\b/.test(run));
  if (relative === 'build/client' || relative === 'build/server')
    return runs.some((run) => /\breact-router build\b/.test(run));
  if (relative.startsWith('build/'))
    return runs.some((run) => run.includes('scripts/bundle-workflows.ts') && run.includes(relative));
  return false;
}

function isIgnored(source: string, ignored: string[]): boolean {
  const top = source.replace(/^\.\//, '').split('/')[0]!;
  return ignored.some((pattern) => pattern === top || pattern === source);
}

export interface DockerfileCheck {
  root: string;
  text: string;
  /** Lines of the Dockerfile's own .dockerignore. */
  dockerignore: string[];
  /** Extra entry files the final image runs besides its CMD (e.g. compose's `prepare` command). */
  extraEntries?: string[];
}

/** Everything that would break `docker build` or the container's start; empty when sound. */
export function dockerfileProblems(check: DockerfileCheck): string[] {
  const problems: string[] = [];
  const stages = parseStages(check.text);
  const ignored = check.dockerignore
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const names = new Set<string>();
  stages.forEach((stage, index) => {
    if (names.has(stage.name)) problems.push(`stage ${stage.name}: defined twice`);
    names.add(stage.name);
    const earlier = stages.slice(0, index);
    const isStage = earlier.some((s) => s.name === stage.base);
    if (!isStage && !/^[\w.\-/]+:[\w.-]+$/.test(stage.base))
      problems.push(`stage ${stage.name}: FROM ${stage.base} is neither an earlier stage nor a tagged image`);
    for (const copy of stage.copies) {
      if (copy.from !== undefined) {
        const source = earlier.find((s) => s.name === copy.from);
        if (!source) {
          problems.push(`stage ${stage.name}: COPY --from=${copy.from} names no earlier stage`);
          continue;
        }
        for (const path of copy.sources)
          if (!producedBy(source, stages, path))
            problems.push(
              `stage ${stage.name}: COPY --from=${copy.from} ${path}: nothing in that stage makes it`,
            );
      } else {
        for (const path of copy.sources) {
          if (!existsSync(join(check.root, path)))
            problems.push(`stage ${stage.name}: COPY ${path}: no such file in the context`);
          else if (path !== '.' && isIgnored(path, ignored))
            problems.push(`stage ${stage.name}: COPY ${path}: excluded by the .dockerignore`);
        }
      }
    }
  });

  const final = stages.at(-1);
  if (!final) return [...problems, 'no FROM'];
  if (!final.user || final.user === 'root' || final.user === '0') problems.push('final stage runs as root');
  const [command, ...args] = final.cmd ?? [];
  if (command !== 'node' || args[0] !== '--import' || args[1] !== 'tsx' || !args[2])
    problems.push(
      `final stage: CMD should be ["node", "--import", "tsx", <entry>], is ${JSON.stringify(final.cmd)}`,
    );
  const entries = [args[2], ...(check.extraEntries ?? [])].filter((entry): entry is string => Boolean(entry));
  for (const entry of entries)
    if (!existsSync(join(check.root, entry))) problems.push(`entry ${entry} does not exist`);
  if (problems.length > 0) return problems;

  // The final stage must hold every file its entries load, and package.json ("type": "module").
  const copied = final.copies.map((copy) => copy.dest.replace(/^\.\//, '').replace(/\/$/, ''));
  const contains = (file: string) =>
    copied.some((dest) => dest === file || file.startsWith(`${dest}/`)) ||
    final.copies.some((copy) => copy.from === undefined && copy.dest === './' && copy.sources.includes(file));
  if (!contains('package.json'))
    problems.push('final stage: package.json is not copied (ESM needs its "type")');
  const graph = importGraph(check.root, entries);
  for (const missing of graph.unresolved) problems.push(`import does not resolve: ${missing}`);
  for (const file of graph.files)
    if (!contains(file)) problems.push(`final stage lacks ${file} (loaded at run time)`);

  // …and every package those files import, from a production install.
  const pkg = JSON.parse(readFileSync(join(check.root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const removed = removedPackages(stages);
  for (const [name, importers] of graph.packages) {
    if (!pkg.dependencies?.[name])
      problems.push(
        `${name} (imported by ${importers[0]}) is not in "dependencies": npm ci --omit=dev leaves it out`,
      );
    if (removed.some((r) => name === r || name.startsWith(`${r}/`)))
      problems.push(`${name} (imported by ${importers[0]}) is deleted from the image`);
  }
  if (!stages.some((stage) => stage.runs.some((run) => /\bnpm ci\b.*--omit=dev/.test(run))))
    problems.push('no stage installs with npm ci --omit=dev');
  return problems;
}

/** Packages a RUN deletes after installing (`rm -rf node_modules/<name>`). */
function removedPackages(stages: Stage[]): string[] {
  return stages.flatMap((stage) =>
    stage.runs.flatMap((run) =>
      [...run.matchAll(/\brm -rf ([^&|;]+)/g)].flatMap((m) =>
        m[1]!
          .trim()
          .split(/\s+/)
          .filter((path) => path.startsWith('node_modules/'))
          .map((path) => path.slice('node_modules/'.length)),
      ),
    ),
  );
}
