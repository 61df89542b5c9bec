import type { PastJob } from '../db/tables/people';

/** How a past job is written in a list's "Past jobs" column, for the error that says so. */
export const PAST_JOB_FORMAT = '"Title at Company (2019–2022)"';

/**
 * One past job as a list writes it: "Senior Engineer at Acme (2018–2022)", "Engineer at Foo (2015-present)",
 * or "Engineer at Foo" without years. Read with index scans, not a backtracking pattern: a cell can be
 * megabytes long. The title ends at the first " at "; years are read from a short "(…)" at the end.
 * Null: not a past job.
 */
export function parsePastJob(text: string): PastJob | null {
  let rest = text.trim();
  let startYear: number | undefined;
  let endYear: number | undefined;
  if (rest.endsWith(')')) {
    const open = rest.lastIndexOf('(');
    const years = open >= 0 ? rest.slice(open + 1, -1).trim() : '';
    if (open < 0 || years.length > 24) return null;
    const match = /^(\d{4})?\s*(?:[-–—]|to)?\s*(\d{4}|present|now|today)?$/i.exec(years);
    if (!match || (!match[1] && !match[2])) return null;
    if (match[1]) startYear = Number(match[1]);
    if (match[2] && /^\d{4}$/.test(match[2])) endYear = Number(match[2]);
    if (startYear !== undefined && endYear !== undefined && endYear < startYear) return null;
    rest = rest.slice(0, open).trim();
  }
  const at = rest.toLowerCase().indexOf(' at ');
  if (at <= 0) return null;
  const title = rest.slice(0, at).trim();
  const company = rest.slice(at + 4).trim();
  if (!title || !company) return null;
  return {
    title,
    company,
    ...(startYear !== undefined ? { startYear } : {}),
    ...(endYear !== undefined ? { endYear } : {}),
  };
}

/** A JSON list's past job ({ title, company, startYear, endYear }) as the column writes it. */
export function pastJobText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const job = value as Record<string, unknown>;
  const years = job.startYear || job.endYear ? ` (${job.startYear ?? ''}–${job.endYear ?? 'present'})` : '';
  return `${String(job.title ?? '')} at ${String(job.company ?? '')}${years}`;
}
