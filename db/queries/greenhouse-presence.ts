import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { GreenhousePresence, GreenhouseStanding } from '../tables/people';

/** The stage and status a presence record says the person stands at, or null when not in Greenhouse. */
export function standingOf(presence: GreenhousePresence): GreenhouseStanding | null {
  if (presence.kind === 'none') return null;
  return { stageId: presence.stageId ?? null, status: presence.status ?? null };
}

export function sameStanding(a: GreenhouseStanding | null, b: GreenhouseStanding | null): boolean {
  return (a?.stageId ?? null) === (b?.stageId ?? null) && (a?.status ?? null) === (b?.status ?? null);
}

/**
 * Writes what Greenhouse says about a person on a job. `standing` says whether this is Pilothouse acting on
 * where they stand (`'acted-on'`: their Greenhouse-change flows ran, or Pilothouse made the change — the
 * record's stage and status, or the change's own, become the standing the re-read compares with) or only a
 * refresh of what is shown (`'refresh'`: the standing is set only for someone it was never set for, so a
 * change seen first by a refresh is still found by the tracking step).
 */
export async function recordGreenhousePresence(
  db: Kysely<Database> | Transaction<Database>,
  input: {
    jobId: number;
    personId: string;
    /** `checkedAt`: when uploaded or outreach people were last looked up in Greenhouse. */
    presence: GreenhousePresence & { checkedAt?: string };
    standing: 'refresh' | { actedOn: GreenhouseStanding | null };
    lastActivityAt?: string | null;
  },
): Promise<void> {
  const standing =
    input.standing === 'refresh' ? standingOf(input.presence) : (input.standing.actedOn ?? null);
  const standingJson = standing === null ? null : JSON.stringify(standing);
  await db
    .updateTable('job_person')
    .set({
      greenhouse: JSON.stringify(input.presence),
      greenhouse_standing:
        input.standing === 'refresh'
          ? sql`coalesce(greenhouse_standing, ${standingJson}::jsonb)`
          : standingJson,
      ...(input.lastActivityAt !== undefined ? { last_activity_at: input.lastActivityAt } : {}),
      updated_at: sql`now()`,
    })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .execute();
}

/** Where the person stood in Greenhouse when Pilothouse last acted on it. */
export async function greenhouseStandingOf(
  db: Kysely<Database> | Transaction<Database>,
  jobId: number,
  personId: string,
): Promise<GreenhouseStanding | null> {
  const row = await db
    .selectFrom('job_person')
    .select('greenhouse_standing')
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.greenhouse_standing ?? null;
}
