import { describe, expect, it } from 'vitest';
import { notYetCreated, planWorkHistory } from '../../../activities/export/work-history';
import type { CandidateEmployment } from '../../../greenhouse';
import { workHistoryWords } from '../../../web/server/why.server';

// What of a person's past jobs becomes Greenhouse employments: Greenhouse needs a start date, Pilothouse
// knows years, and a missing end date means "works there now".
describe('a person’s work history as Greenhouse employments', () => {
  it('sends years as the first of January, and a current job without an end date', () => {
    const plan = planWorkHistory({
      title: 'Staff Engineer',
      company: 'Hooli',
      pastJobs: [
        { title: 'Staff Engineer', company: 'hooli ', startYear: 2022 },
        { title: 'Engineer', company: 'Initech', startYear: 2015, endYear: 2022 },
      ],
    });
    expect(plan.entries.map((e) => e.employment)).toEqual([
      { title: 'Staff Engineer', company_name: 'hooli', start_date: '2022-01-01' },
      { title: 'Engineer', company_name: 'Initech', start_date: '2015-01-01', end_date: '2022-01-01' },
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('invents no dates: without a start year, or with an end before the start, the entry is left out with why', () => {
    const plan = planWorkHistory({
      title: 'Designer',
      company: 'Acme',
      pastJobs: [
        { title: 'Intern', company: 'Acme' },
        { title: 'Clerk', company: 'Initech', startYear: 2020, endYear: 2018 },
        { title: 'Clerk', company: 'Globex', startYear: 2012 },
        { title: '', company: 'Globex', startYear: 2012, endYear: 2013 },
      ],
    });
    expect(plan.entries).toEqual([]);
    expect(plan.skipped).toEqual([
      { entry: 'past job 1 of 4', reason: 'no start year known' },
      { entry: 'past job 2 of 4', reason: 'its end year is not a year after its start' },
      {
        entry: 'past job 3 of 4',
        reason: 'no end year, and it is not their current job (Greenhouse would show it as current)',
      },
      { entry: 'past job 4 of 4', reason: 'no title or no company' },
      // Their current job is known only as a title and a company: no start, so not sent.
      {
        entry: 'current job',
        reason: 'no start year known (its title and company are on the candidate record)',
      },
    ]);
  });

  it('past jobs wait for the current job: Greenhouse would show the latest of them as where the person works now', () => {
    const withoutCurrent = planWorkHistory({
      title: 'Staff Engineer',
      company: 'Northwind',
      pastJobs: [
        { title: 'Senior Engineer', company: 'Contoso', startYear: 2018, endYear: 2022 },
        { title: 'Engineer', company: 'Fabrikam', startYear: 2014, endYear: 2018 },
      ],
    });
    expect(withoutCurrent.entries).toEqual([]);
    expect(withoutCurrent.skipped.map((s) => s.entry)).toEqual([
      'past job 1 of 2',
      'past job 2 of 2',
      'current job',
    ]);
    expect(withoutCurrent.skipped[0]!.reason).toMatch(/latest past job as their current one/);
    // With the current job and its start year, all three go, the current one without an end date.
    const withCurrent = planWorkHistory({
      title: 'Staff Engineer',
      company: 'Northwind',
      pastJobs: [
        { title: 'Staff Engineer', company: 'Northwind', startYear: 2022 },
        { title: 'Senior Engineer', company: 'Contoso', startYear: 2018, endYear: 2022 },
      ],
    });
    expect(withCurrent.entries.map((e) => e.employment.company_name)).toEqual(['Northwind', 'Contoso']);
    expect(withCurrent.skipped).toEqual([]);
    // Nobody's current job known: the past jobs are the whole story, and go.
    const noneCurrent = planWorkHistory({
      title: null,
      company: null,
      pastJobs: [{ title: 'Engineer', company: 'Fabrikam', startYear: 2014, endYear: 2018 }],
    });
    expect(noneCurrent.entries).toHaveLength(1);
  });

  it('a person with no past jobs and no current job has nothing to send and nothing to explain', () => {
    expect(planWorkHistory({ title: null, company: null, pastJobs: [] })).toEqual({
      entries: [],
      skipped: [],
    });
  });

  it('on a retry, each employment already in Greenhouse accounts for one entry, so twins still make two', () => {
    const { entries } = planWorkHistory({
      title: null,
      company: null,
      pastJobs: [
        { title: 'Barista', company: 'Blue Bottle', startYear: 2010, endYear: 2011 },
        { title: 'Barista', company: 'Blue Bottle', startYear: 2010, endYear: 2011 },
        { title: 'Engineer', company: 'Initech', startYear: 2012, endYear: 2014 },
      ],
    });
    const existing: CandidateEmployment[] = [
      {
        id: 1,
        candidate_id: 9,
        title: 'Barista',
        company_name: 'Blue Bottle',
        start_date: '2010-01-01',
        end_date: '2011-01-01',
        latest: false,
      },
    ];
    expect(notYetCreated(entries, existing).map((e) => e.entry)).toEqual([
      'past job 2 of 3',
      'past job 3 of 3',
    ]);
  });
});

describe('the Why? page’s words for the work history', () => {
  it('says what went, what Greenhouse refused, and what was left out — not the current job alone', () => {
    expect(
      workHistoryWords({
        planned: {
          employments: 2,
          skipped: [
            { entry: 'past job 3 of 3', reason: 'no start year known' },
            {
              entry: 'current job',
              reason: 'no start year known (its title and company are on the candidate record)',
            },
          ],
        },
        carried: {
          created: 1,
          alreadyThere: 0,
          skipped: [{ entry: 'past job 2 of 3', reason: 'Greenhouse refused it' }],
        },
      }),
    ).toBe(
      'Their work history went with them (1 job). 1 job not added: Greenhouse refused it. 1 job left out (no start year known)',
    );
    expect(
      workHistoryWords({
        planned: { employments: 0, skipped: [{ entry: 'current job', reason: 'no start year known' }] },
        carried: null,
      }),
    ).toBeNull();
    // Exports from before the work history was carried say nothing about it.
    expect(workHistoryWords({ planned: null, carried: null })).toBeNull();
  });
});
