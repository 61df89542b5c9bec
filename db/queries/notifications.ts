// In-app notifications (notification): approvals waiting, escalations, a rule's "Notify".
import type { Kysely, Transaction } from 'kysely';
import type { ResolvedApprover } from '../../rules';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

function recipientOf(approver: ResolvedApprover | null) {
  if (!approver) return { to_greenhouse_user_id: null, to_role: null, to_name: 'Recruiters' };
  return approver.kind === 'user'
    ? { to_greenhouse_user_id: approver.userId, to_role: null, to_name: approver.name }
    : { to_greenhouse_user_id: null, to_role: approver.role, to_name: approver.name };
}

/**
 * An in-app notification for the approver (no approver: the recruiters). Once per `dedupeKey`, so a
 * retried activity does not notify twice.
 */
export async function addNotification(
  db: Db,
  values: {
    jobId: number;
    personId: string | null;
    approver: ResolvedApprover | null;
    kind: string;
    message: string;
    link: string | null;
    dedupeKey: string;
  },
): Promise<void> {
  await db
    .insertInto('notification')
    .values({
      job_id: values.jobId,
      person_id: values.personId,
      ...recipientOf(values.approver),
      kind: values.kind,
      message: values.message,
      link: values.link,
      dedupe_key: values.dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
