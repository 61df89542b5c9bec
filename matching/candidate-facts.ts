import { detectTitles, seniorityOf, seniorityRank } from './dictionary';
import { skillsListLine } from './skills-lists';
import { countFrom, countPattern, snippetAt } from './text';
import { glossTitle } from './title-gloss';
import type { SeniorityLevel } from './types';

// Facts read from a blinded resume: how long the person has worked and at what level. Education years are
// already masked by blinding, so study years never count as work.

const months: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const month = '(?:(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,9}\\.?\\s+|(\\d{1,2})[/.-])?';
const dateRange = new RegExp(
  `${month}((?:19|20)\\d\\d)\\s*(?:-|–|—|to|until)\\s*(?:${month}((?:19|20)\\d\\d)|(present|pres\\b\\.?|current|now|today|date))`,
  'gi',
);
// Years a resume states: "8+ years of experience", and in prose "for nine years I have…", "over the last
// four years", "I've spent eight years in distribution". A number word counts like its digits.
const statedYears = new RegExp(
  [
    `\\b${countPattern}\\+?\\s*(?:years?|yrs)\\s+(?:of\\s+)?(?:professional\\s+|industry\\s+|hands-on\\s+|relevant\\s+|total\\s+|commercial\\s+)?(?:experience|exp\\b)`,
    `\\b(?:for|over)\\s+(?:the\\s+(?:last|past)\\s+)?${countPattern}\\+?\\s+years?\\b`,
    `\\b(?:I've|I have|I)\\s+spent\\s+${countPattern}\\+?\\s+years?\\b`,
  ].join('|'),
  'gi',
);
const roleNoun =
  /\b(engineer|developer|programmer|scientist|analyst|executive|manager|designer|recruiter|architect|administrator|representative|director|lead|consultant|sre|specialist|intern|officer|head|president|founder|owner|nurse|teacher|technician|therapist|pharmacist|physician|accountant|attorney|lawyer|coordinator|assistant|agent|writer|editor|researcher|librarian|planner|buyer|operator|mechanic|electrician|driver|supervisor|paralegal|clerk|secretary|hygienist|dentist|tech|aide|apprentice|journeyman|wireman|installer|carpenter|plumber|welder|machinist|associate|tutor|instructor|professor|educator|trainer|dispatcher|adjuster|cashier|receptionist|controller|bookkeeper|auditor|actuary|underwriter|counselor|counsellor|worker|foreman|superintendent|inspector|chef|cook|cashier|fellow|partner|principal|advocate|paramedic|midwife|veterinarian|assembler|handler|courier|estimator|surveyor|pilot|ingeniero|ingeniera|técnico|técnica|profesor|profesora|enfermero|enfermera|electricista|abogado|abogada|ingénieur|ingénieure|infirmière|infirmier|ingenieur|ingenieurin|entwickler|entwicklerin|lehrer|lehrerin|disponent|disponentin|krankenschwester|pflegefachkraft|fachangestellte|kaufmann|kauffrau|engenheiro|engenheira|professora|enfermeira|dentista|advogado|advogada)\b/i;
const bullet = /^[-•*·▪◦‣]/;
const narrativeVerb =
  /^(led|managed|built|reported|mentored|worked|hired|partnered|owned|designed|drove|ran|supported|collaborated|helped|sourced|recruited|interviewed|created|developed|improved|reduced|increased|wrote|shipped|launched|delivered|implemented|migrated|maintained|coordinated|trained|taught|presented)\b/i;

/**
 * A sentence someone writes about themselves ("I hold an Ohio RN license…") names a role without being the
 * title line of a job. "Engineer I at Acme" is a level, not a subject.
 */
export const firstPersonSentence =
  /(?:^|[\s(])(?:I(?= (?!(?:at|in|for|with|of|and|on|to)\b)[a-z]{2,})|[Mm]y|[Ww]e|[Oo]ur|[Ii]'m|[Ii]'ve)\s/;

export type ExperienceEstimate = {
  years: number;
  evidence: string | null;
  source: 'dates' | 'stated' | 'none';
};

export function estimateYearsOfExperience(text: string, asOf: Date): ExperienceEstimate {
  const now = asOf.getUTCFullYear() + asOf.getUTCMonth() / 12;
  const intervals: [number, number][] = [];
  let firstRange: { index: number; length: number } | undefined;
  for (const match of text.matchAll(dateRange)) {
    const start = yearFraction(match[3], match[1], match[2]);
    const end = match[7] ? now : yearFraction(match[6], match[4], match[5]);
    if (start === undefined || end === undefined || end < start || start > now) continue;
    intervals.push([start, Math.min(end, now)]);
    firstRange ??= { index: match.index, length: match[0].length };
  }
  const fromDates = unionLength(intervals);

  let stated = 0;
  let statedAt: { index: number; length: number } | undefined;
  for (const match of text.matchAll(statedYears)) {
    const years = countFrom(match[1] ?? match[2] ?? match[3] ?? '');
    if (years > stated && years <= 50) {
      stated = years;
      statedAt = { index: match.index, length: match[0].length };
    }
  }

  if (stated === 0 && fromDates === 0) return { years: 0, evidence: null, source: 'none' };
  if (stated >= fromDates && statedAt) {
    return { years: stated, evidence: snippetAt(text, statedAt.index, statedAt.length), source: 'stated' };
  }
  return {
    years: Math.round(fromDates * 10) / 10,
    evidence: firstRange ? snippetAt(text, firstRange.index, firstRange.length) : null,
    source: 'dates',
  };
}

/**
 * Years spent in jobs whose line — the one with the dates, or the line just above it — names one of the given
 * roles: "Customer Success Associate — Tallyfy (Jun 2024 – present)" counts for a customer success post,
 * "Hostess and Server (2020 – 2024)" does not. Null when no dated job names one (prose, or another profession):
 * then nothing is known about years in the role.
 */
export function estimateYearsInRole(
  text: string,
  asOf: Date,
  namesRole: (line: string) => boolean,
): ExperienceEstimate | null {
  const now = asOf.getUTCFullYear() + asOf.getUTCMonth() / 12;
  const intervals: [number, number][] = [];
  let first: { index: number; length: number } | undefined;
  // Lines are walked forward with the matches and each is judged once, however many dates it holds.
  let [aboveStart, lineStart, lineEnd] = [0, 0, -1];
  let [lineNames, aboveNames] = [false, false];
  let starts: Set<number> | undefined;
  const titleStarts = () => (starts ??= new Set(titleLines(text).map((t) => t.index)));
  for (const match of text.matchAll(dateRange)) {
    const start = yearFraction(match[3], match[1], match[2]);
    const end = match[7] ? now : yearFraction(match[6], match[4], match[5]);
    if (start === undefined || end === undefined || end < start || start > now) continue;
    if (lineEnd < 0 || match.index > lineEnd) {
      while (lineEnd < match.index) {
        aboveStart = lineStart;
        lineStart = lineEnd + 1;
        const next = text.indexOf('\n', lineStart);
        lineEnd = next < 0 ? text.length : next;
      }
      lineNames = namesRole(text.slice(lineStart, lineEnd));
      // The line above counts as the title of a "Title / Employer (dates)" layout only when it reads as a title
      // line, never as the wrapped end of the previous job's bullet ("pauses) and notify the RN and charge nurse").
      const above = lineStart > 0 ? text.slice(aboveStart, lineStart - 1) : '';
      const aboveAt = aboveStart + (above.length - above.trimStart().length);
      aboveNames = /^[^\p{Ll}]/u.test(above.trim()) && titleStarts().has(aboveAt) && namesRole(above);
    }
    if (!lineNames && !aboveNames) continue;
    intervals.push([start, Math.min(end, now)]);
    first ??= { index: lineStart, length: lineEnd - lineStart };
  }
  if (!first) return null;
  return {
    years: Math.round(unionLength(intervals) * 10) / 10,
    evidence: snippetAt(text, first.index, first.length),
    source: 'dates',
  };
}

function yearFraction(
  year: string | undefined,
  monthName: string | undefined,
  monthNumber: string | undefined,
): number | undefined {
  if (!year) return undefined;
  const m = monthName
    ? months[monthName.toLowerCase().slice(0, 3)]
    : monthNumber
      ? Number(monthNumber) - 1
      : 0;
  return Number(year) + (m !== undefined && m >= 0 && m < 12 ? m / 12 : 0);
}

/** Total time covered by possibly overlapping jobs: two jobs held at once count once. */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [start, end] of sorted) {
    if (!current || start > current[1]) {
      if (current) total += current[1] - current[0];
      current = [start, end];
    } else {
      current[1] = Math.max(current[1], end);
    }
  }
  if (current) total += current[1] - current[0];
  return total;
}

export type TitleLine = { line: string; index: number };

/**
 * Lines that name a position the person held ("Senior Backend Engineer, Acme (2019 – present)"), as opposed to
 * narrative lines that merely mention a title ("Hired 40 backend engineers").
 */
export function titleLines(text: string): TitleLine[] {
  // Asked for by keyword relevance for a whole batch, then by the title, seniority and semantic checks of
  // each person: kept for a batch's worth of texts.
  let lines = titleLinesOf.get(text);
  if (lines === undefined) {
    // Bounded by the text it keeps alive, not only by count: resumes run to 100 000 characters.
    if (titleLinesOf.size >= 4096 || keptChars + text.length > 16_000_000) {
      titleLinesOf.clear();
      keptChars = 0;
    }
    lines = readTitleLines(text);
    titleLinesOf.set(text, lines);
    keptChars += text.length;
  }
  return lines;
}

const titleLinesOf = new Map<string, TitleLine[]>();
let keptChars = 0;

function readTitleLines(text: string): TitleLine[] {
  const out: TitleLine[] = [];
  let offset = 0;
  let meaningful = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const index = offset + raw.indexOf(line);
    offset += raw.length + 1;
    if (!line) continue;
    meaningful++;
    // A skills list names titles it does not hold ("Skills: ICU, registered nurse, RN, CCRN").
    if (line.length > 110 || bullet.test(line) || narrativeVerb.test(line) || skillsListLine.test(line))
      continue;
    const hasRole = roleNoun.test(line) || detectTitles(line).length > 0 || glossTitle(line) !== null;
    if (!hasRole) continue;
    const positioned =
      meaningful <= 3 ||
      /(?:19|20)\d\d|present/i.test(line) ||
      /\s(at|@)\s|,|—|–|\||\(/.test(line) ||
      line.length <= 60;
    if (positioned) out.push({ line, index });
  }
  return out;
}

export type SeniorityEstimate = {
  level: SeniorityLevel | null;
  evidence: string | null;
  source: 'title' | 'years' | 'none';
};

export function estimateSeniority(text: string, years: number): SeniorityEstimate {
  let best: { level: SeniorityLevel; line: string } | undefined;
  for (const { line } of titleLines(text)) {
    const level = seniorityOf(line);
    if (level && (!best || seniorityRank(level) > seniorityRank(best.level))) best = { level, line };
  }
  // An old "Junior" title does not make a five-year veteran junior: the higher of the two readings wins.
  const fromYears = levelFromYears(years);
  if (best && (!fromYears || seniorityRank(best.level) >= seniorityRank(fromYears))) {
    return { level: best.level, evidence: best.line, source: 'title' };
  }
  // Read from the whole career, not from a line: there is no passage to quote (the reason gives the years).
  if (fromYears) return { level: fromYears, evidence: null, source: 'years' };
  return { level: null, evidence: null, source: 'none' };
}

function levelFromYears(years: number): SeniorityLevel | undefined {
  if (years <= 0) return undefined;
  if (years < 2) return 'entry';
  if (years < 5) return 'mid';
  // Years alone show seniority, never a staff or principal role.
  return 'senior';
}
