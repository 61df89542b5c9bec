import { sql } from 'kysely';
import type { Db } from '../database';

/** Where the last fully read window ended; `since` when nothing was read yet. */
export async function readWatermark(db: Db, scope: string, since = new Date(0)): Promise<Date> {
  const row = await db
    .selectFrom('sync_watermark')
    .select('watermark')
    .where('scope', '=', scope)
    .executeTakeFirst();
  return row ? new Date(row.watermark) : since;
}

/** Called only after the whole window was read: Greenhouse pages newest first, so stopping halfway would skip. */
export async function moveWatermark(db: Db, scope: string, to: Date): Promise<void> {
  await db
    .insertInto('sync_watermark')
    .values({ scope, watermark: to })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ watermark: to, updated_at: sql`now()` }))
    .execute();
}
