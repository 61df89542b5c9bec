import { describe, expect, it } from 'vitest';
import { similarJobIds } from '../../../matching';

// Training learns, at half weight, from the outcomes of jobs with the same kind of title.

describe('similar jobs', () => {
  const jobs = [
    { id: 1, title: 'Senior Backend Engineer' },
    { id: 2, title: 'Backend Developer (Go)' },
    { id: 3, title: 'Sales Engineer' },
    { id: 4, title: 'Registered Nurse, ICU' },
    { id: 5, title: 'Chief Happiness Wrangler' },
  ];

  it('are the other jobs whose titles name the same work', () => {
    expect(similarJobIds(jobs[0]!, jobs)).toEqual([2]);
    expect(similarJobIds(jobs[3]!, jobs)).toEqual([]);
  });

  it('are none for a title the occupation table does not know: shared words are not the same work', () => {
    expect(similarJobIds(jobs[4]!, [...jobs, { id: 6, title: 'Chief Happiness Officer' }])).toEqual([]);
  });
});
