import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { PIPELINE_PAGE_SIZE } from '../../../db/queries/pipeline-people';
import { jobPeople } from '../../../web/server/job-people.server';
import type { PilothouseContext } from '../../../web/server/load-context';
import { testDb } from '../../support/services';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB = 7_700_101;
const PEOPLE = 2 * PIPELINE_PAGE_SIZE + 30;

// A busy job: more people than one screen lists. Before, the job screen showed the best 300 and nothing
// said there were more; now it shows them a page at a time, and every person is on exactly one page.
describe('a job with more people than one page holds', () => {
  const db = testDb();
  const context = {
    db,
    env: parseEnv({ NODE_ENV: 'test', SESSION_SECRET: 'job-pages-test-secret-0123456789abcdef' }),
  } as unknown as PilothouseContext;

  beforeAll(async () => {
    await db.deleteFrom('job').where('id', '=', JOB).execute();
    await db.deleteFrom('person').where('last_name', '=', 'Paged').execute();
    await upsertSyncedJob(db, {
      id: JOB,
      name: 'Paged job',
      requisition_id: null,
      status: 'open',
      department_name: null,
      greenhouse_updated_at: null,
      deleted_at: null,
    });
    const people = await db
      .insertInto('person')
      .values(Array.from({ length: PEOPLE }, (_, i) => ({ first_name: `Page${i + 1}`, last_name: 'Paged' })))
      .returning('id')
      .execute();
    await db
      .insertInto('job_person')
      .values(
        people.map(({ id }, i) => ({
          job_id: JOB,
          person_id: id,
          source_kind: 'import' as const,
          pipeline_stage: i % 10 === 0 ? ('sourced' as const) : ('matched' as const),
          // Many equal scores, and a few not scored yet: ties must not put anyone on two pages or none.
          score: i % 10 === 0 ? null : 40 + (i % 7) * 5,
          greenhouse: JSON.stringify({ kind: 'none' }),
        })),
      )
      .execute();
  });

  afterAll(async () => {
    await db.deleteFrom('job').where('id', '=', JOB).execute();
    await db.deleteFrom('person').where('last_name', '=', 'Paged').execute();
    await db.destroy();
  });

  it('lists everyone once across the pages, best score first, and says how many there are', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++)
      pages.push(await jobPeople(context, JOB, { stage: null, q: '' }, page));

    expect(pages.map((p) => [p.page, p.pages, p.total, p.people.length])).toEqual([
      [1, 3, PEOPLE, PIPELINE_PAGE_SIZE],
      [2, 3, PEOPLE, PIPELINE_PAGE_SIZE],
      [3, 3, PEOPLE, 30],
    ]);
    const all = pages.flatMap((p) => p.people);
    expect(new Set(all.map((p) => p.personId)).size).toBe(PEOPLE);
    const scores = all.map((p) => p.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts what a tab or a search finds, not the whole job', async () => {
    const sourced = await jobPeople(context, JOB, { stage: 'sourced', q: '' });
    expect([sourced.total, sourced.pages, sourced.people.length]).toEqual([PEOPLE / 10, 1, PEOPLE / 10]);
    const searched = await jobPeople(context, JOB, { stage: null, q: 'Page23' }, 1);
    expect(searched.people.map((p) => p.name).sort()).toEqual(['Page23 Paged', 'Page230 Paged']);
    expect(searched.total).toBe(2);
  });

  it('shows the last page for a page past the end (an old link, or people who moved on meanwhile)', async () => {
    const past = await jobPeople(context, JOB, { stage: null, q: '' }, 9);
    expect([past.page, past.people.length]).toEqual([3, 30]);
  });
});
