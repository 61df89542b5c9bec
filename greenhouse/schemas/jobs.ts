import { z } from 'zod';
import { customFieldValues, greenhouseId, nullableTimestamp, recordBase } from './common';

export const jobStatuses = ['open', 'draft', 'closed'] as const;

export const jobSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  status: z.enum(jobStatuses),
  confidential: z.boolean(),
  requisition_id: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  opened_at: nullableTimestamp.optional(),
  closed_at: nullableTimestamp.optional(),
  is_template: z.boolean().nullable().optional(),
  copied_from_id: greenhouseId.nullable().optional(),
  department_id: greenhouseId.nullable(),
  office_ids: z.array(greenhouseId).nullable(),
  custom_fields: customFieldValues.optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobPostLanguages = [
  'en',
  'zh',
  'zhHant',
  'nl',
  'fi',
  'fr',
  'de',
  'iw',
  'it',
  'ja',
  'ko',
  'no',
  'pl',
  'pt',
  'ru',
  'es',
  'se',
  'tg',
  'th',
] as const;

export const jobPostQuestionAnswerTypes = [
  'short_text',
  'long_text',
  'boolean',
  'single_select',
  'multi_select',
  'attachment',
  'hidden',
] as const;

export const jobPostSchema = z.looseObject({
  ...recordBase,
  job_id: greenhouseId,
  title: z.string(),
  content: z.string().nullable(),
  live: z.boolean(),
  active: z.boolean(),
  internal: z.boolean().optional(),
  featured: z.boolean().optional(),
  first_published_at: nullableTimestamp.optional(),
  language: z.enum(jobPostLanguages).nullable().optional(),
  public_url: z.string().nullable().optional(),
  job_board_id: greenhouseId.optional(),
  demographic_question_set_id: greenhouseId.nullable().optional(),
  questions: z
    .array(
      z.looseObject({
        id: greenhouseId.nullable().optional(),
        description: z.string().nullable().optional(),
        answer_type: z.enum(jobPostQuestionAnswerTypes).optional(),
        required: z.boolean().nullable().optional(),
        private: z.boolean().optional(),
        label: z.string().optional(),
        name: z.string().optional(),
      }),
    )
    .optional(),
});
export type JobPost = z.infer<typeof jobPostSchema>;

export const jobInterviewStageSchema = z.looseObject({
  ...recordBase,
  job_id: greenhouseId,
  name: z.string(),
  sort_order: z.number().int(),
  active: z.boolean(),
});
export type JobInterviewStage = z.infer<typeof jobInterviewStageSchema>;
