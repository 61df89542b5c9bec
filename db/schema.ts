import type { AuditEventTable } from './tables/audit-event';
import type { ConnectionCheckTable } from './tables/connection-check';

// The whole database as Kysely sees it: one line per table, its type in db/tables/.
export interface Database {
  connection_check: ConnectionCheckTable;
  audit_event: AuditEventTable;
}
