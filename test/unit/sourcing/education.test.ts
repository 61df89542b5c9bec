import { describe, expect, it } from 'vitest';
import { parseEducation } from '../../../sourcing/education';
import { parsePeopleList } from '../../../sourcing/people-list';

const read = (text: string) => {
  const result = parseEducation(text);
  return result.ok ? result.education : result.problem;
};

describe('an education as a list writes it', () => {
  it('reads school, degree, discipline and years in the documented form', () => {
    expect(read('University of Waterloo — BSc, Computer Science (2010–2014)')).toEqual({
      school: 'University of Waterloo',
      degree: 'BSc',
      discipline: 'Computer Science',
      startYear: 2010,
      endYear: 2014,
    });
  });

  it('forgives the usual variations: other dashes, the school alone, one of degree or discipline, "in"', () => {
    expect(read('ETH Zürich')).toEqual({ school: 'ETH Zürich' });
    expect(read('MIT – PhD (2016-2021)')).toEqual({
      school: 'MIT',
      degree: 'PhD',
      startYear: 2016,
      endYear: 2021,
    });
    expect(read('MIT - Physics')).toEqual({ school: 'MIT', discipline: 'Physics' });
    expect(read("Stanford University — Master's Degree in Economics (2019 to 2021)")).toEqual({
      school: 'Stanford University',
      degree: "Master's Degree",
      discipline: 'Economics',
      startYear: 2019,
      endYear: 2021,
    });
    // A hyphen inside the school's name stays there when an en or em dash follows it.
    expect(read('University of Wisconsin - Madison — B.A., History')).toMatchObject({
      school: 'University of Wisconsin - Madison',
      degree: 'B.A.',
    });
    // A bracket without a year is part of the name.
    expect(read('Universidad Politécnica de Madrid (UPM)')).toEqual({
      school: 'Universidad Politécnica de Madrid (UPM)',
    });
  });

  it('reads a lone year as the year they finished, and "present" as still studying', () => {
    expect(read('Imperial College London — MSc (2018)')).toMatchObject({ endYear: 2018 });
    expect(read('Imperial College London — MSc (2018)')).not.toHaveProperty('startYear');
    expect(read('Delft University of Technology (–2012)')).toEqual({
      school: 'Delft University of Technology',
      endYear: 2012,
    });
    expect(read('KTH Royal Institute of Technology — PhD (2023–present)')).toEqual({
      school: 'KTH Royal Institute of Technology',
      degree: 'PhD',
      startYear: 2023,
    });
  });

  it('says what is wrong with an entry it cannot read', () => {
    expect(read('MIT — BSc (2018–2014)')).toBe('"(2018–2014)" is not years like (2014–2018)');
    expect(read('MIT — BSc (around 2014)')).toBe('"(around 2014)" is not years like (2014–2018)');
    expect(read('— BSc, Physics')).toBe('no school before the dash');
    expect(read('MIT — BSc, Physics, Minor in Art')).toBe(
      'more than a degree and a discipline after the dash',
    );
    expect(read('MIT — BSc, ')).toBe('an empty degree or discipline');
  });
});

describe('the "Education" column of an imported list', () => {
  it('reads each entry, separated by ";", and a JSON list may give objects', () => {
    const csv = parsePeopleList({
      fileName: 'list.csv',
      text: [
        'Name,Email,Education',
        'Ada Byron,ada@example.com,"University of Cambridge — BA, Mathematics (2010–2013); Imperial College London — PhD (2013–2017)"',
      ].join('\n'),
    });
    expect(csv.ok && csv.people[0]!.education).toEqual([
      {
        school: 'University of Cambridge',
        degree: 'BA',
        discipline: 'Mathematics',
        startYear: 2010,
        endYear: 2013,
      },
      { school: 'Imperial College London', degree: 'PhD', startYear: 2013, endYear: 2017 },
    ]);
    const json = parsePeopleList({
      fileName: 'list.json',
      text: JSON.stringify([
        {
          name: 'Theo M',
          email: 'theo@example.com',
          education: [
            { school: 'ETH Zürich', degree: 'MSc', discipline: 'Physics', startYear: 2015, endYear: 2017 },
            { school: 'Politecnico di Milano', endYear: 2014 },
          ],
        },
      ]),
    });
    expect(json.ok && json.people[0]!.education).toEqual([
      { school: 'ETH Zürich', degree: 'MSc', discipline: 'Physics', startYear: 2015, endYear: 2017 },
      { school: 'Politecnico di Milano', endYear: 2014 },
    ]);
  });

  it('refuses the list with the row, the column, the entry, what is wrong and how to write it', () => {
    const result = parsePeopleList({
      fileName: 'list.csv',
      text: 'Name,Email,Education\nAda Byron,ada@example.com,ETH Zürich (2015); MIT — BSc (2019-2015)\n',
    });
    expect(!result.ok && result.errors).toEqual([
      {
        row: 2,
        column: 'education',
        message:
          'Row 2: "MIT — BSc (2019-2015)" is not an education ("(2019-2015)" is not years like (2014–2018)): write each as "School — Degree, Discipline (2014–2018)", separated by ";".',
      },
    ]);
  });

  it('reads a megabyte-long cell at once', () => {
    const started = performance.now();
    const result = parsePeopleList({
      fileName: 'list.csv',
      text: `Name,Email,Education\nAda Byron,ada@example.com,MIT — ${'in '.repeat(300_000)}x\n`,
    });
    expect(!result.ok && result.errors[0]!.message).toContain('a name longer than 255 characters');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
