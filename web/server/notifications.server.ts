// In-app notifications (rows the autopilot's "Notify" and approval requests/escalations write): which are
// for this user, how many are unread, and marking them read.
import { sql, type RawBuilder } from 'kysely';
import type { SignedInUser } from './auth.server';
import { visibleJobIds } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

/**
 * For the user: addressed to their Greenhouse user; to a hiring-team role on a job where their Greenhouse
 * user holds that role (job_hiring_team, from the job sync), or that nobody holds; or to every recruiter
 * on a job their Greenhouse access reaches. Admins see every notification; an account linked to no
 * Greenhouse user every role's. `table` is how the query names `notification`.
 */
async function forUser(
  context: PilothouseContext,
  user: SignedInUser,
  table = 'notification',
): Promise<RawBuilder<boolean>> {
  if (user.role === 'admin') return sql<boolean>`true`;
  const visible = await visibleJobIds(context, user);
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const mine =
    user.greenhouse_user_id === null
      ? sql`false`
      : sql`${column('to_greenhouse_user_id')} = ${user.greenhouse_user_id}`;
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
    user.greenhouse_user_id === null
      ? team
      : sql`(${holdersOfTheRole(sql`t.greenhouse_user_id = ${user.greenhouse_user_id}`)}
          or (not ${holdersOfTheRole(sql`true`)} and ${team}))`;
  return sql<boolean>`(${mine} or (${column('to_greenhouse_user_id')} is null and
    case when ${column('to_role')} is null then ${team} else ${toRole} end))`;
}

export async function unreadNotificationCount(
  context: PilothouseContext,
  user: SignedInUser,
): Promise<number> {
  const { n } = await context.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('read_at', 'is', null)
    .where(await forUser(context, user))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function notificationsFor(context: PilothouseContext, user: SignedInUser) {
  const rows = await context.db
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
    .where(await forUser(context, user, 'n'))
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    message: r.message,
    link: r.link,
    to: r.to_name,
    unread: r.read_at === null,
    at: new Date(r.created_at).toISOString(),
    jobId: r.job_id === null ? null : Number(r.job_id),
    jobName: r.job_name,
  }));
}

/** Marks every notification for this user read (the page's one button). */
export async function markAllRead(context: PilothouseContext, user: SignedInUser): Promise<number> {
  const result = await context.db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('read_at', 'is', null)
    .where(await forUser(context, user))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
