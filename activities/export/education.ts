import type { Education } from '../../db/tables/people';
import type {
  CandidateEducation,
  CreateCandidateEducationBody,
  CustomFieldOption,
  EducationDictionaryKey,
} from '../../greenhouse/schemas';

/** One education to create, without the candidate it is created on. */
export type EducationBody = Omit<CreateCandidateEducationBody, 'candidate_id'>;

export type EducationField = 'school' | 'degree' | 'discipline';

/** Which of Greenhouse's lists holds each field's names. */
export const DICTIONARY_OF: Record<EducationField, EducationDictionaryKey> = {
  school: 'school_name',
  degree: 'degree',
  discipline: 'discipline',
};

/**
 * One entry ready to send. Named by its place in the person's education, never by its school: audit
 * details outlive an erasure, so they carry nothing about the person.
 */
export interface PlannedEducation {
  entry: string;
  body: EducationBody;
  /** Names the person's entry has and Greenhouse's lists do not: sent without them. */
  leftOut: EducationField[];
}

export interface SkippedEducation {
  entry: string;
  reason: string;
}

export interface EducationPlan {
  entries: PlannedEducation[];
  skipped: SkippedEducation[];
}

/** Greenhouse's lists by dictionary; a list absent was not needed, `null` could not be read (no scope). */
export type EducationDictionaries = Partial<
  Record<EducationDictionaryKey, readonly CustomFieldOption[] | null>
>;

/** The lists the person's education needs read: a person with no degree named costs no degree list. */
export function dictionariesNeeded(education: readonly Education[]): EducationDictionaryKey[] {
  return (Object.keys(DICTIONARY_OF) as EducationField[])
    .filter((field) => education.some((entry) => entry[field]?.trim()))
    .map((field) => DICTIONARY_OF[field]);
}

/**
 * Names compared as people write them: without case, accents, dots or apostrophes, and with any run of
 * spaces or punctuation as one space — "ETH Zurich" is "ETH Zürich", "Bachelors degree" is "Bachelor's Degree".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type DegreeKind = 'mba' | 'phd' | 'jd' | 'md' | 'bachelor' | 'master' | 'associate' | 'high school';

/**
 * What kind of degree a name means, so "BSc" finds Greenhouse's "Bachelor's Degree" and "PhD" its
 * "Doctor of Philosophy (Ph.D.)". The specific kinds first: an MBA is a master's, but Greenhouse lists it apart.
 */
export function degreeKind(name: string): DegreeKind | undefined {
  const key = ` ${nameKey(name)} `;
  const has = (...words: string[]) => words.some((word) => key.includes(` ${word} `));
  if (has('mba', 'master of business administration')) return 'mba';
  if (has('phd', 'dphil', 'doctor of philosophy', 'doctorate')) return 'phd';
  if (has('jd', 'juris doctor')) return 'jd';
  if (has('md', 'doctor of medicine')) return 'md';
  if (has('bachelor', 'bachelors', 'ba', 'bs', 'bsc', 'beng', 'bba', 'bfa', 'llb', 'ab')) return 'bachelor';
  if (has('master', 'masters', 'ma', 'ms', 'msc', 'meng', 'mphil', 'mfa', 'llm')) return 'master';
  if (has('associate', 'associates')) return 'associate';
  if (has('high school', 'ged', 'secondary school')) return 'high school';
  return undefined;
}

/** The option a name stands for: the same name, else (degrees only) the one option of the same kind. */
export function findOption(
  field: EducationField,
  name: string,
  options: readonly CustomFieldOption[],
): CustomFieldOption | undefined {
  const selectable = options.filter((option) => option.active !== false);
  const wanted = nameKey(name);
  const same = selectable.filter((option) => nameKey(option.name) === wanted);
  if (same.length > 0) return same.reduce((a, b) => (a.id < b.id ? a : b));
  if (field !== 'degree') return undefined;
  const kind = degreeKind(name);
  if (!kind) return undefined;
  const ofKind = selectable.filter((option) => degreeKind(option.name) === kind);
  return ofKind.length === 1 ? ofKind[0] : undefined;
}

/** Pilothouse knows years only: the first of January stands for the year, as for employments. */
const yearDate = (year: number) => `${String(year).padStart(4, '0')}-01-01`;

/**
 * The person's education as Greenhouse educations, names resolved to the ids of Greenhouse's lists. A name
 * the list does not have is left out of its entry (Greenhouse takes an education with any of the three),
 * and said; an entry none of whose names Greenhouse has is not sent — years alone tell a recruiter nothing.
 * Without the scope to read the lists, nothing is sent and the reason names the scope.
 */
export function planEducation(
  education: readonly Education[],
  dictionaries: EducationDictionaries,
  listScope: string,
): EducationPlan {
  const entries: PlannedEducation[] = [];
  const skipped: SkippedEducation[] = [];
  education.forEach((item, index) => {
    const entry = `education ${index + 1} of ${education.length}`;
    const body: EducationBody = {};
    const leftOut: EducationField[] = [];
    let unreadable = false;
    for (const field of Object.keys(DICTIONARY_OF) as EducationField[]) {
      const name = item[field]?.trim();
      if (!name) continue;
      const options = dictionaries[DICTIONARY_OF[field]];
      if (options === null || options === undefined) {
        unreadable = true;
        continue;
      }
      const option = findOption(field, name, options);
      if (!option) leftOut.push(field);
      else if (field === 'school') body.school_name_custom_field_option_id = option.id;
      else if (field === 'degree') body.degree_custom_field_option_id = option.id;
      else body.discipline_custom_field_option_id = option.id;
    }
    if (unreadable)
      return skipped.push({
        entry,
        reason: `Greenhouse's lists of schools, degrees and disciplines could not be read (is the scope ${listScope} ticked?)`,
      });
    if (Object.keys(body).length === 0)
      return skipped.push({
        entry,
        reason: "none of its school, degree or discipline is in Greenhouse's lists",
      });
    if (item.endYear !== undefined && item.startYear !== undefined && item.endYear < item.startYear)
      return skipped.push({ entry, reason: 'its end year is before its start' });
    if (item.startYear !== undefined) body.start_date = yearDate(item.startYear);
    if (item.endYear !== undefined) body.end_date = yearDate(item.endYear);
    return entries.push({ entry, body, leftOut });
  });
  return { entries, skipped };
}

const yearOf = (date: string | null | undefined, year: number | null | undefined) =>
  year ?? (date ? Number(date.slice(0, 4)) : undefined);

/**
 * The entries an earlier attempt of this export did not create before its answer was lost. Greenhouse gives
 * educations no marker of ours: an existing education accounts for one entry with the same three ids and
 * years, so two identical entries still make two.
 */
export function notYetCreated(
  entries: readonly PlannedEducation[],
  existing: readonly CandidateEducation[],
): PlannedEducation[] {
  const unmatched = [...existing];
  return entries.filter(({ body }) => {
    const found = unmatched.findIndex(
      (e) =>
        e.school_name_custom_field_option_id === (body.school_name_custom_field_option_id ?? null) &&
        e.degree_custom_field_option_id === (body.degree_custom_field_option_id ?? null) &&
        e.discipline_custom_field_option_id === (body.discipline_custom_field_option_id ?? null) &&
        yearOf(e.start_at, e.start_date_year) === yearOf(body.start_date, undefined) &&
        yearOf(e.end_at, e.end_date_year) === yearOf(body.end_date, undefined),
    );
    if (found === -1) return true;
    unmatched.splice(found, 1);
    return false;
  });
}
