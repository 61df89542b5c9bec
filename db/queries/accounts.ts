// Pilothouse's own accounts (app_user): signing in, passwords, and whom to ask about access.
import type { Db } from '../database';

/**
 * The names of the admins who can still sign in: whom to ask to link an account or change its role.
 * (`Db` is a transaction too: Kysely's Transaction is a Kysely.)
 */
export async function activeAdminNames(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('name')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** Whether anyone has an account yet: with none, the first visitor is sent to set up the first admin. */
export async function anyAccountExists(db: Db): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The account signing in with this email, in any letter case. */
export async function accountForSignIn(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
}

export async function passwordHashOf(db: Db, userId: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

/**
 * Replaces a password hash with a stronger one of the same password. Only if it is still the hash that was
 * checked: a password changed meanwhile is not overwritten with the old one.
 */
export async function upgradePasswordHash(
  db: Db,
  input: { userId: string; checked: string; stronger: string },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: input.stronger })
    .where('id', '=', input.userId)
    .where('password_hash', '=', input.checked)
    .execute();
}
