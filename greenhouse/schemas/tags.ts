import { z } from 'zod';
import { greenhouseId, recordBase } from './common';

// Candidate tags are organisation-wide labels (`/v3/candidate_tags`); applying one to a candidate is a
// record of its own (`/v3/applied_candidate_tags`).
export const candidateTagSchema = z.looseObject({ ...recordBase, name: z.string() });
export type CandidateTag = z.infer<typeof candidateTagSchema>;

export const appliedCandidateTagSchema = z.looseObject({
  ...recordBase,
  candidate_id: greenhouseId,
  candidate_tag_id: greenhouseId,
});
export type AppliedCandidateTag = z.infer<typeof appliedCandidateTagSchema>;

export const createCandidateTagBody = z.strictObject({ name: z.string().min(1).max(255) });
export type CreateCandidateTagBody = z.infer<typeof createCandidateTagBody>;

export const applyCandidateTagBody = z.strictObject({
  candidate_id: greenhouseId,
  candidate_tag_id: greenhouseId,
});
export type ApplyCandidateTagBody = z.infer<typeof applyCandidateTagBody>;
