import type { Db } from '../db/database';
import { recordConnectionCheck } from '../db/queries/connection-checks';

export function connectionCheckActivities(db: Db) {
  return {
    async recordConnectionCheck(input: { workflowId: string; requestedBy: string }) {
      const check = await recordConnectionCheck(db, input);
      return { ...check, checkedAt: check.checkedAt.toISOString() };
    },
  };
}
