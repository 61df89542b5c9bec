import type { PastJob } from '../../db/tables/people';
import type { CandidateEmployment, CreateCandidateEmploymentBody } from '../../greenhouse/schemas';

/** One employment to create, without the candidate it is created on. */
export type WorkHistoryEntry = Omit<CreateCandidateEmploymentBody, 'candidate_id'>;

/**
 * An entry that cannot be sent, and why. Named by its place in the person's past jobs, not by its title
 * or company: audit details outlive an erasure, so they carry nothing about the person.
 */
export interface SkippedWorkHistory {
  entry: string;
  reason: string;
}

export interface PlannedEmployment {
  /** Its place in the person's past jobs, for the audit log. */
  entry: string;
  employment: WorkHistoryEntry;
}

export interface WorkHistoryPlan {
  entries: PlannedEmployment[];
  skipped: SkippedWorkHistory[];
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** Pilothouse knows years only: the first of January stands for the year (Greenhouse shows month and year). */
const yearDate = (year: number) => `${String(year).padStart(4, '0')}-01-01`;
const plausibleYear = (year: number | undefined): year is number =>
  year !== undefined && Number.isInteger(year) && year >= 1900 && year <= 2100;

/**
 * The person's work history as Greenhouse employments. Greenhouse needs a start date for each; Pilothouse
 * knows years at best, so an entry without a start year is left out with its reason rather than given an
 * invented date. A past job without an end year is sent as current only when it is the person's current
 * company: Greenhouse reads a missing end date as "works there now". Past jobs go only with the current
 * job (when Pilothouse knows one): Greenhouse mirrors the latest employment onto the candidate's title.
 */
export function planWorkHistory(person: {
  title: string | null;
  company: string | null;
  pastJobs: readonly PastJob[];
}): WorkHistoryPlan {
  const entries: PlannedEmployment[] = [];
  const skipped: SkippedWorkHistory[] = [];
  let currentSent = false;
  person.pastJobs.forEach((job, index) => {
    const entry = `past job ${index + 1} of ${person.pastJobs.length}`;
    const title = job.title?.trim().slice(0, 255);
    const company = job.company?.trim().slice(0, 255);
    if (!title || !company) return skipped.push({ entry, reason: 'no title or no company' });
    if (!plausibleYear(job.startYear)) return skipped.push({ entry, reason: 'no start year known' });
    if (job.endYear !== undefined) {
      if (!plausibleYear(job.endYear) || job.endYear < job.startYear)
        return skipped.push({ entry, reason: 'its end year is not a year after its start' });
      return entries.push({
        entry,
        employment: {
          title,
          company_name: company,
          start_date: yearDate(job.startYear),
          end_date: yearDate(job.endYear),
        },
      });
    }
    if (currentSent || !person.company || !same(company, person.company))
      return skipped.push({
        entry,
        reason: 'no end year, and it is not their current job (Greenhouse would show it as current)',
      });
    currentSent = true;
    return entries.push({
      entry,
      employment: { title, company_name: company, start_date: yearDate(job.startYear) },
    });
  });
  // Their current title and company, unless a past job already stands for them (sent or explained).
  const currentListed = person.pastJobs.some(
    (job) => job.endYear === undefined && same(job.company, person.company) && same(job.title, person.title),
  );
  if (person.title && person.company && !currentListed) {
    skipped.push({
      entry: 'current job',
      reason: 'no start year known (its title and company are on the candidate record)',
    });
  }
  // Greenhouse shows a candidate's latest employment as their title and company. Past jobs sent without
  // the current one would make the latest of them read as where the person works now: they are held
  // back, and the person keeps the title and company they were created with.
  if (person.company && !currentSent && entries.length > 0) {
    return {
      entries: [],
      skipped: [
        ...entries.map(({ entry }) => ({
          entry,
          reason:
            'held back: their current job has no start year, and Greenhouse would show the latest past job as their current one',
        })),
        ...skipped,
      ],
    };
  }
  return { entries, skipped };
}

/**
 * The entries an earlier attempt of this export did not create before its answer was lost. Each existing
 * employment accounts for one entry, so two identical past jobs still make two.
 */
export function notYetCreated(
  entries: readonly PlannedEmployment[],
  existing: readonly CandidateEmployment[],
): PlannedEmployment[] {
  const unmatched = [...existing];
  return entries.filter(({ employment: entry }) => {
    const found = unmatched.findIndex(
      (e) =>
        e.title === entry.title &&
        e.company_name === entry.company_name &&
        e.start_date.slice(0, 10) === entry.start_date &&
        (e.end_date?.slice(0, 10) ?? undefined) === entry.end_date,
    );
    if (found === -1) return true;
    unmatched.splice(found, 1);
    return false;
  });
}
