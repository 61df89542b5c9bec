import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import { setGreenhouseLookUpSchedule } from '../../../db/queries/app-settings';
import { peopleToLookUp } from '../../../db/queries/greenhouse-look-ups';
import { recordGreenhousePresence } from '../../../db/queries/greenhouse-presence';
import { addPersonToJob } from '../../../db/queries/people';
import { startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';

// Someone uploaded for a job is not in Greenhouse; a recruiter adds them to Greenhouse later. Pilothouse
// looks again once the admins' schedule has passed since the last look-up — and links them then, not before.
describe('people found outside Greenhouse, looked up again on a schedule', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('links someone created in Greenhouse after the upload at the first look-up after the schedule', async () => {
    const email = 'femi.adeyemi@example.org';
    const { personId } = await addPersonToJob(
      h.db,
      jobId,
      { firstName: 'Femi', lastName: 'Adeyemi', emails: [email], company: 'Kestrel Labs' },
      { kind: 'import' },
    );
    const source = () =>
      createActivities({ db: h.db, harvest: async () => h.harvest }).sourceCandidates({ jobId });
    const state = async () =>
      h.db
        .selectFrom('job_person as jp')
        .innerJoin('person as p', 'p.id', 'jp.person_id')
        .select(['jp.greenhouse', 'p.greenhouse_candidate_id'])
        .where('jp.job_id', '=', jobId)
        .where('jp.person_id', '=', personId)
        .executeTakeFirstOrThrow();
    /** As if the last look-up happened `hours` ago. */
    const lookedUpHoursAgo = async (hours: number) =>
      sql`update job_person set greenhouse = jsonb_set(greenhouse, '{checkedAt}', to_jsonb(${new Date(
        Date.now() - hours * 3_600_000,
      ).toISOString()}::text)) where job_id = ${jobId} and person_id = ${personId}`.execute(h.db);

    // First look-up: not in Greenhouse.
    await source();
    const first = await state();
    expect(first.greenhouse).toMatchObject({ kind: 'none', checkedAt: expect.any(String) });
    expect(first.greenhouse_candidate_id).toBeNull();

    // A recruiter adds them to Greenhouse by hand, on another job (on this one, the job's applicants
    // would bring them in at once).
    const otherJob = h.sandbox.runtime.state.jobs.find((j) => j.status === 'open' && j.id !== jobId)!;
    const { candidate } = await h.harvest.createCandidate({
      first_name: 'Femi',
      last_name: 'Adeyemi',
      email_addresses: [{ value: email, type: 'work' }],
      application: { job_id: otherJob.id },
    });

    // The next cycle within the day: not looked up again, not linked.
    await lookedUpHoursAgo(20);
    await source();
    expect((await state()).greenhouse_candidate_id).toBeNull();
    expect((await state()).greenhouse).toMatchObject({ kind: 'none' });

    // Weekly: a day and a half is not enough either.
    await setGreenhouseLookUpSchedule(h.db, 'weekly', 'ada@example.org');
    await lookedUpHoursAgo(36);
    await source();
    expect((await state()).greenhouse_candidate_id).toBeNull();

    // Back to daily: the look-up is due, and finds them by email.
    await setGreenhouseLookUpSchedule(h.db, 'daily', 'ada@example.org');
    const before = Date.now();
    const { lookedUp } = await source();
    expect(lookedUp).toBe(1);
    const linked = await state();
    expect(linked.greenhouse_candidate_id).toBe(candidate.id);
    expect(linked.greenhouse).toMatchObject({
      kind: 'applicant',
      candidateId: candidate.id,
      onThisJob: false,
    });
    expect(Date.parse((linked.greenhouse as { checkedAt?: string }).checkedAt ?? '')).toBeGreaterThanOrEqual(
      before - 1000,
    );

    // Found: never looked up again.
    await lookedUpHoursAgo(24 * 30);
    expect((await source()).lookedUp).toBe(0);
  });

  it('looks again at a few people per cycle, the longest unchecked first, after everyone never looked up', async () => {
    const person = async (firstName: string, daysAgo: number | null) => {
      const { personId } = await addPersonToJob(
        h.db,
        jobId,
        { firstName, lastName: 'Mensah', emails: [`${firstName.toLowerCase()}.mensah@example.org`] },
        { kind: 'outreach' },
      );
      if (daysAgo !== null)
        await recordGreenhousePresence(h.db, {
          jobId,
          personId,
          presence: { kind: 'none', checkedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() },
          standing: 'refresh',
        });
      return personId;
    };
    const threeDays = await person('Kwame', 3);
    const twoDays = await person('Abena', 2);
    await person('Yaw', 1.5);
    const never = await person('Esi', null);
    const due = await peopleToLookUp(h.db, jobId, {
      lookedUpBefore: new Date(Date.now() - 86_400_000),
      relookups: 2,
    });
    expect(due.map((p) => p.id)).toEqual([never, threeDays, twoDays]);
  });
});
