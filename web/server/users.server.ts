import {
  changeAccountAccess,
  createAccount,
  createFirstAdminAccount,
  listAccounts,
  replacePasswordHash,
} from '../../db/queries/accounts';
import type { UserRole } from '../../db/tables/accounts';
import type { PilothouseContext } from './load-context';
import { hashPassword } from './passwords.server';

export { EmailTakenError } from '../../db/queries/accounts';

export async function createUser(
  context: PilothouseContext,
  input: { name: string; email: string; password: string; role: UserRole; greenhouseUserId: number | null },
) {
  return createAccount(context.db, { ...input, passwordHash: await hashPassword(input.password) });
}

export async function listUsers(context: PilothouseContext) {
  return listAccounts(context.db);
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
  return changeAccountAccess(context.db, userId, access);
}

/** Makes the first administrator unless someone was first (then null): see createFirstAdminAccount. */
export async function createFirstAdmin(
  context: PilothouseContext,
  input: { name: string; email: string; password: string },
) {
  return createFirstAdminAccount(context.db, {
    ...input,
    passwordHash: await hashPassword(input.password),
    greenhouseUserId: null,
  });
}

/** Sets a new password for an account (its own owner, or an admin resetting it). Signs out its other sessions. */
export async function setPassword(
  context: PilothouseContext,
  userId: string,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  await replacePasswordHash(context.db, {
    userId,
    passwordHash: await hashPassword(password),
    keepSessionId,
  });
}
