// Signed-in browsers (app_session): the cookie carries only the session's id, the rest lives here.
import type { Db } from '../database';

export interface SessionRecord {
  userId: string | null;
  data: unknown;
  expiresAt: Date;
}

export async function createSession(db: Db, id: string, session: SessionRecord): Promise<void> {
  await db
    .insertInto('app_session')
    .values({
      id,
      user_id: session.userId,
      data: JSON.stringify(session.data),
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session's data, or null when there is none or it has expired. */
export async function liveSessionData(db: Db, id: string): Promise<unknown> {
  const row = await db
    .selectFrom('app_session')
    .select(['data', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || new Date(row.expires_at) < new Date()) return null;
  return row.data;
}

export async function updateSession(db: Db, id: string, session: SessionRecord): Promise<void> {
  await db
    .updateTable('app_session')
    .set({
      data: JSON.stringify(session.data),
      user_id: session.userId,
      expires_at: session.expiresAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('app_session').where('id', '=', id).execute();
}

/** Signs an account out everywhere, except the browser `keepSessionId` (its own, when it changed its password). */
export async function endSessionsOf(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  let sessions = db.deleteFrom('app_session').where('user_id', '=', userId);
  if (keepSessionId) sessions = sessions.where('id', '!=', keepSessionId);
  await sessions.execute();
}
