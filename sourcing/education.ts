import type { Education } from '../db/tables/people';

/** How an education is written in a list's "Education" column, for the error that says so. */
export const EDUCATION_FORMAT = '"School — Degree, Discipline (2014–2018)"';

export type EducationReading = { ok: true; education: Education } | { ok: false; problem: string };

// The dash between the school and the rest, most telling first: a school's own name may hold " - "
// ("University of Wisconsin - Madison"), rarely an en or em dash.
const SCHOOL_DASHES = [' — ', ' – ', ' -- '];
const MAX_NAME = 255;

/**
 * One education as a list writes it: "University of Waterloo — BSc, Computer Science (2010–2014)". Forgiving
 * where the meaning is plain: the school alone ("ETH Zürich"), one of degree or discipline ("MIT — PhD",
 * "MIT — Physics", "MIT — BSc in Physics"), years in any of "(2014–2018)", "(2014-2018)", "(2014 to 2018)",
 * "(2014–present)" (still studying), "(2018)" or "(–2018)" (the year they finished). A bracket without a
 * digit belongs to the name ("Universidad Politécnica de Madrid (UPM)"). Read with index scans, not a
 * backtracking pattern: a cell can be megabytes long.
 */
export function parseEducation(text: string): EducationReading {
  let rest = text.trim();
  let startYear: number | undefined;
  let endYear: number | undefined;
  if (rest.endsWith(')')) {
    const open = rest.lastIndexOf('(');
    const inside = open >= 0 ? rest.slice(open + 1, -1).trim() : '';
    if (open >= 0 && /\d/.test(inside)) {
      const years = inside.length <= 24 ? readYears(inside) : null;
      if (!years) return { ok: false, problem: `"(${inside.slice(0, 30)})" is not years like (2014–2018)` };
      ({ startYear, endYear } = years);
      rest = rest.slice(0, open).trim();
    }
  }
  // A dash first (the school left out) has no space before it once the entry is trimmed.
  if (/^(—|–|-)\s/.test(rest)) return { ok: false, problem: 'no school before the dash' };
  let school = rest;
  let degree: string | undefined;
  let discipline: string | undefined;
  const dash =
    SCHOOL_DASHES.map((d) => ({ at: rest.indexOf(d), length: d.length }))
      .filter((d) => d.at >= 0)
      .sort((a, b) => a.at - b.at)[0] ?? lastSpacedHyphen(rest);
  if (dash) {
    school = rest.slice(0, dash.at).trim();
    const parts = rest
      .slice(dash.at + dash.length)
      .split(',')
      .map((part) => part.trim());
    if (parts.some((part) => !part)) return { ok: false, problem: 'an empty degree or discipline' };
    if (parts.length > 2) return { ok: false, problem: 'more than a degree and a discipline after the dash' };
    if (parts.length === 2) [degree, discipline] = parts as [string, string];
    else {
      const only = parts[0]!;
      const inAt = only.toLowerCase().indexOf(' in ');
      if (inAt > 0 && looksLikeDegree(only.slice(0, inAt))) {
        degree = only.slice(0, inAt).trim();
        discipline = only.slice(inAt + 4).trim();
      } else if (looksLikeDegree(only)) degree = only;
      else discipline = only;
    }
  }
  if (!school) return { ok: false, problem: 'no school before the dash' };
  if ([school, degree, discipline].some((name) => (name?.length ?? 0) > MAX_NAME))
    return { ok: false, problem: `a name longer than ${MAX_NAME} characters` };
  return {
    ok: true,
    education: {
      school,
      ...(degree ? { degree } : {}),
      ...(discipline ? { discipline } : {}),
      ...(startYear !== undefined ? { startYear } : {}),
      ...(endYear !== undefined ? { endYear } : {}),
    },
  };
}

/** " - " as the school's dash only when no en or em dash is there; the last one, since names hold hyphens. */
function lastSpacedHyphen(text: string): { at: number; length: number } | undefined {
  const at = text.lastIndexOf(' - ');
  return at >= 0 ? { at, length: 3 } : undefined;
}

function readYears(text: string): { startYear?: number; endYear?: number } | null {
  const match = /^(\d{4})?\s*([-–—]|to)?\s*(\d{4}|present|now|today|ongoing)?$/i.exec(text);
  if (!match || (!match[1] && !match[3])) return null;
  const [, first, dash, second] = match;
  const year = (value: string | undefined) =>
    value && /^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2100
      ? Number(value)
      : undefined;
  if (first && year(first) === undefined) return null;
  if (second && /^\d/.test(second) && year(second) === undefined) return null;
  // A lone year is the year they finished ("class of 2018"); "2014–" or "2014–present" is still studying.
  if (first && !dash && !second) return { endYear: year(first)! };
  const startYear = year(first);
  const endYear = year(second);
  if (startYear !== undefined && endYear !== undefined && endYear < startYear) return null;
  return {
    ...(startYear !== undefined ? { startYear } : {}),
    ...(endYear !== undefined ? { endYear } : {}),
  };
}

const DEGREE_WORDS = new Set(
  'ba bs bsc bba ma ms msc mba meng beng mphil phd dphil edd jd llb llm md mfa bfa ged abitur'.split(' '),
);

/** A degree rather than a field of study: "BSc", "M.Sc.", "Bachelor of Arts", "Master's Degree", "PhD". */
export function looksLikeDegree(text: string): boolean {
  const lower = text.toLowerCase().replace(/[.'’]/g, '');
  if (
    /\b(bachelor|bachelors|master|masters|associate|associates|doctor|doctorate|diploma|degree|certificate|high school|licentiate)\b/.test(
      lower,
    )
  )
    return true;
  return lower.split(/\s+/).some((word) => DEGREE_WORDS.has(word));
}

/** A JSON list's education ({ school, degree, discipline, startYear, endYear }) as the column writes it. */
export function educationText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const entry = value as Record<string, unknown>;
  const rest = [entry.degree, entry.discipline].filter((v) => v !== undefined && v !== null && v !== '');
  const years =
    entry.startYear || entry.endYear
      ? ` (${entry.startYear ?? ''}–${entry.endYear ?? (entry.startYear ? 'present' : '')})`
      : '';
  return `${String(entry.school ?? '')}${rest.length ? ` — ${rest.map(String).join(', ')}` : ''}${years}`;
}
