import { describe, expect, it } from 'vitest';
import { countsByTab, stagesOfTab, stageWords } from '../../../web/components/pipeline';

describe('the job screen’s pipeline tabs', () => {
  it('counts people no rule selected, whose approval expired or whom Greenhouse decided under "Not selected"', () => {
    expect(
      countsByTab([
        { stage: 'rejected', people: 2 },
        { stage: 'not_selected', people: 5 },
        { stage: 'approval_expired', people: 1 },
        { stage: 'decided_in_greenhouse', people: 3 },
        { stage: 'exported', people: 4 },
      ]),
    ).toEqual({
      sourced: 0,
      matched: 0,
      pending_approval: 0,
      approved: 0,
      rejected: 11,
      exported: 4,
      left_to_greenhouse: 0,
    });
  });

  it('counts applicants the rules left to Greenhouse\'s own review apart, not as "Not selected"', () => {
    expect(countsByTab([{ stage: 'left_to_greenhouse', people: 39 }])).toMatchObject({
      left_to_greenhouse: 39,
      rejected: 0,
    });
    expect(stageWords('left_to_greenhouse')).toBe("in Greenhouse's review");
  });

  it('lists the same people the tab counts', () => {
    expect(stagesOfTab('rejected').sort()).toEqual(
      ['approval_expired', 'decided_in_greenhouse', 'not_selected', 'rejected'].sort(),
    );
    expect(stagesOfTab('exported')).toEqual(['exported']);
  });

  it('names every stage a person can be in as a recruiter would, never by its stored key', () => {
    const stored = [
      ...new Set([
        ...[
          'sourced',
          'matched',
          'pending_approval',
          'approved',
          'exported',
          'left_to_greenhouse',
          'rejected',
        ].flatMap(stagesOfTab),
        'unreadable',
      ]),
    ];
    for (const stage of stored) expect(stageWords(stage), stage).not.toMatch(/_|greenhouse/);
    expect(stageWords('decided_in_greenhouse')).toBe('decided in Greenhouse');
    expect(stageWords('pending_approval')).toBe('awaiting approval');
  });
});
