import { describe, expect, it } from 'vitest';
import {
  degreeKind,
  dictionariesNeeded,
  findOption,
  notYetCreated,
  planEducation,
} from '../../../activities/export/education';
import type { CandidateEducation, CustomFieldOption } from '../../../greenhouse/schemas';

const option = (id: number, name: string, active = true): CustomFieldOption => ({
  id,
  custom_field_id: 1,
  name,
  active,
});
const schools = [option(1, 'ETH Zürich'), option(2, 'University of Waterloo'), option(3, 'Old Name', false)];
const degrees = [
  option(10, "Bachelor's Degree"),
  option(11, "Master's Degree"),
  option(12, 'Master of Business Administration (M.B.A.)'),
  option(13, 'Doctor of Philosophy (Ph.D.)'),
];
const disciplines = [option(20, 'Computer Science')];
const all = { school_name: schools, degree: degrees, discipline: disciplines };
const SCOPE = 'harvest:custom_field_options:list';

describe("matching a person's education to Greenhouse's lists", () => {
  it('compares names without case, spacing, accents, dots or apostrophes, and never picks an archived option', () => {
    expect(findOption('school', '  eth   zurich ', schools)?.id).toBe(1);
    expect(findOption('degree', 'bachelors degree', degrees)?.id).toBe(10);
    expect(findOption('school', 'Old Name', schools)).toBeUndefined();
    expect(findOption('school', 'Waterloo', schools)).toBeUndefined();
  });

  it('finds a degree by its kind when Greenhouse lists one of that kind: BSc, M.Sc., MBA, Ph.D.', () => {
    expect(findOption('degree', 'BSc', degrees)?.id).toBe(10);
    expect(findOption('degree', 'M.Sc.', degrees)?.id).toBe(11);
    expect(findOption('degree', 'MBA', degrees)?.id).toBe(12);
    expect(findOption('degree', 'Ph.D.', degrees)?.id).toBe(13);
    expect(degreeKind('Certificate in Cooking')).toBeUndefined();
    // Disciplines are matched by name only: "CS" is not guessed.
    expect(findOption('discipline', 'CS', disciplines)).toBeUndefined();
  });

  it('reads only the lists the entries need', () => {
    expect(dictionariesNeeded([{ school: 'MIT' }, { school: 'ETH', discipline: 'Physics' }])).toEqual([
      'school_name',
      'discipline',
    ]);
    expect(dictionariesNeeded([])).toEqual([]);
  });

  it('sends what Greenhouse knows, leaves out and names what it does not, and sends no entry with nothing known', () => {
    const plan = planEducation(
      [
        { school: 'ETH Zurich', degree: 'MSc', discipline: 'Alchemy', startYear: 2015, endYear: 2017 },
        { school: 'Unseen University' },
        { school: 'University of Waterloo', startYear: 2023 },
      ],
      all,
      SCOPE,
    );
    expect(plan).toEqual({
      entries: [
        {
          entry: 'education 1 of 3',
          body: {
            school_name_custom_field_option_id: 1,
            degree_custom_field_option_id: 11,
            start_date: '2015-01-01',
            end_date: '2017-01-01',
          },
          leftOut: ['discipline'],
        },
        {
          entry: 'education 3 of 3',
          body: { school_name_custom_field_option_id: 2, start_date: '2023-01-01' },
          leftOut: [],
        },
      ],
      skipped: [
        {
          entry: 'education 2 of 3',
          reason: "none of its school, degree or discipline is in Greenhouse's lists",
        },
      ],
    });
  });

  it('without the lists (no scope) sends nothing and says which scope', () => {
    const plan = planEducation([{ school: 'ETH Zürich' }], { school_name: null }, SCOPE);
    expect(plan.entries).toEqual([]);
    expect(plan.skipped[0]!.reason).toContain(SCOPE);
  });

  it('after a lost answer, counts each education already in Greenhouse against one entry', () => {
    const plan = planEducation(
      [
        { school: 'ETH Zürich', startYear: 2015, endYear: 2017 },
        { school: 'ETH Zürich', startYear: 2015, endYear: 2017 },
        { school: 'University of Waterloo', endYear: 2014 },
      ],
      all,
      SCOPE,
    );
    const existing: CandidateEducation = {
      id: 1,
      candidate_id: 9,
      school_name_custom_field_option_id: 1,
      degree_custom_field_option_id: null,
      discipline_custom_field_option_id: null,
      start_at: '2015-01-01T00:00:00.000Z',
      end_at: '2017-01-01T00:00:00.000Z',
    };
    expect(notYetCreated(plan.entries, [existing]).map((p) => p.entry)).toEqual([
      'education 2 of 3',
      'education 3 of 3',
    ]);
  });
});
