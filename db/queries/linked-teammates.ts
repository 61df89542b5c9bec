import type { Db } from '../database';

/**
 * The names of Pilothouse teammates linked to Greenhouse users, by Greenhouse user id: a recruiter on a
 * person's application is named even when Greenhouse's user list cannot be read right now.
 */
export async function teammateNamesByGreenhouseUser(db: Db): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('app_user')
    .select(['greenhouse_user_id', 'name'])
    .where('greenhouse_user_id', 'is not', null)
    .where('disabled_at', 'is', null)
    .execute();
  return new Map(rows.map((row) => [Number(row.greenhouse_user_id), row.name]));
}
