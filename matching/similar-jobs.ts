import { titleFamilyOf } from './dictionary';

// Which other jobs' outcomes a job's training may learn from: the jobs whose titles name the same work
// ("Senior Backend Engineer" and "Backend Developer (Go)" are both backend engineering). A job whose title the
// occupation table does not know learns from its own outcomes only: guessing from shared words would let a
// "Sales Engineer" learn from "Backend Engineer" hires.

export type JobTitle = { id: number; title: string };

export function similarJobIds(job: JobTitle, others: readonly JobTitle[]): number[] {
  const family = titleFamilyOf(job.title);
  if (!family) return [];
  return others
    .filter((other) => other.id !== job.id && titleFamilyOf(other.title)?.id === family.id)
    .map((o) => o.id);
}
