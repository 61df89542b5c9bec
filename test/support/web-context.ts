// What a web route's server code is handed, built from an autopilot harness: the real database, Temporal and
// Harvest sandbox the harness runs, so a test calls the web layer (deciding approvals, say) as a request would.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { parseEnv } from '../../config/env';
import { sandboxConnectionSettings } from '../../sandbox';
import type { AutopilotHarness } from './autopilot-harness';

export function webContextOf(h: AutopilotHarness) {
  return {
    env: parseEnv({
      DATABASE_URL: inject('databaseUrl'),
      ...sandboxConnectionSettings(h.sandbox),
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    }),
    db: h.db,
    temporal: h.client,
  };
}

/** Riley, an admin linked to no Greenhouse user: may decide any request on any job. */
export function anAdmin() {
  return {
    id: randomUUID(),
    email: 'riley@example.com',
    name: 'Riley',
    role: 'admin' as const,
    greenhouse_user_id: null,
  };
}
