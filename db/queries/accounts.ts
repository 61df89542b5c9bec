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
