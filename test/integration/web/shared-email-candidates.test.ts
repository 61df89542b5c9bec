import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertSyncedJob } from '../../../db/queries/jobs';
import { addPersonToJob } from '../../../db/queries/people';
import { testDb } from '../../support/services';

const SALES = 7_700_401;
const STORE = 7_700_402;
const shared = 'shared.inbox.7700@example.org';

// Greenhouse lets two candidates share an email (a family address, a typo, a recycled work inbox). The demo
// account has such pairs: a senior account executive and a retail store associate with one address. Pilothouse
// made them one person — the account executive's name with the store associate's LinkedIn, application and
// job — and the store associate vanished from every screen. Two candidates stay two people; a person nobody
// linked to Greenhouse yet is still found by email and linked.
describe('two Greenhouse candidates who share an email', () => {
  const db = testDb();

  beforeAll(async () => {
    await cleanUp();
    for (const [id, name] of [
      [SALES, 'Account Executive, shared email'],
      [STORE, 'Store Associate, shared email'],
    ] as const) {
      await upsertSyncedJob(db, {
        id,
        name,
        requisition_id: null,
        status: 'open',
        department_name: null,
        greenhouse_updated_at: null,
        deleted_at: null,
      });
    }
  });

  afterAll(async () => {
    await cleanUp();
    await db.destroy();
  });

  async function cleanUp() {
    await db.deleteFrom('job').where('id', 'in', [SALES, STORE]).execute();
    await db.deleteFrom('person').where('last_name', 'in', ['Sharedmail', 'Importee']).execute();
  }

  it('stay two people, each with their own details and their own job', async () => {
    const daniel = await addPersonToJob(
      db,
      SALES,
      { firstName: 'Daniel', lastName: 'Sharedmail', emails: [shared], greenhouseCandidateId: 990_221 },
      { kind: 'inbound' },
    );
    const lars = await addPersonToJob(
      db,
      STORE,
      {
        firstName: 'Lars',
        lastName: 'Sharedmail',
        emails: [shared.toUpperCase()],
        linkedinUrl: 'linkedin.com/in/lars-sharedmail-5505',
        greenhouseCandidateId: 990_103,
      },
      { kind: 'inbound' },
    );
    expect(lars.personId).not.toBe(daniel.personId);

    const people = await db
      .selectFrom('person')
      .select(['id', 'first_name', 'linkedin_url', 'greenhouse_candidate_id'])
      .where('last_name', '=', 'Sharedmail')
      .orderBy('first_name')
      .execute();
    expect(people.map((p) => [p.first_name, p.linkedin_url, Number(p.greenhouse_candidate_id)])).toEqual([
      ['Daniel', null, 990_221],
      ['Lars', 'linkedin.com/in/lars-sharedmail-5505', 990_103],
    ]);
    const jobs = await db
      .selectFrom('job_person')
      .select(['person_id', 'job_id'])
      .where('person_id', 'in', [daniel.personId, lars.personId])
      .execute();
    expect(
      jobs.map((j) => [j.person_id === daniel.personId ? 'Daniel' : 'Lars', Number(j.job_id)]).sort(),
    ).toEqual([
      ['Daniel', SALES],
      ['Lars', STORE],
    ]);

    // The next sync of either finds the same person again, not the other.
    const again = await addPersonToJob(
      db,
      STORE,
      { firstName: 'Lars', lastName: 'Sharedmail', emails: [shared], greenhouseCandidateId: 990_103 },
      { kind: 'inbound' },
    );
    expect(again).toEqual({ personId: lars.personId, addedToJob: false });
  });

  it('links a person imported before Greenhouse knew them to the candidate with their email', async () => {
    const imported = await addPersonToJob(
      db,
      SALES,
      { firstName: 'Ima', lastName: 'Importee', emails: ['ima.importee.7700@example.org'] },
      { kind: 'import' },
    );
    const synced = await addPersonToJob(
      db,
      SALES,
      {
        firstName: 'Ima',
        lastName: 'Importee',
        emails: ['ima.importee.7700@example.org'],
        greenhouseCandidateId: 990_300,
      },
      { kind: 'inbound' },
    );
    expect(synced.personId).toBe(imported.personId);
    const row = await db
      .selectFrom('person')
      .select('greenhouse_candidate_id')
      .where('id', '=', imported.personId)
      .executeTakeFirstOrThrow();
    expect(Number(row.greenhouse_candidate_id)).toBe(990_300);
  });
});
