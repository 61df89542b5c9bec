import { z } from 'zod';
import { normalizeLinkedInUrl } from '../greenhouse/linkedin-url';
import type { Education, PastJob } from '../db/tables/people';
import { CsvSyntaxError, parseCsv, parseCsvYielding, type CsvRecord } from './csv';
import { EDUCATION_FORMAT, educationText, parseEducation } from './education';
import { PAST_JOB_FORMAT, parsePastJob, pastJobText } from './past-jobs';

/** A person from an uploaded list, ready to join a job's pipeline. */
export interface ListedPerson {
  /** Where the person was in the file: the CSV line, or the JSON array position (1-based). */
  row: number;
  firstName: string;
  lastName: string;
  emails: string[];
  linkedinUrl: string | null;
  phones: string[];
  title: string | null;
  company: string | null;
  location: string | null;
  skills: string[];
  /** From a "Past jobs" column; exported to Greenhouse as the candidate's employments. */
  pastJobs: PastJob[];
  /** From an "Education" column; exported to Greenhouse as the candidate's educations. */
  education: Education[];
  resumeText: string | null;
}

export interface ListProblem {
  /** CSV line or JSON position; absent for a problem with the file as a whole. */
  row?: number;
  column?: string;
  message: string;
}

export type PeopleListResult =
  | { ok: true; people: ListedPerson[]; warnings: ListProblem[] }
  | { ok: false; errors: ListProblem[]; warnings: ListProblem[] };

export const PEOPLE_LIST_LIMITS = { bytes: 5 * 1024 * 1024, people: 2_000 } as const;

type Field = Exclude<keyof ListedPerson, 'row'> | 'name';

// Header spellings seen in ATS, sourcing-tool and spreadsheet exports, compared without case,
// spaces, dashes or underscores.
const COLUMN_ALIASES: Record<Field, string[]> = {
  name: ['name', 'fullname', 'candidatename', 'candidate'],
  firstName: ['firstname', 'givenname', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  emails: ['email', 'emails', 'emailaddress', 'emailaddresses', 'workemail', 'personalemail'],
  linkedinUrl: ['linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'profileurl'],
  phones: ['phone', 'phones', 'phonenumber', 'mobile', 'mobilephone'],
  title: ['title', 'jobtitle', 'currenttitle', 'headline', 'position', 'currentposition'],
  company: ['company', 'currentcompany', 'employer', 'currentemployer', 'organization'],
  location: ['location', 'city', 'currentlocation'],
  skills: ['skills', 'skill', 'keywords'],
  pastJobs: [
    'pastjobs',
    'pastjob',
    'experience',
    'workhistory',
    'workexperience',
    'employmenthistory',
    'previousjobs',
  ],
  education: ['education', 'educations', 'educationhistory', 'schools', 'studies', 'academichistory'],
  resumeText: ['resume', 'resumetext', 'cv', 'cvtext', 'summary', 'profile', 'about'],
};

const columnKey = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, '');
const FIELD_BY_KEY = new Map(
  Object.entries(COLUMN_ALIASES).flatMap(([field, keys]) => keys.map((key) => [key, field as Field])),
);

// Cells that may hold several values: "a@x.com; b@y.com", "Go, Kubernetes".
const splitList = (value: string) =>
  value
    .split(/[;,|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

const emailSchema = z.email();

/**
 * Reads an uploaded list of people (CSV as spreadsheets and sourcing tools export it, or JSON: an
 * array of objects, or `{ "people": [...] }`). All or nothing: any row that cannot become a person
 * makes the whole list invalid, with every problem named by row and column, so a recruiter fixes the
 * file once instead of discovering a half-imported list.
 */
export function parsePeopleList(file: { fileName: string; text: string }): PeopleListResult {
  const refused = refuseOutright(file);
  if (refused) return refused;
  return peopleFrom(file, looksLikeJson(file) ? undefined : csvRecords(() => parseCsv(file.text)));
}

/**
 * `parsePeopleList` for a request handler: a CSV is read a chunk at a time, so a large list never
 * holds up the other requests of the web app while it is parsed.
 */
export async function readPeopleList(file: { fileName: string; text: string }): Promise<PeopleListResult> {
  const refused = refuseOutright(file);
  if (refused) return refused;
  if (looksLikeJson(file)) return peopleFrom(file, undefined);
  let records: CsvRecord[] | ListProblem[];
  try {
    records = await parseCsvYielding(file.text);
  } catch (error) {
    records = csvProblem(error);
  }
  return peopleFrom(file, records);
}

function refuseOutright(file: { text: string }): PeopleListResult | undefined {
  if (Buffer.byteLength(file.text, 'utf8') > PEOPLE_LIST_LIMITS.bytes)
    return fail(
      `The file is larger than ${PEOPLE_LIST_LIMITS.bytes / 1024 / 1024} MB: split it into smaller lists.`,
    );
  if (file.text.trim() === '') return fail('The file is empty.');
  return undefined;
}

function csvRecords(parse: () => CsvRecord[]): CsvRecord[] | ListProblem[] {
  try {
    return parse();
  } catch (error) {
    return csvProblem(error);
  }
}

function csvProblem(error: unknown): ListProblem[] {
  if (error instanceof CsvSyntaxError) return [{ row: error.line, message: error.message }];
  throw error;
}

/** The people of a JSON list (`csv` undefined) or of a CSV's records (or the CSV's syntax problem). */
function peopleFrom(file: { text: string }, csv: CsvRecord[] | ListProblem[] | undefined): PeopleListResult {
  const warnings: ListProblem[] = [];
  const rows = csv === undefined ? jsonRows(file.text) : csvRows(csv, warnings);
  if (!Array.isArray(rows)) return { ok: false, errors: rows.errors, warnings };
  if (rows.length === 0) return fail('The list has no people in it (only a header, or nothing).');
  if (rows.length > PEOPLE_LIST_LIMITS.people)
    return fail(
      `The list has ${rows.length} people; at most ${PEOPLE_LIST_LIMITS.people} can be uploaded at once.`,
    );

  const errors: ListProblem[] = [];
  const people: ListedPerson[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const person = readPerson(row, values, errors);
    if (!person) continue;
    const keys = [...person.emails, ...(person.linkedinUrl ? [person.linkedinUrl] : [])];
    const firstRow = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
    if (firstRow !== undefined) {
      warnings.push({ row, message: `Same person as row ${firstRow}: listed once.` });
      continue;
    }
    for (const key of keys) seen.set(key, row);
    people.push(person);
  }
  return errors.length ? { ok: false, errors, warnings } : { ok: true, people, warnings };
}

function fail(message: string): PeopleListResult {
  return { ok: false, errors: [{ message }], warnings: [] };
}

function looksLikeJson(file: { fileName: string; text: string }) {
  return /\.json$/i.test(file.fileName) || /^\s*[[{]/.test(file.text);
}

type RawRow = { row: number; values: Partial<Record<Field, string>> };

function csvRows(
  parsed: CsvRecord[] | ListProblem[],
  warnings: ListProblem[],
): RawRow[] | { errors: ListProblem[] } {
  if (parsed.length > 0 && !('cells' in parsed[0]!)) return { errors: parsed as ListProblem[] };
  const [header, ...body] = parsed as CsvRecord[];
  if (!header) return [];
  const fields = header.cells.map((cell) => FIELD_BY_KEY.get(columnKey(cell)));
  const unused = header.cells.filter((cell, i) => cell && !fields[i]);
  if (unused.length)
    warnings.push({ message: `Columns not used: ${unused.map((c) => `"${c}"`).join(', ')}.` });
  const problems = missingColumns(new Set(fields.filter((f): f is Field => f !== undefined)));
  if (problems.length) return { errors: problems };
  return body.map(({ line, cells }) => {
    const values: RawRow['values'] = {};
    cells.forEach((cell, i) => {
      const field = fields[i];
      if (field && cell) values[field] = values[field] ? `${values[field]}; ${cell}` : cell;
    });
    return { row: line, values };
  });
}

function missingColumns(fields: Set<Field>): ListProblem[] {
  const problems: ListProblem[] = [];
  if (!fields.has('name') && !(fields.has('firstName') && fields.has('lastName')))
    problems.push({ message: 'Add a "Name" column, or "First name" and "Last name" columns.' });
  if (!fields.has('emails') && !fields.has('linkedinUrl'))
    problems.push({
      message: 'Add an "Email" or a "LinkedIn URL" column: people are looked up in Greenhouse by them.',
    });
  return problems;
}

function jsonRows(text: string): RawRow[] | { errors: ListProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { errors: [{ message: `The file is not valid JSON: ${(error as Error).message}.` }] };
  }
  const list = Array.isArray(data) ? data : (data as { people?: unknown } | null)?.people;
  if (!Array.isArray(list))
    return { errors: [{ message: 'Expected a JSON array of people, or an object with a "people" array.' }] };
  const rows: RawRow[] = [];
  const errors: ListProblem[] = [];
  list.forEach((item, index) => {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ row, message: `Person ${row} is not an object.` });
      return;
    }
    const values: RawRow['values'] = {};
    for (const [key, value] of Object.entries(item)) {
      const field = FIELD_BY_KEY.get(columnKey(key));
      if (!field || value === null || value === undefined) continue;
      const text = Array.isArray(value)
        ? value
            .map(field === 'pastJobs' ? pastJobText : field === 'education' ? educationText : String)
            .join('; ')
        : String(value);
      if (text.trim()) values[field] = text.trim();
    }
    rows.push({ row, values });
  });
  return errors.length ? { errors } : rows;
}

function readPerson(row: number, values: RawRow['values'], errors: ListProblem[]): ListedPerson | null {
  const before = errors.length;
  let firstName = values.firstName ?? '';
  let lastName = values.lastName ?? '';
  if (!firstName && !lastName && values.name) {
    const parts = values.name.split(/\s+/);
    lastName = parts.length > 1 ? parts.pop()! : '';
    firstName = parts.join(' ');
  }
  if (!firstName) errors.push({ row, column: 'name', message: `Row ${row}: the person has no name.` });

  const emails: string[] = [];
  for (const email of splitList(values.emails ?? '')) {
    if (emailSchema.safeParse(email).success) emails.push(email.toLowerCase());
    else errors.push({ row, column: 'email', message: `Row ${row}: "${email}" is not an email address.` });
  }
  let linkedinUrl: string | null = null;
  if (values.linkedinUrl) {
    linkedinUrl = normalizeLinkedInUrl(values.linkedinUrl) ?? null;
    if (!linkedinUrl)
      errors.push({
        row,
        column: 'linkedin',
        message: `Row ${row}: "${values.linkedinUrl}" is not a LinkedIn profile URL (linkedin.com/in/…).`,
      });
  }
  if (!values.emails && !values.linkedinUrl)
    errors.push({
      row,
      message: `Row ${row}: add an email or a LinkedIn URL — without either the person cannot be looked up in Greenhouse.`,
    });
  const pastJobs: PastJob[] = [];
  for (const entry of (values.pastJobs ?? '').split(/[;\n]/)) {
    if (!entry.trim()) continue;
    const job = parsePastJob(entry);
    if (job) pastJobs.push(job);
    else
      errors.push({
        row,
        column: 'past jobs',
        message: `Row ${row}: "${entry.trim().slice(0, 80)}" is not a past job: write each as ${PAST_JOB_FORMAT}, separated by ";".`,
      });
  }
  const education: Education[] = [];
  for (const entry of (values.education ?? '').split(/[;\n]/)) {
    if (!entry.trim()) continue;
    const read = parseEducation(entry);
    if (read.ok) education.push(read.education);
    else
      errors.push({
        row,
        column: 'education',
        message: `Row ${row}: "${entry.trim().slice(0, 80)}" is not an education (${read.problem}): write each as ${EDUCATION_FORMAT}, separated by ";".`,
      });
  }
  if (errors.length > before) return null;
  return {
    row,
    firstName,
    lastName,
    emails,
    linkedinUrl,
    phones: splitList(values.phones ?? ''),
    title: values.title ?? null,
    company: values.company ?? null,
    location: values.location ?? null,
    skills: splitList(values.skills ?? ''),
    pastJobs,
    education,
    resumeText: values.resumeText ?? null,
  };
}
