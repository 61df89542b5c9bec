// Pilothouse's own accounts (app_user): signing in, passwords, roles and Greenhouse links, and whom to ask
// about access.
import { sql } from 'kysely';
import type { Db } from '../database';
import type { UserRole } from '../tables/accounts';
import { endSessionsOf } from './sessions';

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

/** The account a session belongs to, unless it was disabled since. */
export async function activeAccount(db: Db, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'role', 'greenhouse_user_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function accountName(db: Db, userId: string) {
  return db.selectFrom('app_user').select(['id', 'name']).where('id', '=', userId).executeTakeFirst();
}

export async function markSignedIn(db: Db, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ last_sign_in_at: new Date() }).where('id', '=', userId).execute();
}

/** Every account, oldest first, for the Users screen. */
export async function listAccounts(db: Db) {
  return db
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

export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}

type NewAccount = {
  name: string;
  email: string;
  role: UserRole;
  passwordHash: string;
  greenhouseUserId: number | null;
};

function insertAccount(db: Db, account: NewAccount) {
  return db
    .insertInto('app_user')
    .values({
      name: account.name,
      email: account.email.toLowerCase(),
      role: account.role,
      password_hash: account.passwordHash,
      greenhouse_user_id: account.greenhouseUserId,
    })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow();
}

/** A new account; its email is unique in any letter case (EmailTakenError otherwise). */
export async function createAccount(db: Db, account: NewAccount) {
  try {
    return await insertAccount(db, account);
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new EmailTakenError(`${account.email} already has an account.`);
    throw error;
  }
}

/**
 * Makes the first administrator, unless an account exists: the check and the insert hold one
 * installation-wide advisory lock, so two setups sent at once make one admin, not two.
 * Null when someone was first.
 */
export async function createFirstAdminAccount(db: Db, account: Omit<NewAccount, 'role'>) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended('pilothouse:first-admin', 0))`.execute(trx);
    if (await anyAccountExists(trx)) return null;
    return insertAccount(trx, { ...account, role: 'admin' });
  });
}

/** Changes an account's role and Greenhouse link; null when the account does not exist. */
export async function changeAccountAccess(
  db: Db,
  userId: string,
  access: { role: UserRole; greenhouseUserId: number | null },
) {
  const changed = await db
    .updateTable('app_user')
    .set({ role: access.role, greenhouse_user_id: access.greenhouseUserId })
    .where('id', '=', userId)
    .returning(['id', 'name', 'role'])
    .executeTakeFirst();
  return changed ?? null;
}

/** A new password hash; the account's other sessions end with it (all of them without `keepSessionId`). */
export async function replacePasswordHash(
  db: Db,
  input: { userId: string; passwordHash: string; keepSessionId?: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: input.passwordHash })
      .where('id', '=', input.userId)
      .execute();
    await endSessionsOf(trx, input.userId, input.keepSessionId);
  });
}

/** Disables (and signs out everywhere) or enables an account. */
export async function setAccountDisabled(db: Db, userId: string, disabled: boolean) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ disabled_at: disabled ? new Date() : null })
      .where('id', '=', userId)
      .execute();
    if (disabled) await endSessionsOf(trx, userId);
  });
}
