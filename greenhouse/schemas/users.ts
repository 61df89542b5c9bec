import { z } from 'zod';
import { customFieldValues, greenhouseId, recordBase } from './common';

export const userSchema = z.looseObject({
  ...recordBase,
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  name: z.string().nullable().optional(),
  primary_email: z.string(),
  site_admin: z.boolean(),
  deactivated: z.boolean(),
  job_title: z.string().nullable().optional(),
  agency_id: greenhouseId.nullable().optional(),
  employee_id: z.string().nullable().optional(),
  emails: z.array(z.string()).optional(),
  linked_candidate_ids: z.array(greenhouseId).optional(),
  office_ids: z.array(greenhouseId).optional(),
  department_ids: z.array(greenhouseId).optional(),
  interviewer_tags: z.array(z.looseObject({ id: greenhouseId, name: z.string() })).optional(),
  custom_fields: customFieldValues.optional(),
});
export type User = z.infer<typeof userSchema>;

export const userJobPermissionSchema = z.looseObject({
  ...recordBase,
  job_id: greenhouseId,
  user_id: greenhouseId,
  role_id: greenhouseId,
  automated: z.boolean().nullable().optional(),
});
export type UserJobPermission = z.infer<typeof userJobPermissionSchema>;

export const futureJobPermissionSchema = z.looseObject({
  ...recordBase,
  user_id: greenhouseId,
  role_id: greenhouseId,
  department_id: greenhouseId.nullable(),
  office_id: greenhouseId.nullable(),
});
export type FutureJobPermission = z.infer<typeof futureJobPermissionSchema>;

export const userRoleTypes = ['deprecated_interviewer', 'job_admin', 'site_admin'] as const;

export const userRoleSchema = z.looseObject({
  ...recordBase,
  name: z.string(),
  role_type: z.enum(userRoleTypes),
});
export type UserRole = z.infer<typeof userRoleSchema>;
