import type { Client } from '@temporalio/client';
import type { Env } from '../../config/env';
import type { Db } from '../../db/database';
import { workflowClient } from '../../temporal/client';

// Services are created once per web process and handed to every loader and action —
// never a new database pool or Temporal client per request.
// A type alias (not an interface) so it fits AppLoadContext's index signature.
export type PilothouseContext = {
  env: Env;
  db: Db;
  temporal: Client;
  /** The caller's address as Express saw it (for sign-in throttling); absent outside HTTP. */
  clientAddress?: string;
  /** This response's Content-Security-Policy nonce, for React Router's inline scripts. */
  cspNonce?: string;
};

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation needs the interface form
  interface AppLoadContext extends PilothouseContext {}
}

/** Pilothouse's workflows, through the context's one Temporal client (temporal/client.ts). */
export const workflowsOf = (context: Pick<PilothouseContext, 'temporal' | 'env'>) =>
  workflowClient(context.temporal, context.env.TEMPORAL_TASK_QUEUE);
