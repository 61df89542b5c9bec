import type { Db } from '../database';

export interface ChosenProspectPool {
  id: number;
  name: string;
}

/**
 * Where the source step's reading of one pool for one job got to (a sync_watermark scope). It moves only
 * while the pool is chosen, so a pool chosen again is read from where it stopped: who joined meanwhile comes.
 */
export function prospectPoolWatermark(jobId: number, poolId: number): string {
  return `job:${jobId}:prospect-pool:${poolId}`;
}

/** The Greenhouse prospect pools an admin chose as sources for the job, by name. */
export async function prospectPoolsOfJob(db: Db, jobId: number): Promise<ChosenProspectPool[]> {
  const rows = await db
    .selectFrom('job_prospect_pool')
    .select(['prospect_pool_id', 'pool_name'])
    .where('job_id', '=', jobId)
    .orderBy('pool_name')
    .execute();
  return rows.map((row) => ({ id: row.prospect_pool_id, name: row.pool_name }));
}

/** Replaces the job's chosen pools with `pools` (none: the job sources from no standalone pool). */
export async function chooseProspectPools(
  db: Db,
  input: { jobId: number; pools: ChosenProspectPool[]; by: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('job_prospect_pool').where('job_id', '=', input.jobId).execute();
    if (input.pools.length === 0) return;
    await trx
      .insertInto('job_prospect_pool')
      .values(
        input.pools.map((pool) => ({
          job_id: input.jobId,
          prospect_pool_id: pool.id,
          pool_name: pool.name,
          chosen_by: input.by,
        })),
      )
      .execute();
  });
}
