import { z } from 'zod';
import { greenhouseId, recordBase } from './common';
import { isoDate } from './employments';

/**
 * The custom fields whose options are Greenhouse's dictionaries of schools, degrees and disciplines (v1's
 * `/schools`, `/degrees`, `/disciplines`): read with `GET /v3/custom_field_options?custom_field_key=…`.
 */
export const educationDictionaryKeys = ['school_name', 'degree', 'discipline'] as const;
export type EducationDictionaryKey = (typeof educationDictionaryKeys)[number];

/** One selectable value of a single- or multi-select custom field. */
export const customFieldOptionSchema = z.looseObject({
  ...recordBase,
  custom_field_id: greenhouseId,
  name: z.string(),
  /** False once archived: still resolves on old records, no longer offered. */
  active: z.boolean().nullable().optional(),
  sort_order: z.number().int().nullable().optional(),
  external_id: z.string().nullable().optional(),
});
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;

/** One education on a candidate's profile: school, degree and discipline are ids of dictionary options. */
export const candidateEducationSchema = z.looseObject({
  ...recordBase,
  candidate_id: greenhouseId,
  school_name_custom_field_option_id: greenhouseId.nullable(),
  degree_custom_field_option_id: greenhouseId.nullable(),
  discipline_custom_field_option_id: greenhouseId.nullable(),
  start_at: z.string().nullable(),
  /** `null`: in progress (or no end known). */
  end_at: z.string().nullable(),
  start_date_month: z.number().int().nullable().optional(),
  start_date_year: z.number().int().nullable().optional(),
  end_date_month: z.number().int().nullable().optional(),
  end_date_year: z.number().int().nullable().optional(),
  /** At most one per candidate: the most recent by `end_at`. */
  latest: z.boolean().nullable().optional(),
});
export type CandidateEducation = z.infer<typeof candidateEducationSchema>;

const month = z.number().int().min(1).max(12);
const year = z.number().int().min(1900).max(2100);

/**
 * Everything but `candidate_id` is optional. Dates come either as ISO dates or as month/year pairs; which
 * pair-less combinations Greenhouse accepts is not documented, so Pilothouse sends ISO dates.
 */
export const createCandidateEducationBody = z.strictObject({
  candidate_id: greenhouseId,
  school_name_custom_field_option_id: greenhouseId.optional(),
  degree_custom_field_option_id: greenhouseId.optional(),
  discipline_custom_field_option_id: greenhouseId.optional(),
  start_date: isoDate.optional(),
  end_date: isoDate.optional(),
  start_date_month: month.optional(),
  start_date_year: year.optional(),
  end_date_month: month.optional(),
  end_date_year: year.optional(),
});
export type CreateCandidateEducationBody = z.infer<typeof createCandidateEducationBody>;
