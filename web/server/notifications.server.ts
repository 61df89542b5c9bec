// In-app notifications for the signed-in user; which ones are theirs is decided in db/queries/notifications.
import {
  latestNotificationsFor,
  markNotificationsRead,
  unreadNotificationCountFor,
  type NotificationReader,
} from '../../db/queries/notifications';
import type { SignedInUser } from './auth.server';
import { visibleJobIds } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

/** Admins read every notification; anyone else those of the jobs their Greenhouse access reaches. */
async function readerOf(context: PilothouseContext, user: SignedInUser): Promise<NotificationReader> {
  if (user.role === 'admin') return { everything: true };
  return {
    everything: false,
    greenhouseUserId: user.greenhouse_user_id,
    visibleJobIds: await visibleJobIds(context, user),
  };
}

export async function unreadNotificationCount(
  context: PilothouseContext,
  user: SignedInUser,
): Promise<number> {
  return unreadNotificationCountFor(context.db, await readerOf(context, user));
}

export async function notificationsFor(context: PilothouseContext, user: SignedInUser) {
  const rows = await latestNotificationsFor(context.db, await readerOf(context, user));
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
  return markNotificationsRead(context.db, await readerOf(context, user));
}
