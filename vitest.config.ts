import { defineConfig } from 'vitest/config';

// Three projects: `unit` needs nothing but Node (pure logic, the sandbox in-process);
// `integration` gets one real PostgreSQL and one real Temporal dev server for the whole run.
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          // Unit, then integration, then browser: one group at a time, so a 2-core CI box runs one
          // set of real services under load at once.
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['test/setup/fail-on-console-error.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/global-services.ts'],
          setupFiles: ['test/setup/fail-on-console-error.ts', 'test/setup/quiet-temporal-runtime.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // The services are shared; files run one at a time so a slow CI box is not overcommitted.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          // A person's journeys through the real stack in Chromium (playwright-core, /usr/bin/chromium).
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/global-services.ts'],
          setupFiles: ['test/setup/fail-on-console-error.ts', 'test/setup/quiet-temporal-runtime.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
