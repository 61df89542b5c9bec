import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import { latestJobProfile } from '../../../db/queries/job-profiles';
import {
  startAutopilotHarness,
  syncedBusiestJob,
  type AutopilotHarness,
} from '../../support/autopilot-harness';

// A cycle trains the job's profile before it scores. Training reads every outcome's resume, so a worker
// skips it when what it would read is what it read last time over the profile it made then; anything
// else (another outcome, another stored profile) trains again, as before.
describe("training a job's profile cycle after cycle", () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness({ candidates: 300, seed: 1 });
    jobId = await syncedBusiestJob(h);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const storedVersions = async () =>
    (await h.db.selectFrom('job_profile').select('version').where('job_id', '=', jobId).execute()).map(
      (row) => row.version,
    );

  it('keeps the version while nothing changed, and trains a new one when an outcome arrives', async () => {
    const worker = createActivities({ db: h.db, harvest: async () => h.harvest });
    await worker.sourceCandidates({ jobId });
    const first = await worker.trainJobProfile({ jobId });
    expect(first.changed).toBe(true);

    // The next cycles: same outcomes, same profile.
    expect(await worker.trainJobProfile({ jobId })).toEqual({
      profileVersion: first.profileVersion,
      changed: false,
    });
    expect(await worker.trainJobProfile({ jobId })).toEqual({
      profileVersion: first.profileVersion,
      changed: false,
    });
    // Another worker (or this one after a restart) trains and finds the same profile.
    const other = createActivities({ db: h.db, harvest: async () => h.harvest });
    expect(await other.trainJobProfile({ jobId })).toEqual({
      profileVersion: first.profileVersion,
      changed: false,
    });

    // Someone with a resume is hired in Greenhouse: an outcome the profile has not learnt from.
    const [hired] = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select('jp.person_id')
      .where('jp.job_id', '=', jobId)
      .where('p.resume_text', 'is not', null)
      .where(sql<boolean>`coalesce(jp.greenhouse->>'status', '') not in ('hired', 'rejected')`)
      .limit(1)
      .execute();
    await h.db
      .updateTable('job_person')
      .set({ greenhouse: sql`jsonb_set(greenhouse, '{status}', '"hired"')` })
      .where('job_id', '=', jobId)
      .where('person_id', '=', hired!.person_id)
      .execute();
    const retrained = await worker.trainJobProfile({ jobId });
    expect(retrained).toEqual({ profileVersion: first.profileVersion + 1, changed: true });
    expect(await other.trainJobProfile({ jobId })).toEqual({
      profileVersion: retrained.profileVersion,
      changed: false,
    });
    expect(await storedVersions()).toEqual(
      expect.arrayContaining([first.profileVersion, retrained.profileVersion]),
    );
  });

  it('learns, at half weight, from whom Greenhouse hired for another job with the same kind of title', async () => {
    const worker = createActivities({ db: h.db, harvest: async () => h.harvest });
    await worker.trainJobProfile({ jobId });
    const considered = async () =>
      (await latestJobProfile(h.db, jobId))!.profile.trainedFrom.outcomesConsidered;
    const before = await considered();

    // Last year's req for the same work, closed, with four people Greenhouse hired there.
    const { name } = await h.db
      .selectFrom('job')
      .select('name')
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    const otherJob = jobId + 900_000;
    await sql`insert into job (id, name, status, office_names) values (${otherJob}, ${`${name} (2024 team)`}, 'closed', '[]'::jsonb)`.execute(
      h.db,
    );
    // Four people with a resume from this job's pool: their rows on the other job are outcomes of their own,
    // counted beside whatever their application here is (how many here have no outcome yet varies with the
    // sandbox's clock, so the scenario does not depend on it).
    const hires = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select('p.id')
      .where('jp.job_id', '=', jobId)
      .where('p.resume_text', 'is not', null)
      .orderBy('p.id')
      .limit(4)
      .execute();
    expect(hires).toHaveLength(4);
    for (const [i, hire] of hires.entries()) {
      const presence = { kind: 'applicant', candidateId: 800_000 + i, onThisJob: true, status: 'hired' };
      await sql`insert into job_person (job_id, person_id, source_kind, greenhouse) values (${otherJob}, ${hire.id}, 'inbound', ${JSON.stringify(presence)}::jsonb)`.execute(
        h.db,
      );
    }

    // Half-weight outcomes may or may not move a weight far enough for a new version; to read what training
    // considered either way, it trains over no stored profile.
    const trainAfresh = async () => {
      await h.db.deleteFrom('job_profile').where('job_id', '=', jobId).execute();
      return worker.trainJobProfile({ jobId });
    };
    const retrained = await trainAfresh();
    expect(retrained.changed).toBe(true);
    expect(await considered()).toBe(before + 4);

    // A job of another kind of work teaches it nothing.
    await sql`update job set name = 'Chief Happiness Wrangler' where id = ${otherJob}`.execute(h.db);
    await trainAfresh();
    expect(await considered()).toBe(before);
  });
});
