// A recruiter's uploaded list carries each person's past jobs into Pilothouse, where an export sends them
// to Greenhouse as employments (test/integration/autopilot/export-work-history.test.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { importPeopleList } from '../../../db/queries/sourcing';
import { parsePeopleList } from '../../../sourcing/people-list';
import { testDb } from '../../support/services';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_201;

describe('an uploaded list with a "Past jobs" column', () => {
  let db: Db;

  beforeAll(async () => {
    db = testDb();
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Past Jobs Engineer', status: 'open' });
  });

  afterAll(async () => {
    await sql`delete from person where id in (select person_id from job_person where job_id = ${JOB_ID})`.execute(
      db,
    );
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await db.destroy();
  });

  it('stores each person’s past jobs with the years given', async () => {
    const parsed = parsePeopleList({
      fileName: 'meetup.csv',
      text: 'Name,Email,Past jobs\nGrace Hopper,grace.pastjobs@example.org,"Rear Admiral at US Navy (1967–1986); Programmer at Eckert-Mauchly (1949-1950)"\n',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importPeopleList(db, {
      jobId: JOB_ID,
      fileName: 'meetup.csv',
      people: parsed.people,
      by: 'rita@example.com',
      visibleJobIds: null,
    });
    const person = await db
      .selectFrom('person')
      .innerJoin('job_person', 'job_person.person_id', 'person.id')
      .select('person.past_jobs')
      .where('job_person.job_id', '=', JOB_ID)
      .executeTakeFirstOrThrow();
    expect(person.past_jobs).toEqual([
      { title: 'Rear Admiral', company: 'US Navy', startYear: 1967, endYear: 1986 },
      { title: 'Programmer', company: 'Eckert-Mauchly', startYear: 1949, endYear: 1950 },
    ]);
  });
});
