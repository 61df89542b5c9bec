import { z } from 'zod';

// Greenhouse still sends webhooks in the Harvest v1 shape. These schemas read only what we
// translate, loosely: the payloads carry much more (interviews, offers, attachments, ...).

const id = z.number().int();
const typedValue = z.looseObject({ value: z.string(), type: z.string().nullable().optional() });
const userRef = z.looseObject({
  id,
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
const keyedCustomFields = z
  .record(z.string(), z.looseObject({ name: z.string(), type: z.string(), value: z.unknown() }))
  .nullable()
  .optional();

export const webhookV1Candidate = z.looseObject({
  id,
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  company: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  is_private: z.boolean().nullable().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
  email_addresses: z.array(typedValue).default([]),
  phone_numbers: z.array(typedValue).default([]),
  addresses: z.array(typedValue).default([]),
  website_addresses: z.array(typedValue).default([]),
  social_media_addresses: z.array(typedValue).default([]),
  tags: z.array(z.string()).default([]),
  recruiter: userRef.nullable().optional(),
  coordinator: userRef.nullable().optional(),
  keyed_custom_fields: keyedCustomFields,
});

export const webhookV1Application = z.looseObject({
  id,
  status: z.enum(['active', 'rejected', 'hired', 'converted']),
  prospect: z.boolean().default(false),
  applied_at: z.string().nullable().optional(),
  rejected_at: z.string().nullable().optional(),
  last_activity_at: z.string().nullable().optional(),
  current_stage: z.looseObject({ id, name: z.string() }).nullable().optional(),
  jobs: z.array(z.looseObject({ id, name: z.string().nullable().optional() })).default([]),
  source: z.looseObject({ id, public_name: z.string().nullable().optional() }).nullable().optional(),
  credited_to: userRef.nullable().optional(),
  rejection_reason: z.looseObject({ id, name: z.string().nullable().optional() }).nullable().optional(),
  candidate: webhookV1Candidate.optional(),
  candidate_id: id.optional(),
  keyed_custom_fields: keyedCustomFields,
});

export const webhookV1Job = z.looseObject({
  id,
  name: z.string(),
  status: z.enum(['open', 'closed', 'draft']),
  confidential: z.boolean().default(false),
  requisition_id: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
  opened_at: z.string().nullable().optional(),
  closed_at: z.string().nullable().optional(),
  departments: z.array(z.looseObject({ id, name: z.string().nullable().optional() })).default([]),
  offices: z.array(z.looseObject({ id, name: z.string().nullable().optional() })).default([]),
  keyed_custom_fields: keyedCustomFields,
});

export const webhookV1JobPost = z.looseObject({
  id,
  job_id: id.nullable().optional(),
  title: z.string().nullable().optional(),
  live: z.boolean().nullable().optional(),
  active: z.boolean().nullable().optional(),
  content: z.string().nullable().optional(),
});

export const webhookEnvelope = z.looseObject({
  action: z.string().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});

export type WebhookV1Application = z.infer<typeof webhookV1Application>;
export type WebhookV1Candidate = z.infer<typeof webhookV1Candidate>;
export type WebhookV1Job = z.infer<typeof webhookV1Job>;
