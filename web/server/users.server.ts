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
