import type {
  Application,
  ApplicationStage,
  Candidate,
  Job,
  JobInterviewStage,
} from '../../greenhouse/schemas';
import { byId, nextId, type TenantState } from '../state/types';

// Record constructors: every field Greenhouse's response schema declares is present (null when
// unknown), exactly as Greenhouse answers, so the shape test can hold the sandbox to the document.

// Picked by name: the loose (index-signature) record types lose their keys under Omit.
export type CandidateInput = Partial<
  Pick<
    Candidate,
    | 'preferred_name'
    | 'company'
    | 'title'
    | 'last_activity_at'
    | 'private'
    | 'can_email'
    | 'time_zone'
    | 'tags'
    | 'linked_user_ids'
    | 'phone_numbers'
    | 'addresses'
    | 'email_addresses'
    | 'website_addresses'
    | 'social_media_addresses'
    | 'custom_fields'
  >
> & {
  first_name: string;
  last_name: string;
};

export function addCandidate(state: TenantState, input: CandidateInput, at: string): Candidate {
  const candidate: Candidate = {
    id: nextId(state, 'candidates'),
    created_at: at,
    updated_at: at,
    first_name: input.first_name,
    last_name: input.last_name,
    preferred_name: input.preferred_name ?? null,
    company: input.company ?? null,
    title: input.title ?? null,
    last_activity_at: input.last_activity_at ?? at,
    private: input.private ?? false,
    can_email: input.can_email ?? true,
    time_zone: input.time_zone ?? null,
    tags: input.tags ?? [],
    linked_user_ids: input.linked_user_ids ?? [],
    phone_numbers: input.phone_numbers ?? [],
    addresses: input.addresses ?? [],
    email_addresses: input.email_addresses ?? [],
    website_addresses: input.website_addresses ?? [],
    social_media_addresses: input.social_media_addresses ?? [],
    custom_fields: input.custom_fields ?? {},
  };
  state.candidates.push(candidate);
  return candidate;
}

export interface ApplicationInput {
  candidate_id: number;
  job_id: number | null;
  prospect: boolean;
  source_id?: number | null;
  recruiter_id?: number | null;
  coordinator_id?: number | null;
  referrer_id?: number | null;
  job_post_id?: number | null;
  prospective_job_ids?: number[];
  custom_fields?: Application['custom_fields'];
}

/** A candidate application starts at `initialStage` (default: the job's first active stage). */
export function addApplication(
  state: TenantState,
  input: ApplicationInput,
  at: string,
  initialStage?: JobInterviewStage,
): Application {
  const application: Application = {
    id: nextId(state, 'applications'),
    created_at: at,
    updated_at: at,
    agency_note_id: null,
    candidate_id: input.candidate_id,
    coordinator_id: input.coordinator_id ?? null,
    job_id: input.job_id,
    job_post_id: input.job_post_id ?? null,
    recruiter_id: input.recruiter_id ?? null,
    referrer_id: input.referrer_id ?? null,
    rejection_reason_id: null,
    source_id: input.source_id ?? null,
    stage_id: null,
    job_interview_stage_id: null,
    stage_name: null,
    status: 'in_process',
    needs_decision: false,
    prospect: input.prospect,
    rejected_at: null,
    last_activity_at: at,
    location_address: null,
    answers: [],
    prospective_job_ids: input.prospective_job_ids ?? [],
    custom_fields: input.custom_fields ?? {},
  };
  state.applications.push(application);
  if (!input.prospect && input.job_id !== null) {
    const stage = initialStage ?? firstStage(state, input.job_id);
    if (stage) enterStage(state, application, stage, at);
  }
  return application;
}

/** Closes the current stage visit and opens a new one: `stage_id` is the visit, not the stage. */
export function enterStage(
  state: TenantState,
  application: Application,
  stage: JobInterviewStage,
  at: string,
): void {
  for (const visit of state.application_stages) {
    if (visit.application_id === application.id && visit.current) {
      visit.current = false;
      visit.exited_at = at;
      visit.updated_at = at;
    }
  }
  const visit: ApplicationStage = {
    id: nextId(state, 'application_stages'),
    created_at: at,
    updated_at: at,
    application_id: application.id,
    job_interview_stage_id: stage.id,
    entered_at: at,
    exited_at: null,
    days_in_stage: 0,
    current: true,
  };
  state.application_stages.push(visit);
  application.stage_id = visit.id;
  application.job_interview_stage_id = stage.id;
  application.stage_name = stage.name;
  touchApplication(state, application, at);
}

export function touchApplication(state: TenantState, application: Application, at: string): void {
  application.updated_at = at;
  application.last_activity_at = at;
  const candidate = byId(state.candidates, application.candidate_id);
  if (candidate) {
    candidate.last_activity_at = at;
    candidate.updated_at = at;
  }
}

export function jobStages(state: TenantState, jobId: number): JobInterviewStage[] {
  return state.job_interview_stages
    .filter((stage) => stage.job_id === jobId && stage.active)
    .sort((a, b) => a.sort_order - b.sort_order);
}

export function firstStage(state: TenantState, jobId: number): JobInterviewStage | undefined {
  return jobStages(state, jobId)[0];
}

export interface JobInput {
  name: string;
  department_id: number | null;
  office_ids: number[];
  confidential?: boolean;
  status?: Job['status'];
  requisition_id?: string | null;
  custom_fields?: Job['custom_fields'];
}

export function addJob(state: TenantState, input: JobInput, at: string, interviewPlan: string[]): Job {
  const status = input.status ?? 'open';
  const job: Job = {
    id: nextId(state, 'jobs'),
    created_at: at,
    updated_at: at,
    name: input.name,
    requisition_id: input.requisition_id ?? null,
    notes: null,
    confidential: input.confidential ?? false,
    status,
    opened_at: status === 'draft' ? null : at,
    closed_at: status === 'closed' ? at : null,
    is_template: false,
    copied_from_id: null,
    department_id: input.department_id,
    office_ids: input.office_ids,
    custom_fields: input.custom_fields ?? {},
  };
  state.jobs.push(job);
  interviewPlan.forEach((name, index) => {
    state.job_interview_stages.push({
      id: nextId(state, 'job_interview_stages'),
      created_at: at,
      updated_at: at,
      job_id: job.id,
      sort_order: index,
      name,
      active: true,
    });
  });
  // Future job permissions turn into job permissions when a matching job appears.
  for (const future of state.future_job_permissions) {
    const departmentMatches = future.department_id === null || future.department_id === job.department_id;
    const officeMatches = future.office_id === null || job.office_ids?.includes(future.office_id);
    if (departmentMatches && officeMatches) {
      state.user_job_permissions.push({
        id: nextId(state, 'user_job_permissions'),
        created_at: at,
        updated_at: at,
        job_id: job.id,
        user_id: future.user_id,
        role_id: future.role_id,
        automated: true,
      });
    }
  }
  return job;
}
