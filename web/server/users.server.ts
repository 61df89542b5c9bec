import { sql } from 'kysely';
import type { UserRole } from '../../db/tables/accounts';
import type { PilothouseContext } from './load-context';
import { hashPassword } from './passwords.server';

export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}

export async function createUser(
  context: PilothouseContext,
  input: { name: string; email: string; password: string; role: UserRole; greenhouseUserId: number | null },
) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await context.db
      .insertInto('app_user')
      .values({
        name: input.name,
        email: input.email.toLowerCase(),
        role: input.role,
        password_hash: passwordHash,
        greenhouse_user_id: input.greenhouseUserId,
      })
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirstOrThrow();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new EmailTakenError(`${input.email} already has an account.`);
    throw error;
  }
}

export async function listUsers(context: PilothouseContext) {
  return context.db
    .selectFrom('app_user')
    .select([
      'id',
      'name',
      'email',
      'role',
      'greenhouse_user_id',
      'disabled_at',
      'last_sign_in_at',
      'created_at',
    ])
    .orderBy('created_at')
    .execute();
}

/**
 * The Greenhouse user to link a new account to when the admin picked none: the active one with the
 * same email, if exactly one has it. Admins can change the link afterwards.
 */
export function greenhouseUserByEmail(
  users: readonly { id: number; email: string | null; disabled: boolean }[],
  email: string,
): number | null {
  const wanted = email.trim().toLowerCase();
  if (!wanted) return null;
  const same = users.filter((u) => !u.disabled && (u.email ?? '').trim().toLowerCase() === wanted);
  return same.length === 1 ? same[0]!.id : null;
}

/**
 * Changes what an account may do: its role and the Greenhouse user whose job access it follows. Every
 * request reads the account afresh, so the change holds from the account's next click.
 */
export async function changeAccess(
  context: PilothouseContext,
  userId: string,
  access: { role: UserRole; greenhouseUserId: number | null },
) {
  const changed = await context.db
    .updateTable('app_user')
    .set({ role: access.role, greenhouse_user_id: access.greenhouseUserId })
    .where('id', '=', userId)
    .returning(['id', 'name', 'role'])
    .executeTakeFirst();
  return changed ?? null;
}

/**
 * Makes the first administrator, unless an account exists: the check and the insert hold one
 * installation-wide advisory lock, so two setups sent at once make one admin, not two.
 * Null when someone was first.
 */
export async function createFirstAdmin(
  context: PilothouseContext,
  input: { name: string; email: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return context.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended('pilothouse:first-admin', 0))`.execute(trx);
    const existing = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    if (existing) return null;
    return trx
      .insertInto('app_user')
      .values({
        name: input.name,
        email: input.email.toLowerCase(),
        role: 'admin',
        password_hash: passwordHash,
        greenhouse_user_id: null,
      })
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirstOrThrow();
  });
}

/** Sets a new password for an account (its own owner, or an admin resetting it). Signs out its other sessions. */
export async function setPassword(
  context: PilothouseContext,
  userId: string,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    let sessions = trx.deleteFrom('app_session').where('user_id', '=', userId);
    if (keepSessionId) sessions = sessions.where('id', '!=', keepSessionId);
    await sessions.execute();
  });
}
