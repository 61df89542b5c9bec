import { recordAudit } from '../../db/queries/audit';
import type { PilothouseContext } from './load-context';

/** One line in the audit log that ops reads: who did what, to which job or person. */
export async function audit(
  context: PilothouseContext,
  entry: Parameters<typeof recordAudit>[1],
): Promise<void> {
  await recordAudit(context.db, entry);
}
