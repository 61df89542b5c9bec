// Which Greenhouse prospect pools a job sources from, besides its applicants and the prospects considered
// for it: chosen by an admin on the job screen, by pool name (the ids stay between Pilothouse and Greenhouse).
import {
  chooseProspectPools,
  prospectPoolsOfJob,
  type ChosenProspectPool,
} from '../../db/queries/job-prospect-pools';
import { greenhouseReferenceData, type GreenhouseReferenceData } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

export interface ProspectPoolChoice {
  chosen: ChosenProspectPool[];
  /** Every pool an admin may choose: Greenhouse's active pools, and any chosen pool Greenhouse no longer offers. */
  offered: { id: number; name: string; note: string | null }[];
  /** Why Greenhouse's pools are not listed, in words; null when they are. */
  unavailable: string | null;
}

/** The job's pools; with `offer`, also the pools Greenhouse offers (read through the five-minute memo). */
export async function prospectPoolChoice(
  context: PilothouseContext,
  jobId: number,
  { offer = true, waitMs = 3_000 }: { offer?: boolean; waitMs?: number } = {},
): Promise<ProspectPoolChoice> {
  if (!offer) return { chosen: await prospectPoolsOfJob(context.db, jobId), offered: [], unavailable: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<GreenhouseReferenceData>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          users: [],
          prospectPools: [],
          rejectionReasons: [],
          error: 'Greenhouse is slow to answer: its prospect pools show when the page is opened again.',
        }),
      waitMs,
    );
  });
  const [chosen, reference] = await Promise.all([
    prospectPoolsOfJob(context.db, jobId),
    // The list is a detail of the job screen: the page is not held up for it.
    Promise.race([greenhouseReferenceData(context), slow]).finally(() => clearTimeout(timer)),
  ]);
  const inGreenhouse = new Map(reference.prospectPools.map((pool) => [pool.id, pool]));
  const offered = reference.prospectPools
    .filter((pool) => pool.active || chosen.some((c) => c.id === pool.id))
    .map((pool) => ({ id: pool.id, name: pool.name, note: pool.active ? null : 'inactive in Greenhouse' }));
  for (const pool of chosen)
    if (!inGreenhouse.has(pool.id) && reference.error === null)
      offered.push({ id: pool.id, name: pool.name, note: 'no longer in Greenhouse' });
  if (reference.error !== null)
    for (const pool of chosen) offered.push({ id: pool.id, name: pool.name, note: null });
  return {
    chosen,
    offered: offered.sort((a, b) => a.name.localeCompare(b.name)),
    unavailable: reference.error,
  };
}

/**
 * Saves the admin's choice of pools: each must be one Greenhouse offers (or one the job already had),
 * so a pool is always stored with the name Greenhouse gives it.
 */
export async function saveProspectPoolChoice(
  context: PilothouseContext,
  input: { jobId: number; poolIds: number[]; by: string },
): Promise<{ ok: true; chosen: ChosenProspectPool[] } | { ok: false; message: string }> {
  const choice = await prospectPoolChoice(context, input.jobId);
  if (choice.unavailable !== null && input.poolIds.some((id) => !choice.chosen.some((c) => c.id === id)))
    return { ok: false, message: `The pools were not changed: ${choice.unavailable}` };
  const pools: ChosenProspectPool[] = [];
  for (const id of new Set(input.poolIds)) {
    const pool = choice.offered.find((p) => p.id === id);
    if (!pool)
      return {
        ok: false,
        message: 'One of those prospect pools is no longer in Greenhouse: reload the page and choose again.',
      };
    pools.push({ id: pool.id, name: pool.name });
  }
  await chooseProspectPools(context.db, { jobId: input.jobId, pools, by: input.by });
  return { ok: true, chosen: pools };
}
