import { recordAudit } from '../../db/queries/audit';
import type { PilothouseContext } from './load-context';

/** One line in the audit log that ops reads: who did what, to which job or person (the one recordAudit). */
export function audit(context: PilothouseContext, entry: Parameters<typeof recordAudit>[1]): Promise<void> {
  return recordAudit(context.db, entry);
}
