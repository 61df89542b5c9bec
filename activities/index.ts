import type { Db } from '../db/database';
import { connectionCheckActivities } from './connection-check';

export interface ActivityDeps {
  db: Db;
}

/** All activities, bound to their dependencies once per worker. Workflows import only this type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...connectionCheckActivities(deps.db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
