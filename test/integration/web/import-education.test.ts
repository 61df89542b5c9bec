// A recruiter's uploaded list carries each person's education into Pilothouse, where an export sends it to
// Greenhouse as candidate educations (test/integration/autopilot/export-education.test.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { importPeopleList } from '../../../db/queries/sourcing';
import { parsePeopleList } from '../../../sourcing/people-list';
import { testDb } from '../../support/services';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_202;

describe('an uploaded list with an "Education" column', () => {
  let db: Db;

  beforeAll(async () => {
    db = testDb();
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Education Engineer', status: 'open' });
  });

  afterAll(async () => {
    await sql`delete from person where id in (select person_id from job_person where job_id = ${JOB_ID})`.execute(
      db,
    );
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await db.destroy();
  });

  it('stores each person’s schools, degrees, disciplines and years as written', async () => {
    const parsed = parsePeopleList({
      fileName: 'alumni.csv',
      text: 'Name,Email,Education\nGrace Hopper,grace.education@example.org,"Yale University — PhD, Mathematics (1930–1934); Vassar College — BA (1928)"\n',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importPeopleList(db, {
      jobId: JOB_ID,
      fileName: 'alumni.csv',
      people: parsed.people,
      by: 'rita@example.com',
      visibleJobIds: null,
    });
    const person = await db
      .selectFrom('person')
      .innerJoin('job_person', 'job_person.person_id', 'person.id')
      .select('person.education')
      .where('job_person.job_id', '=', JOB_ID)
      .executeTakeFirstOrThrow();
    expect(person.education).toEqual([
      { school: 'Yale University', degree: 'PhD', discipline: 'Mathematics', startYear: 1930, endYear: 1934 },
      { school: 'Vassar College', degree: 'BA', endYear: 1928 },
    ]);
  });
});
