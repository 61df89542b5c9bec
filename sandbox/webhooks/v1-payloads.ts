import type { Application, Candidate, Job } from '../../greenhouse/schemas';
import { byId, type TenantState } from '../state/types';

// Greenhouse's webhooks still speak Harvest v1: `current_stage`, `jobs[]`, `status: active`, an
// embedded candidate with `recruiter`/`coordinator` objects and `keyed_custom_fields`.

export function v1Application(state: TenantState, application: Application, origin: string) {
  const candidate = byId(state.candidates, application.candidate_id);
  const jobIds = application.prospect ? (application.prospective_job_ids ?? []) : [application.job_id];
  const jobs = jobIds
    .map((jobId) => (jobId === null ? undefined : byId(state.jobs, jobId)))
    .filter((job): job is Job => job !== undefined)
    .map((job) => ({
      id: job.id,
      name: job.name,
      status: job.status,
      requisition_id: job.requisition_id ?? null,
    }));
  const source = application.source_id ? byId(state.sources, application.source_id) : undefined;
  const reason = application.rejection_reason_id
    ? byId(state.rejection_reasons, application.rejection_reason_id)
    : undefined;
  return {
    id: application.id,
    candidate_id: application.candidate_id,
    prospect: application.prospect,
    status: application.status === 'in_process' ? 'active' : application.status,
    applied_at: application.created_at,
    rejected_at: application.rejected_at ?? null,
    last_activity_at: application.last_activity_at ?? null,
    url: `${origin}/people/${application.candidate_id}?application_id=${application.id}`,
    source: source ? { id: source.id, public_name: source.name } : null,
    credited_to: userRef(state, application.recruiter_id ?? null),
    rejection_reason: reason ? { id: reason.id, name: reason.name, type: reason.type ?? null } : null,
    current_stage:
      application.job_interview_stage_id !== null
        ? { id: application.job_interview_stage_id, name: application.stage_name, interviews: [] }
        : null,
    jobs,
    job_post: null,
    candidate: candidate ? v1Candidate(state, candidate, application) : undefined,
    answers: application.answers ?? [],
    custom_fields: plainCustomFields(application.custom_fields),
    keyed_custom_fields: application.custom_fields ?? {},
  };
}

export function v1Candidate(state: TenantState, candidate: Candidate, application?: Application) {
  return {
    id: candidate.id,
    first_name: candidate.first_name,
    last_name: candidate.last_name,
    title: candidate.title ?? null,
    company: candidate.company ?? null,
    created_at: candidate.created_at,
    updated_at: candidate.updated_at,
    is_private: candidate.private ?? false,
    email_addresses: candidate.email_addresses,
    phone_numbers: candidate.phone_numbers,
    addresses: candidate.addresses ?? [],
    website_addresses: candidate.website_addresses,
    social_media_addresses: candidate.social_media_addresses,
    tags: candidate.tags ?? [],
    recruiter: userRef(state, application?.recruiter_id ?? null),
    coordinator: userRef(state, application?.coordinator_id ?? null),
    attachments: state.attachments
      .filter((attachment) => attachment.candidate_id === candidate.id)
      .map((attachment) => ({ filename: attachment.filename, url: attachment.url, type: attachment.type })),
    custom_fields: plainCustomFields(candidate.custom_fields),
    keyed_custom_fields: candidate.custom_fields ?? {},
  };
}

export function v1Job(state: TenantState, job: Job) {
  const department = job.department_id ? byId(state.departments, job.department_id) : undefined;
  return {
    id: job.id,
    name: job.name,
    requisition_id: job.requisition_id ?? null,
    notes: job.notes ?? null,
    confidential: job.confidential,
    status: job.status,
    created_at: job.created_at,
    updated_at: job.updated_at,
    opened_at: job.opened_at ?? null,
    closed_at: job.closed_at ?? null,
    departments: department ? [{ id: department.id, name: department.name }] : [],
    offices: (job.office_ids ?? []).map((id) => ({ id, name: byId(state.offices, id)?.name ?? null })),
    openings: state.openings
      .filter((opening) => opening.job_id === job.id)
      .map((opening) => ({ id: opening.id, status: opening.status, application_id: opening.application_id })),
    custom_fields: plainCustomFields(job.custom_fields),
    keyed_custom_fields: job.custom_fields ?? {},
  };
}

function userRef(state: TenantState, userId: number | null) {
  const user = userId === null ? undefined : byId(state.users, userId);
  return user
    ? { id: user.id, name: user.name ?? `${user.first_name} ${user.last_name}`, email: user.primary_email }
    : null;
}

function plainCustomFields(
  fields: Record<string, { value: unknown }> | null | undefined,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([key, field]) => [key, field.value]));
}
