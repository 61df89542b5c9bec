import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layering of docs/decisions/0007-layers.md is kept by eslint.config.js. Each fixture below is a
// deliberately wrong file, linted as if it stood at its path: the boundary rule must fire on it. The
// fixtures live here as text, not as files, so neither `npm run lint` nor tsc ever meets them.
const root = resolve(import.meta.dirname, '../../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    // The boundaries are import rules; type information is not needed to check them.
    overrideConfig: [tseslint.configs.disableTypeChecked],
  });
});

async function boundaryErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, path) });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const wrong: { path: string; source: string; says: RegExp }[] = [
  {
    path: 'workflows/fixture.ts',
    source: "import { createDb } from '../db/database';\nexport const db = createDb;\n",
    says: /workflow-safe modules/,
  },
  {
    path: 'workflows/fixture.ts',
    source: "import { HarvestClient } from '../greenhouse/client';\nexport const client = HarvestClient;\n",
    says: /workflow-safe modules/,
  },
  {
    path: 'workflows/fixture.ts',
    source: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    says: /deterministic/,
  },
  {
    path: 'workflows/fixture.ts',
    source: "import { createActivities } from '../activities';\nexport const make = createActivities;\n",
    says: /activity types only/,
  },
  {
    path: 'workflows/fixture.ts',
    source: "import { autopilotClient } from '../temporal/client';\nexport const c = autopilotClient;\n",
    says: /never use the Temporal client/,
  },
  {
    path: 'temporal/fixture.ts',
    source: "import { Client } from '@temporalio/client';\nexport const c = Client;\n",
    says: /Only temporal\/client.ts talks to the Temporal server/,
  },
  {
    path: 'temporal/fixture.ts',
    source: "import { createDb } from '../db/database';\nexport const db = createDb;\n",
    says: /shared definitions and the client/,
  },
  {
    path: 'greenhouse/fixture.ts',
    source:
      "import { ApplicationFailure } from '@temporalio/common';\nexport const f = ApplicationFailure;\n",
    says: /Harvest client alone/,
  },
  {
    path: 'db/queries/fixture.ts',
    source:
      "import { demoCredentials } from '../../sandbox/auth/credentials';\nexport const c = demoCredentials;\n",
    says: /never import the sandbox/,
  },
  {
    path: 'web/server/fixture.server.ts',
    source: "import { startSandbox } from '../../sandbox';\nexport const s = startSandbox;\n",
    says: /never import the sandbox/,
  },
  {
    path: 'web/routes/fixture.tsx',
    source:
      "import { harvestFromConnection } from '../../activities/harvest-factory';\nexport const h = harvestFromConnection;\n",
    says: /never import activities/,
  },
  {
    path: 'db/queries/fixture.ts',
    source: "import type { Activities } from '../../activities';\nexport type A = Activities;\n",
    says: /never import activities/,
  },
  {
    path: 'services/fixture.ts',
    source: "import { requireUser } from '../web/server/auth.server';\nexport const r = requireUser;\n",
    says: /services\/ never import web/,
  },
  {
    path: 'services/fixture.ts',
    source: "import { createActivities } from '../activities';\nexport const make = createActivities;\n",
    says: /never import activities/,
  },
  {
    path: 'rules/fixture.ts',
    source: "import { sql } from 'kysely';\nexport const q = sql;\n",
    says: /no I\/O/,
  },
  {
    path: 'rules/fixture.ts',
    source: "import { loadEnv } from '../config/load-env';\nexport const env = loadEnv;\n",
    says: /imports only its own modules/,
  },
  {
    path: 'matching/fixture.ts',
    source: "import { readFile } from 'node:fs/promises';\nexport const read = readFile;\n",
    says: /does no I\/O/,
  },
  {
    path: 'matching/fixture.ts',
    source: "import pg from 'pg';\nexport const client = pg.Client;\n",
    says: /does no I\/O/,
  },
  {
    path: 'matching/fixture.ts',
    source: "import { createDb } from '../db/database';\nexport const db = createDb;\n",
    says: /does no I\/O/,
  },
];

describe('the layering is enforced by lint (docs/decisions/0007-layers.md)', () => {
  it.each(wrong)('$path: $source', async ({ path, source, says }) => {
    const errors = await boundaryErrors(path, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
  });

  it.each([
    'activities/fixture.ts',
    'services/fixture.ts',
    'web/server/fixture.server.ts',
    'web/routes/fixture.tsx',
  ])(
    '%s queries nothing itself: a query builder call or a kysely import there fails',
    async (fixturePath) => {
      const path = resolve(root, fixturePath);
      const dbModule = fixturePath.split('/').length === 2 ? '../db' : '../../db';
      const lint = async (source: string) =>
        (await eslint.lintText(source, { filePath: path }))[0]!.messages
          .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
          .map((m) => m.message);
      const inline = [
        `import type { Db } from '${dbModule}/database';`,
        "export const names = (db: Db) => db.selectFrom('person').select('id').execute();",
      ].join('\n');
      expect(await lint(inline)).toEqual([expect.stringMatching(/repository function in db\/queries/)]);
      expect(await lint("import { sql } from 'kysely';\nexport const q = sql;\n")).toEqual([
        expect.stringMatching(/repository function in db\/queries/),
      ]);
      // The sandbox rule still holds beside the query rule (one block per folder: neither replaces the other).
      if (fixturePath.startsWith('web/'))
        expect(
          await lint("import { startSandbox } from '../../sandbox';\nexport const s = startSandbox;\n"),
        ).toEqual([expect.stringMatching(/never import the sandbox/)]);
      const throughRepository = [
        "import type { Transaction } from 'kysely';",
        `import type { Database } from '${dbModule}/schema';`,
        `import { recordAudit } from '${dbModule}/queries/audit';`,
        'export const audit = (trx: Transaction<Database>) => recordAudit(trx, { actor: "a", action: "b" });',
      ].join('\n');
      expect(await lint(throughRepository)).toEqual([]);
    },
  );

  it('the imports each layer may make pass', async () => {
    const right: { path: string; source: string }[] = [
      {
        path: 'workflows/fixture.ts',
        source: [
          "import { proxyActivities } from '@temporalio/workflow';",
          "import type { Activities } from '../activities';",
          "import { evaluate } from '../rules';",
          "import { harvestTaskQueue } from '../temporal/task-queues';",
          "import { autopilotWorkflowId } from '../temporal/autopilot-api';",
          'export const all = [proxyActivities, evaluate, harvestTaskQueue, autopilotWorkflowId];',
          'export type A = Activities;',
        ].join('\n'),
      },
      {
        path: 'web/server/fixture.server.ts',
        source: "import { createDb } from '../../db/database';\nexport const db = createDb;\n",
      },
      {
        path: 'matching/fixture.ts',
        source: "import { createHash } from 'node:crypto';\nexport const hash = createHash;\n",
      },
      {
        path: 'rules/fixture.ts',
        source:
          "import type { GreenhousePresence } from '../db/tables/people';\nexport type P = GreenhousePresence;\n",
      },
    ];
    for (const { path, source } of right) expect(await boundaryErrors(path, source), path).toEqual([]);
  });
});
