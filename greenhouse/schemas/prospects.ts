import { z } from 'zod';
import { greenhouseId, recordBase } from './common';

export const prospectPoolSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  active: z.boolean(),
  description: z.string().nullable().optional(),
  department_ids: z.array(greenhouseId).optional(),
  office_ids: z.array(greenhouseId).optional(),
  job_ids: z.array(greenhouseId).optional(),
});
export type ProspectPool = z.infer<typeof prospectPoolSchema>;

export const prospectPoolStageSchema = z.looseObject({
  ...recordBase,
  prospect_pool_id: greenhouseId,
  name: z.string(),
  sort_order: z.number().int(),
});
export type ProspectPoolStage = z.infer<typeof prospectPoolStageSchema>;

export const prospectDetailSchema = z.looseObject({
  ...recordBase,
  application_id: greenhouseId,
  pool_id: greenhouseId.nullable(),
  pool_stage_id: greenhouseId.nullable(),
  prospect_owner_id: greenhouseId.nullable(),
  department_id: greenhouseId.nullable().optional(),
  office_id: greenhouseId.nullable().optional(),
});
export type ProspectDetail = z.infer<typeof prospectDetailSchema>;
