import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../sourcing/csv';
import { parsePeopleList, PEOPLE_LIST_LIMITS, readPeopleList } from '../../../sourcing/people-list';
import { quoteCsv } from '../../fixtures/pathological-inputs';

describe('reading CSV as spreadsheets export it', () => {
  it('keeps quoted commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const records = parseCsv(
      '\uFEFFName,Resume text\r\n"Okafor, Ada","Said ""ship it""\non line two"\r\n\r\nTheo,SRE\n',
    );
    expect(records).toEqual([
      { line: 1, cells: ['Name', 'Resume text'] },
      { line: 2, cells: ['Okafor, Ada', 'Said "ship it"\non line two'] },
      { line: 5, cells: ['Theo', 'SRE'] },
    ]);
  });

  it('reads semicolon-separated files (European spreadsheet exports)', () => {
    expect(parseCsv('Name;Email\nAda;ada@example.com').map((r) => r.cells)).toEqual([
      ['Name', 'Email'],
      ['Ada', 'ada@example.com'],
    ]);
  });

  it('reads a cell of 400 000 quotes (the hand-written parser took about a minute over it)', () => {
    const result = parsePeopleList({ fileName: 'list.csv', text: quoteCsv() });
    expect(result).toMatchObject({
      ok: true,
      people: [{ row: 2, firstName: 'Quinn', emails: ['quinn@example.org'] }],
    });
  });

  it('reads a large list a chunk at a time, so the web app answers other requests meanwhile', async () => {
    const text = `Name,Email,Skills\n${Array.from({ length: 2_000 }, (_, i) => `Person ${i},p${i}@example.org,${'Kubernetes Go '.repeat(40)}`).join('\n')}\n`;
    let turns = 0;
    let reading = true;
    const otherRequest = () => {
      turns += 1;
      if (reading) setImmediate(otherRequest);
    };
    setImmediate(otherRequest);
    const result = await readPeopleList({ fileName: 'list.csv', text });
    reading = false;
    expect(result.ok && result.people).toHaveLength(2_000);
    expect(turns).toBeGreaterThan(1);
  });

  it('names the line and column problems of a streamed list as the synchronous reader does', async () => {
    const text = 'Name,Email\nAda,not-an-email\n\n"Theo,theo@example.org\n';
    expect(await readPeopleList({ fileName: 'list.csv', text })).toEqual(
      parsePeopleList({ fileName: 'list.csv', text }),
    );
    expect(await readPeopleList({ fileName: 'list.csv', text })).toMatchObject({
      ok: false,
      errors: [{ row: 4, message: expect.stringMatching(/Line 4: a quoted field is never closed/) }],
    });
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('Name,Email\n"Ada,ada@example.com\nTheo,theo@example.com')).toThrow(
      /Line 2: a quoted field is never closed/,
    );
  });
});

describe('an uploaded list of people', () => {
  it('maps the usual header spellings and splits full names, skills and several emails', () => {
    const result = parsePeopleList({
      fileName: 'event.csv',
      text: [
        'Full Name,E-mail Address,LinkedIn Profile,Job Title,Current Company,City,Skills,Favourite colour',
        'Ada Lovelace Byron,ada@example.com; ADA@work.example.com,https://www.linkedin.com/in/Ada-L/?trk=x,Staff Engineer,Analytical,London,Go; Kubernetes,teal',
      ].join('\n'),
    });
    expect(result).toEqual({
      ok: true,
      people: [
        {
          row: 2,
          firstName: 'Ada Lovelace',
          lastName: 'Byron',
          emails: ['ada@example.com', 'ada@work.example.com'],
          linkedinUrl: 'linkedin.com/in/ada-l',
          phones: [],
          title: 'Staff Engineer',
          company: 'Analytical',
          location: 'London',
          skills: ['Go', 'Kubernetes'],
          pastJobs: [],
          education: [],
          resumeText: null,
        },
      ],
      warnings: [{ message: 'Columns not used: "Favourite colour".' }],
    });
  });

  it('reads a "Past jobs" column — each "Title at Company (years)" — which exports send as Greenhouse employments', () => {
    const result = parsePeopleList({
      fileName: 'list.csv',
      text: [
        'Name,Email,Past jobs',
        'Ada Byron,ada@example.com,"Staff Engineer at Analytical Engines, Ltd (2019–present); Engineer at Babbage & Co (2015-2019); Intern at Loom"',
      ].join('\n'),
    });
    expect(result.ok && result.people[0]!.pastJobs).toEqual([
      { title: 'Staff Engineer', company: 'Analytical Engines, Ltd', startYear: 2019 },
      { title: 'Engineer', company: 'Babbage & Co', startYear: 2015, endYear: 2019 },
      { title: 'Intern', company: 'Loom' },
    ]);
    // A JSON list may give them as objects.
    const json = parsePeopleList({
      fileName: 'list.json',
      text: JSON.stringify([
        {
          name: 'Theo M',
          email: 'theo@example.com',
          pastJobs: [{ title: 'Nurse', company: 'St Mary', startYear: 2010, endYear: 2020 }],
        },
      ]),
    });
    expect(json.ok && json.people[0]!.pastJobs).toEqual([
      { title: 'Nurse', company: 'St Mary', startYear: 2010, endYear: 2020 },
    ]);
  });

  it('refuses a past job it cannot read, saying how to write one', () => {
    const result = parsePeopleList({
      fileName: 'list.csv',
      text: 'Name,Email,Experience\nAda Byron,ada@example.com,Engineer (2019-2015)\n',
    });
    expect(!result.ok && result.errors).toEqual([
      {
        row: 2,
        column: 'past jobs',
        message:
          'Row 2: "Engineer (2019-2015)" is not a past job: write each as "Title at Company (2019–2022)", separated by ";".',
      },
    ]);
    // Linear on a hostile cell: a megabyte of " at " is one past job, read at once.
    const long = parsePeopleList({
      fileName: 'list.csv',
      text: `Name,Email,Past jobs\nAda Byron,ada@example.com,${'a at '.repeat(200_000)}x\n`,
    });
    expect(long.ok && long.people[0]!.pastJobs[0]!.title).toBe('a');
  });

  it('refuses the whole list when any row is unusable, naming each row and column', () => {
    const result = parsePeopleList({
      fileName: 'list.csv',
      text: 'First name,Last name,Email,LinkedIn\nAda,B,ada@example.com,\n,Nameless,n@example.com,\nTheo,M,theo@,\nIra,K,,twitter.com/ira\nJo,P,,\n',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { row: 3, column: 'name', message: 'Row 3: the person has no name.' },
      { row: 4, column: 'email', message: 'Row 4: "theo@" is not an email address.' },
      {
        row: 5,
        column: 'linkedin',
        message: 'Row 5: "twitter.com/ira" is not a LinkedIn profile URL (linkedin.com/in/…).',
      },
      {
        row: 6,
        message:
          'Row 6: add an email or a LinkedIn URL — without either the person cannot be looked up in Greenhouse.',
      },
    ]);
  });

  it('says which columns are missing before reading any row', () => {
    const result = parsePeopleList({ fileName: 'list.csv', text: 'Title,Company\nSRE,Acme\n' });
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      'Add a "Name" column, or "First name" and "Last name" columns.',
      'Add an "Email" or a "LinkedIn URL" column: people are looked up in Greenhouse by them.',
    ]);
  });

  it('lists a person once when the file repeats them, and says so', () => {
    const result = parsePeopleList({
      fileName: 'list.csv',
      text: 'Name,Email\nAda B,ada@example.com\nAda Byron,ADA@example.com\n',
    });
    expect(result.ok && result.people.map((p) => p.row)).toEqual([2]);
    expect(result.warnings).toEqual([{ row: 3, message: 'Same person as row 2: listed once.' }]);
  });

  it('reads JSON: an array, or an object with a people array, keyed like the CSV headers', () => {
    const people = [{ first_name: 'Ada', last_name: 'B', email: 'ada@example.com', skills: ['Go', 'Rust'] }];
    for (const text of [JSON.stringify(people), JSON.stringify({ people })]) {
      const result = parsePeopleList({ fileName: 'list.json', text });
      expect(result.ok && result.people[0]).toMatchObject({
        row: 1,
        firstName: 'Ada',
        skills: ['Go', 'Rust'],
      });
    }
    const broken = parsePeopleList({ fileName: 'list.json', text: '{"people": 3}' });
    expect(!broken.ok && broken.errors[0]!.message).toMatch(/Expected a JSON array of people/);
  });

  it('refuses an empty file and one over the size limit without reading it', () => {
    expect(parsePeopleList({ fileName: 'x.csv', text: '  \n' })).toMatchObject({
      ok: false,
      errors: [{ message: 'The file is empty.' }],
    });
    const huge = 'x'.repeat(PEOPLE_LIST_LIMITS.bytes + 1);
    expect(parsePeopleList({ fileName: 'x.csv', text: huge })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('larger than 5 MB') }],
    });
  });
});
