import { z } from 'zod';
import { candidateApplicationFields, prospectApplicationFields } from './candidates';
import {
  customFieldValues,
  customFieldWrite,
  greenhouseId,
  nullableTimestamp,
  recordBase,
  timestamp,
} from './common';

/** Response statuses. The list filter says `active` where responses say `in_process`. */
export const applicationStatuses = ['rejected', 'hired', 'converted', 'in_process'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusFilters = ['rejected', 'hired', 'converted', 'active'] as const;
export type ApplicationStatusFilter = (typeof applicationStatusFilters)[number];

export const applicationSchema = z.looseObject({
  ...recordBase,
  candidate_id: greenhouseId,
  job_id: greenhouseId.nullable(),
  job_post_id: greenhouseId.nullable().optional(),
  status: z.enum(applicationStatuses),
  prospect: z.boolean(),
  /** Application-stage id (the stage visit), not the job interview stage definition. */
  stage_id: greenhouseId.nullable(),
  /** Job interview stage definition id (from /v3/job_interview_stages). */
  job_interview_stage_id: greenhouseId.nullable(),
  stage_name: z.string().nullable(),
  source_id: greenhouseId.nullable().optional(),
  recruiter_id: greenhouseId.nullable().optional(),
  coordinator_id: greenhouseId.nullable().optional(),
  referrer_id: greenhouseId.nullable().optional(),
  agency_note_id: greenhouseId.nullable().optional(),
  rejection_reason_id: greenhouseId.nullable().optional(),
  rejected_at: nullableTimestamp.optional(),
  last_activity_at: nullableTimestamp.optional(),
  needs_decision: z.boolean().nullable().optional(),
  location_address: z.string().nullable().optional(),
  answers: z
    .array(z.looseObject({ question: z.string(), answer: z.string() }))
    .nullable()
    .optional(),
  prospective_job_ids: z.array(greenhouseId).optional(),
  custom_fields: customFieldValues.optional(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationStageSchema = z.looseObject({
  ...recordBase,
  application_id: greenhouseId,
  job_interview_stage_id: greenhouseId,
  entered_at: nullableTimestamp,
  exited_at: nullableTimestamp,
  current: z.boolean(),
  days_in_stage: z.number().int().optional(),
});
export type ApplicationStage = z.infer<typeof applicationStageSchema>;

export const createApplicationBody = z.union([
  z.strictObject({ candidate_id: greenhouseId, ...candidateApplicationFields }),
  z.strictObject({ candidate_id: greenhouseId, ...prospectApplicationFields }),
]);
export type CreateApplicationBody = z.infer<typeof createApplicationBody>;

export const patchApplicationBody = z.strictObject({
  source_id: greenhouseId.optional(),
  referrer_id: greenhouseId.optional(),
  recruiter_id: greenhouseId.optional(),
  coordinator_id: greenhouseId.optional(),
  prospect_pool_id: greenhouseId.optional(),
  prospect_stage_id: greenhouseId.optional(),
  rejected_at: z.string().optional(),
  created_at: z.string().optional(),
  custom_fields: z.array(customFieldWrite).optional(),
});
export type PatchApplicationBody = z.infer<typeof patchApplicationBody>;

/**
 * Neither `to_stage_id` nor `to_job_id`: advance to the next stage. A move can send Greenhouse's
 * automated emails, so `from_stage_id` (the stage we believe is current) is mandatory.
 */
export const moveApplicationBody = z.strictObject({
  from_stage_id: greenhouseId,
  to_stage_id: greenhouseId.optional(),
  to_job_id: greenhouseId.optional(),
  email_from_user_id: greenhouseId.optional(),
});
export type MoveApplicationBody = z.infer<typeof moveApplicationBody>;

export const rejectApplicationBody = z.strictObject({
  rejection_reason_id: greenhouseId,
  notes: z.string().optional(),
  rejection_email: z
    .strictObject({
      send_email_at: timestamp.optional(),
      email_template_id: greenhouseId.optional(),
      email_from_user_id: greenhouseId.optional(),
    })
    .optional(),
  custom_fields: z.array(customFieldWrite).optional(),
});
export type RejectApplicationBody = z.infer<typeof rejectApplicationBody>;

export const unrejectApplicationBody = z.strictObject({});

export const hireApplicationBody = z.strictObject({
  start_date: timestamp.optional(),
  opening_id: greenhouseId.optional(),
  close_reason_id: greenhouseId.nullable().optional(),
});
export type HireApplicationBody = z.infer<typeof hireApplicationBody>;

export const convertProspectBody = z.strictObject({
  job_id: greenhouseId,
  to_job_interview_stage_id: greenhouseId.optional(),
});
export type ConvertProspectBody = z.infer<typeof convertProspectBody>;
