import { z } from 'zod';
import { greenhouseId, recordBase } from './common';

/** `YYYY-MM-DD` and a real day: Greenhouse shows month and year, but stores and validates the date. */
export const isoDate = z.iso.date();

/** One entry of a candidate's work history (free-text company and title, unlike educations). */
export const candidateEmploymentSchema = z.looseObject({
  ...recordBase,
  candidate_id: greenhouseId,
  company_name: z.string(),
  title: z.string(),
  start_date: z.string(),
  /** `null`: the candidate's current job. */
  end_date: z.string().nullable(),
  /** Greenhouse keeps at most one `latest` per candidate: the current job, else the latest end date. */
  latest: z.boolean().nullable(),
});
export type CandidateEmployment = z.infer<typeof candidateEmploymentSchema>;

export const createCandidateEmploymentBody = z.strictObject({
  candidate_id: greenhouseId,
  company_name: z.string().min(1).max(255),
  title: z.string().min(1).max(255),
  start_date: isoDate,
  /** Omitted for the job the candidate holds now. */
  end_date: isoDate.optional(),
});
export type CreateCandidateEmploymentBody = z.infer<typeof createCandidateEmploymentBody>;
