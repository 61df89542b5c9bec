// In-app notifications (notification): approvals waiting, escalations, a rule's "Notify" — who gets each, and which
// are for a reader, how many are unread, and marking them read.
import type { Db } from '../database';
import { sql, type RawBuilder } from 'kysely';
import type { ResolvedApprover } from '../../rules';

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

/**
 * Whose notifications: an admin's (every one), or those of an account linked to a Greenhouse user (or to
 * none) that sees the jobs in `visibleJobIds` (null: every job) — the caller asks Greenhouse which.
 */
export type NotificationReader =
  | { everything: true }
  | { everything: false; greenhouseUserId: number | null; visibleJobIds: ReadonlySet<number> | null };

/**
 * For the reader: addressed to their Greenhouse user; to a hiring-team role on a job where their Greenhouse
 * user holds that role (job_hiring_team, from the job sync), or that nobody holds; or to every recruiter
 * on a job their Greenhouse access reaches. An account linked to no Greenhouse user gets every role's.
 * `table` is how the query names `notification`.
 */
function forReader(reader: NotificationReader, table = 'notification'): RawBuilder<boolean> {
  if (reader.everything) return sql<boolean>`true`;
  const { greenhouseUserId, visibleJobIds: visible } = reader;
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const mine =
    greenhouseUserId === null ? sql`false` : sql`${column('to_greenhouse_user_id')} = ${greenhouseUserId}`;
  const team =
    visible === null
      ? sql`true`
      : visible.size === 0
        ? sql`${column('job_id')} is null`
        : sql`(${column('job_id')} is null or ${column('job_id')} in (${sql.join([...visible])}))`;
  const holdersOfTheRole = (who: RawBuilder<unknown>) =>
    sql`exists (select 1 from job_hiring_team t where t.job_id = ${column('job_id')}
      and t.role = ${column('to_role')} and ${who})`;
  // A role nobody holds on the job goes to everyone the job's notices go to, as before hiring teams were
  // stored: a request for a role without a holder must still reach someone who can decide it. An account
  // linked to no Greenhouse user is on no team and gets every role's notices, as it may decide them.
  const toRole =
    greenhouseUserId === null
      ? team
      : sql`(${holdersOfTheRole(sql`t.greenhouse_user_id = ${greenhouseUserId}`)}
          or (not ${holdersOfTheRole(sql`true`)} and ${team}))`;
  return sql<boolean>`(${mine} or (${column('to_greenhouse_user_id')} is null and
    case when ${column('to_role')} is null then ${team} else ${toRole} end))`;
}

export async function unreadNotificationCountFor(db: Db, reader: NotificationReader): Promise<number> {
  const { n } = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('read_at', 'is', null)
    .where(forReader(reader))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The reader's last 100 notifications, newest first, with the job's name. */
export async function latestNotificationsFor(db: Db, reader: NotificationReader) {
  return db
    .selectFrom('notification as n')
    .leftJoin('job as j', 'j.id', 'n.job_id')
    .select([
      'n.id',
      'n.kind',
      'n.message',
      'n.link',
      'n.to_name',
      'n.read_at',
      'n.created_at',
      'n.job_id',
      'j.name as job_name',
    ])
    .where(forReader(reader, 'n'))
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();
}

/** Marks every unread notification of the reader read; how many that was. */
export async function markNotificationsRead(db: Db, reader: NotificationReader): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('read_at', 'is', null)
    .where(forReader(reader))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
