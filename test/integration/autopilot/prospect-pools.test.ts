import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities';
import { chooseProspectPools } from '../../../db/queries/job-prospect-pools';
import { startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';

// An admin chooses a Greenhouse prospect pool as a source for a job: the pool's prospects — people in the
// pool who are considered for no job — are sourced for it, and only once the pool is chosen.
describe('standalone prospect pools as a source', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const sourcedFor = async (candidateId: number) =>
    h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select(['jp.source_kind', 'jp.source_ref', 'jp.greenhouse'])
      .where('jp.job_id', '=', jobId)
      .where('p.greenhouse_candidate_id', '=', candidateId)
      .executeTakeFirst();

  it('sources a chosen pool’s prospect for the job, and not before it is chosen; another pool stays unread', async () => {
    const [silver, leaders] = await Promise.all(
      ['Silver Medalists', 'Future Engineering Leaders'].map(async (name) => {
        const pool = h.sandbox.runtime.state.prospect_pools.find((p) => p.name === name)!;
        return { id: pool.id, name: pool.name };
      }),
    );
    const inPool = async (firstName: string, poolId: number) =>
      (
        await h.harvest.createCandidate({
          first_name: firstName,
          last_name: 'Okafor',
          email_addresses: [{ value: `${firstName.toLowerCase()}.okafor@example.org`, type: 'personal' }],
          application: { prospect: true, prospect_pool_id: poolId },
        })
      ).candidate.id;
    const nkechi = await inPool('Nkechi', silver!.id);
    const chidi = await inPool('Chidi', leaders!.id);
    const source = () =>
      createActivities({ db: h.db, harvest: async () => h.harvest }).sourceCandidates({ jobId });

    // No pool chosen: the job's applicants and the prospects considered for it only.
    await source();
    expect(await sourcedFor(nkechi)).toBeUndefined();

    // The admin chooses Silver Medalists after the job's watermark moved: the pool is read whole once.
    await chooseProspectPools(h.db, { jobId, pools: [silver!], by: 'ada@example.org' });
    const { newPeople } = await source();
    expect(newPeople).toBeGreaterThanOrEqual(1);
    expect(await sourcedFor(nkechi)).toMatchObject({
      source_kind: 'prospect_pool',
      source_ref: expect.stringMatching(/^application:\d+$/),
      greenhouse: { kind: 'prospect', candidateId: nkechi, onThisJob: false },
    });
    expect(await sourcedFor(chidi)).toBeUndefined();

    // The next cycle reads the pool from its watermark: nobody is added twice.
    expect((await source()).newPeople).toBe(0);
    const rows = await h.db
      .selectFrom('job_person as jp')
      .innerJoin('person as p', 'p.id', 'jp.person_id')
      .select('jp.person_id')
      .where('jp.job_id', '=', jobId)
      .where('p.greenhouse_candidate_id', '=', nkechi)
      .execute();
    expect(rows).toHaveLength(1);

    // Someone added to the pool later is sourced at the next cycle.
    const amaka = await inPool('Amaka', silver!.id);
    expect((await source()).newPeople).toBe(1);
    expect(await sourcedFor(amaka)).toMatchObject({ source_kind: 'prospect_pool' });

    // Unchosen, the pool is not read; chosen again, it is read from where it stopped: who joined meanwhile comes.
    await chooseProspectPools(h.db, { jobId, pools: [], by: 'ada@example.org' });
    const obi = await inPool('Obi', silver!.id);
    await source();
    expect(await sourcedFor(obi)).toBeUndefined();
    await chooseProspectPools(h.db, { jobId, pools: [silver!], by: 'ada@example.org' });
    expect((await source()).newPeople).toBe(1);
    expect(await sourcedFor(obi)).toMatchObject({ source_kind: 'prospect_pool' });
  });
});
