import { z } from 'zod';
import {
  customFieldValues,
  customFieldWrite,
  greenhouseId,
  nullableTimestamp,
  recordBase,
  timestamp,
} from './common';

const typedValue = z.looseObject({ value: z.string(), type: z.string().optional() });

export const candidateSchema = z.looseObject({
  ...recordBase,
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  preferred_name: z.string().nullable().optional(),
  company: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  last_activity_at: nullableTimestamp.optional(),
  private: z.boolean().nullable().optional(),
  can_email: z.boolean().optional(),
  time_zone: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  linked_user_ids: z.array(greenhouseId).optional(),
  phone_numbers: z.array(typedValue),
  addresses: z.array(typedValue).optional(),
  email_addresses: z.array(typedValue),
  website_addresses: z.array(typedValue),
  social_media_addresses: z.array(z.looseObject({ value: z.string() })),
  custom_fields: customFieldValues.optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const phoneTypes = ['home', 'work', 'mobile', 'skype', 'other'] as const;
export const addressTypes = ['home', 'work', 'other'] as const;
export const emailTypes = ['personal', 'work', 'other'] as const;
export const websiteTypes = ['personal', 'company', 'portfolio', 'blog', 'other'] as const;

const contactDetails = {
  preferred_name: z.string().max(255).optional(),
  company: z.string().optional(),
  title: z.string().max(255).optional(),
  can_email: z.boolean().optional(),
  // Greenhouse validates against a long list of Rails time-zone names; we pass what we were given.
  time_zone: z.string().optional(),
  phone_numbers: z.array(z.strictObject({ value: z.string(), type: z.enum(phoneTypes) })).optional(),
  addresses: z.array(z.strictObject({ value: z.string(), type: z.enum(addressTypes) })).optional(),
  email_addresses: z.array(z.strictObject({ value: z.string(), type: z.enum(emailTypes) })).optional(),
  website_addresses: z.array(z.strictObject({ value: z.string(), type: z.enum(websiteTypes) })).optional(),
  social_media_addresses: z.array(z.strictObject({ value: z.string() })).optional(),
  tags: z.array(z.string()).optional(),
  linked_user_ids: z.array(greenhouseId).optional(),
  custom_fields: z.array(customFieldWrite).optional(),
};

const applicationAttribution = {
  source_id: greenhouseId.optional(),
  recruiter_id: greenhouseId.optional(),
  coordinator_id: greenhouseId.optional(),
  referrer_id: greenhouseId.optional(),
  created_at: timestamp.optional(),
  custom_fields: z.array(customFieldWrite).optional(),
};

/** A candidate on a job: lands on `initial_stage_id` or the job's first interview stage. */
export const candidateApplicationFields = {
  ...applicationAttribution,
  job_id: greenhouseId,
  initial_stage_id: greenhouseId.optional(),
};

/** A prospect: jobless, or considered for `job_ids`, optionally in a prospect pool. */
export const prospectApplicationFields = {
  ...applicationAttribution,
  prospect: z.literal(true),
  job_ids: z.array(greenhouseId).optional(),
  prospect_pool_id: greenhouseId.optional(),
  prospect_pool_stage_id: greenhouseId.optional(),
  prospect_owner_id: greenhouseId.optional(),
  prospective_department_id: greenhouseId.optional(),
  prospective_office_id: greenhouseId.optional(),
};

export const nestedApplicationBody = z.union([
  z.strictObject(candidateApplicationFields),
  z.strictObject(prospectApplicationFields),
]);
export type NestedApplicationBody = z.infer<typeof nestedApplicationBody>;

export const createCandidateBody = z.strictObject({
  first_name: z.string().min(1).max(255),
  last_name: z.string().min(1).max(255),
  ...contactDetails,
  application: nestedApplicationBody.optional(),
});
export type CreateCandidateBody = z.infer<typeof createCandidateBody>;

export const patchCandidateBody = z.strictObject({
  first_name: z.string().min(1).max(255).optional(),
  last_name: z.string().min(1).max(255).optional(),
  is_private: z.boolean().optional(),
  ...contactDetails,
});
export type PatchCandidateBody = z.infer<typeof patchCandidateBody>;
