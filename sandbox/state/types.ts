import type {
  Application,
  ApplicationStage,
  Attachment,
  Candidate,
  CandidateEducation,
  CandidateEmployment,
  CloseReason,
  CustomField,
  CustomFieldOption,
  Department,
  FutureJobPermission,
  Job,
  JobHiringManager,
  JobInterviewStage,
  JobOwner,
  JobPost,
  AppliedCandidateTag,
  CandidateTag,
  Note,
  Office,
  ProspectDetail,
  ProspectPool,
  ProspectPoolStage,
  RejectionReason,
  Source,
  User,
  UserJobPermission,
  UserRole,
} from '../../greenhouse/schemas';

// The tenant is stored in Greenhouse's v3 response shapes, so reads are filters over these
// arrays. What Greenhouse knows but never shows (service accounts, default reasons, file bytes,
// openings) lives beside them, not inside them.

export interface Opening {
  id: number;
  job_id: number;
  status: 'open' | 'closed';
  application_id: number | null;
  close_reason_id: number | null;
}

export interface StoredFile {
  attachment_id: number;
  /** Base64 of the bytes. */
  content: string;
  content_type: string;
  /** Part of the download URL, like a signed S3 link. */
  token: string;
}

export interface SandboxCredential {
  client_id: string;
  client_secret: string;
  scopes: string[];
}

export interface WebhookTarget {
  id: number;
  url: string;
  secret_key: string;
  /** Greenhouse configures one event per webhook; the sandbox lets one target take several (empty = all). */
  events: string[];
  max_attempts: number;
}

export interface TenantRecords {
  departments: Department[];
  offices: Office[];
  users: User[];
  user_roles: UserRole[];
  user_job_permissions: UserJobPermission[];
  future_job_permissions: FutureJobPermission[];
  jobs: Job[];
  job_posts: JobPost[];
  job_interview_stages: JobInterviewStage[];
  /** The hiring team: recruiters, coordinators and sourcers here, hiring managers in job_hiring_managers. */
  job_owners: JobOwner[];
  job_hiring_managers: JobHiringManager[];
  openings: Opening[];
  candidates: Candidate[];
  applications: Application[];
  application_stages: ApplicationStage[];
  prospect_pools: ProspectPool[];
  prospect_pool_stages: ProspectPoolStage[];
  prospect_details: ProspectDetail[];
  attachments: Attachment[];
  notes: Note[];
  candidate_employments: CandidateEmployment[];
  candidate_educations: CandidateEducation[];
  candidate_tags: CandidateTag[];
  applied_candidate_tags: AppliedCandidateTag[];
  sources: Source[];
  rejection_reasons: RejectionReason[];
  close_reasons: CloseReason[];
  custom_fields: CustomField[];
  /** Options of select fields, among them the school, degree and discipline dictionaries. */
  custom_field_options: CustomFieldOption[];
}

export type RecordKind = keyof TenantRecords;

export interface TenantState extends TenantRecords {
  version: 1;
  seed: number;
  nextIds: Record<RecordKind, number>;
  /** Integration/service users: hidden from /users unless show_service_accounts=true. */
  service_account_user_ids: number[];
  /** Greenhouse's built-in reasons: hidden unless include_defaults=true. */
  default_rejection_reason_ids: number[];
  files: StoredFile[];
  /** The `rejection_email` each reject asked for (Greenhouse sends it; the v3 API never shows it back). */
  rejection_emails: RejectionEmail[];
}

export interface RejectionEmail {
  application_id: number;
  send_email_at: string | null;
  email_template_id: number | null;
  email_from_user_id: number | null;
}

/** Distinct id ranges per resource, so using a stage id where a job id belongs fails loudly. */
export const idBases: Record<RecordKind, number> = {
  departments: 10_001,
  offices: 20_001,
  user_roles: 30_001,
  user_job_permissions: 40_001,
  future_job_permissions: 50_001,
  prospect_pools: 60_001,
  prospect_pool_stages: 61_001,
  sources: 70_001,
  rejection_reasons: 80_001,
  close_reasons: 90_001,
  custom_fields: 95_001,
  custom_field_options: 96_001,
  users: 1_000_001,
  jobs: 4_000_001,
  job_posts: 5_000_001,
  job_interview_stages: 6_000_001,
  openings: 7_000_001,
  candidates: 100_000_001,
  applications: 200_000_001,
  application_stages: 300_000_001,
  prospect_details: 400_000_001,
  attachments: 500_000_001,
  notes: 600_000_001,
  candidate_employments: 650_000_001,
  candidate_educations: 660_000_001,
  candidate_tags: 610_001,
  applied_candidate_tags: 620_001,
  job_owners: 630_001,
  job_hiring_managers: 640_001,
};

export function emptyTenant(seed: number): TenantState {
  return {
    version: 1,
    seed,
    nextIds: { ...idBases },
    service_account_user_ids: [],
    default_rejection_reason_ids: [],
    files: [],
    rejection_emails: [],
    departments: [],
    offices: [],
    users: [],
    user_roles: [],
    user_job_permissions: [],
    future_job_permissions: [],
    jobs: [],
    job_posts: [],
    job_interview_stages: [],
    job_owners: [],
    job_hiring_managers: [],
    openings: [],
    candidates: [],
    applications: [],
    application_stages: [],
    prospect_pools: [],
    prospect_pool_stages: [],
    prospect_details: [],
    attachments: [],
    notes: [],
    candidate_employments: [],
    candidate_educations: [],
    candidate_tags: [],
    applied_candidate_tags: [],
    sources: [],
    rejection_reasons: [],
    close_reasons: [],
    custom_fields: [],
    custom_field_options: [],
  };
}

export function nextId(state: TenantState, kind: RecordKind): number {
  const id = state.nextIds[kind];
  state.nextIds[kind] = id + 1;
  return id;
}

export function byId<T extends { id: number }>(records: readonly T[], id: number): T | undefined {
  return records.find((record) => record.id === id);
}

export const recordKinds = Object.keys(idBases) as RecordKind[];
