import { sql } from 'kysely';
import type { Db } from '../database';

/** Re-look-ups per job and cycle: each costs two or three Harvest requests of the account's 75 per 30 s. */
export const RELOOKUPS_PER_CYCLE = 25;

/**
 * People from uploads or outreach to look up in Greenhouse by email or LinkedIn this cycle: everyone never
 * looked up (up to 500), then — at most `relookups`, the longest unchecked first — those not found at a
 * look-up before `lookedUpBefore`, so someone added to Greenhouse since is linked to their record.
 * Someone known to be in Greenhouse (exported, or found before) needs no look-up.
 */
export async function peopleToLookUp(
  db: Db,
  jobId: number,
  { lookedUpBefore, relookups = RELOOKUPS_PER_CYCLE }: { lookedUpBefore: Date; relookups?: number },
) {
  const candidates = () =>
    db
      .selectFrom('job_person')
      .innerJoin('person', 'person.id', 'job_person.person_id')
      .select([
        'person.id',
        'person.emails',
        'person.linkedin_url',
        'person.first_name',
        'person.last_name',
        'person.company',
        'person.title',
      ])
      .where('job_person.job_id', '=', jobId)
      .where('job_person.source_kind', 'in', ['import', 'outreach'])
      .where(sql<boolean>`job_person.greenhouse->>'kind' = 'none'`);
  const never = await candidates()
    .where(sql<boolean>`not (job_person.greenhouse ? 'checkedAt')`)
    .limit(500)
    .execute();
  const again =
    relookups <= 0
      ? []
      : await candidates()
          .where(
            sql<boolean>`(job_person.greenhouse->>'checkedAt')::timestamptz < ${lookedUpBefore.toISOString()}::timestamptz`,
          )
          .orderBy(sql`(job_person.greenhouse->>'checkedAt')::timestamptz`)
          .limit(relookups)
          .execute();
  return [...never, ...again];
}
