import type { DateRange } from './query';
import type { ApplicationStatusFilter } from './schemas/applications';
import type { AttachmentType } from './schemas/attachments';

// Type aliases (not interfaces) so each query is assignable to the generic HarvestQuery record.
// Parameter names are Greenhouse's own; `*_ids` longer than 50 are split into several requests.

type Ids = readonly number[];

export type CommonListQuery = {
  /** 1–500, default 100 (search endpoints: at most 100). */
  per_page?: number;
  ids?: Ids;
  /** Never together with `updated_at`: Greenhouse answers 422. */
  created_at?: DateRange;
  updated_at?: DateRange;
};

export type JobsQuery = CommonListQuery & {
  status?: 'open' | 'draft' | 'closed';
  confidential?: boolean;
  department_id?: number;
  office_id?: number;
  requisition_id?: string;
  custom_field_option_id?: number;
  opened_at?: DateRange;
  closed_at?: DateRange;
};

export type JobPostsQuery = CommonListQuery & {
  job_ids?: Ids;
  job_board_ids?: Ids;
  /** Greenhouse defaults to `true`: inactive posts are hidden unless asked for. */
  active?: boolean;
  live?: boolean;
  internal?: boolean;
  featured?: boolean;
};

export type JobInterviewStagesQuery = CommonListQuery & { job_ids?: Ids; active?: boolean };

export type UsersQuery = CommonListQuery & {
  office_ids?: Ids;
  department_ids?: Ids;
  employee_ids?: readonly string[];
  deactivated?: boolean;
  primary_email?: string;
  /** Service accounts are hidden unless this is true. */
  show_service_accounts?: boolean;
};

export type UserJobPermissionsQuery = CommonListQuery & { job_ids?: Ids; user_ids?: Ids; role_ids?: Ids };
export type FutureJobPermissionsQuery = CommonListQuery & {
  department_ids?: Ids;
  office_ids?: Ids;
  user_ids?: Ids;
  role_ids?: Ids;
};
export type UserRolesQuery = CommonListQuery;

export type JobOwnersQuery = CommonListQuery & {
  job_ids?: Ids;
  user_ids?: Ids;
  type?: 'sourcer' | 'recruiter' | 'coordinator';
};
export type JobHiringManagersQuery = CommonListQuery & { job_ids?: Ids; user_ids?: Ids };

export type CandidatesQuery = CommonListQuery & {
  /** Exact, case-insensitive, against any of the candidate's emails. Emails are not unique. */
  email?: string;
  tag?: string;
  private?: boolean;
  custom_field_option_id?: number;
  last_activity_at?: DateRange;
};

export type CandidateSearchQuery = {
  /** At most 100 on search. */
  per_page?: number;
  ids?: Ids;
  search?: string;
  tag?: string;
  job_id?: number;
  status?: 'candidates' | 'prospects' | 'all';
  job_status?: 'all' | 'open' | 'closed' | 'draft';
  stage_id?: number;
  source_id?: number;
  recruiter_id?: number;
  prospect_pool_id?: number;
  private?: boolean;
  last_activity_at?: DateRange;
};

export type ApplicationsQuery = CommonListQuery & {
  candidate_ids?: Ids;
  job_ids?: Ids;
  prospective_job_ids?: Ids;
  job_post_ids?: Ids;
  source_ids?: Ids;
  /** Application-stage ids (the `stage_id` of applications), not job interview stage ids. */
  stage_ids?: Ids;
  job_interview_stage_ids?: Ids;
  /** The filter says `active`; responses say `in_process`. */
  status?: ApplicationStatusFilter;
  stage_name?: string;
  last_activity_at?: DateRange;
  prospect?: boolean;
};

export type ApplicationStagesQuery = CommonListQuery & {
  application_ids?: Ids;
  job_interview_stage_ids?: Ids;
  current?: boolean;
};

export type ProspectPoolsQuery = CommonListQuery & {
  department_ids?: Ids;
  office_ids?: Ids;
  job_ids?: Ids;
  active?: boolean;
};
export type ProspectPoolStagesQuery = CommonListQuery & { prospect_pool_ids?: Ids };
export type ProspectDetailsQuery = CommonListQuery & {
  application_ids?: Ids;
  pool_ids?: Ids;
  pool_stage_ids?: Ids;
  prospect_owner_ids?: Ids;
};

export type AttachmentsQuery = CommonListQuery & {
  application_ids?: Ids;
  candidate_ids?: Ids;
  type?: AttachmentType;
};
export type NotesQuery = CommonListQuery & {
  candidate_ids?: Ids;
  application_ids?: Ids;
  user_ids?: Ids;
  type?: string;
  visibility?: 'admin_only_visible' | 'privately_visible' | 'publicly_visible';
};
export type CandidateEmploymentsQuery = CommonListQuery & {
  candidate_ids?: Ids;
  /** Only each candidate's most recent employment. */
  latest?: boolean;
};

export type CandidateEducationsQuery = CommonListQuery & {
  candidate_ids?: Ids;
  /** Only each candidate's most recent education. */
  latest?: boolean;
};
/** `custom_field_key` (`school_name`, `degree`, `discipline`, …) picks one field's options by its name_key. */
export type CustomFieldOptionsQuery = CommonListQuery & {
  custom_field_ids?: Ids;
  custom_field_key?: string;
  /** Omitted: archived options too. */
  active?: boolean;
};

export type SourcesQuery = CommonListQuery;
/** Greenhouse's default reasons are hidden unless `include_defaults` is true. */
export type RejectionReasonsQuery = CommonListQuery & { include_defaults?: boolean };
export type CloseReasonsQuery = CommonListQuery;
export type CustomFieldsQuery = CommonListQuery & {
  field_type?: string;
  active?: boolean;
  name_key?: string;
};
export type DepartmentsQuery = CommonListQuery & { parent_id?: number; external_id?: string };
export type OfficesQuery = CommonListQuery & { parent_id?: number; external_id?: string };

export type CandidateTagsQuery = CommonListQuery;
export type AppliedCandidateTagsQuery = CommonListQuery & {
  candidate_ids?: Ids;
  candidate_tag_ids?: Ids;
};
