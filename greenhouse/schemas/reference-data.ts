import { z } from 'zod';
import { greenhouseId, recordBase } from './common';

export const sourceSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  type: z.looseObject({ id: greenhouseId, name: z.string() }).nullable().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const rejectionReasonSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  type: z
    .looseObject({ id: greenhouseId, key: z.string().optional(), name: z.string() })
    .nullable()
    .optional(),
});
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const closeReasonSchema = z.looseObject({ ...recordBase, name: z.string() });
export type CloseReason = z.infer<typeof closeReasonSchema>;

export const customFieldTypes = [
  'job',
  'opening',
  'standard',
  'offer',
  'compensation_frequency',
  'candidate',
  'referral_question',
  'application',
  'rejection_question',
  'form',
  'agency_question',
  'user_attribute',
] as const;
export const customFieldValueTypes = [
  'short_text',
  'long_text',
  'yes_no',
  'single_select',
  'multi_select',
  'currency',
  'number',
  'date',
  'url',
  'currency_range',
  'number_range',
  'user',
  'linked',
  'header',
  'statement',
  'attachment',
  'rich_text',
] as const;
export const customFieldInternalTypes = [
  'employment_type',
  'offer_documents',
  'start_date',
  'school_name',
  'degree',
  'discipline',
  'offer_opening',
] as const;
export const customFieldApplicationTypes = [
  'all_applications',
  'candidate_applications',
  'prospect_applications',
] as const;

export const customFieldSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  name_key: z.string(),
  description: z.string().nullable().optional(),
  field_type: z.enum(customFieldTypes),
  value_type: z.enum(customFieldValueTypes),
  active: z.boolean().nullable().optional(),
  private: z.boolean().optional(),
  required: z.boolean().optional(),
  sort_order: z.number().int().optional(),
  internal_type: z.enum(customFieldInternalTypes).nullable().optional(),
  application_type: z.enum(customFieldApplicationTypes).nullable().optional(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const departmentSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  parent_id: greenhouseId.nullable().optional(),
  external_id: z.string().nullable().optional(),
});
export type Department = z.infer<typeof departmentSchema>;

export const officeSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  parent_id: greenhouseId.nullable().optional(),
  external_id: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  primary_in_house_contact_user_id: greenhouseId.nullable().optional(),
});
export type Office = z.infer<typeof officeSchema>;
