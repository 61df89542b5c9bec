import { z } from 'zod';
import { greenhouseId, recordBase } from './common';

// A job's hiring team in Harvest v3 is two lists: job owners (recruiters, coordinators, sourcers) and
// job hiring managers. Each row pairs one user with one job in one role; a user may hold several.

export const jobOwnerTypes = ['sourcer', 'recruiter', 'coordinator'] as const;
export type JobOwnerType = (typeof jobOwnerTypes)[number];

export const jobOwnerSchema = z.looseObject({
  ...recordBase,
  job_id: greenhouseId,
  user_id: greenhouseId,
  type: z.enum(jobOwnerTypes),
  /** The default assignee of new applications on the job; always false for sourcers. */
  responsible: z.boolean(),
});
export type JobOwner = z.infer<typeof jobOwnerSchema>;

export const jobHiringManagerSchema = z.looseObject({
  ...recordBase,
  job_id: greenhouseId,
  user_id: greenhouseId,
});
export type JobHiringManager = z.infer<typeof jobHiringManagerSchema>;
