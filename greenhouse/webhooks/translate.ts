import type { z } from 'zod';
import type { Application } from '../schemas/applications';
import type { Candidate } from '../schemas/candidates';
import type { Job } from '../schemas/jobs';
import {
  webhookEnvelope,
  webhookV1Application,
  webhookV1Candidate,
  webhookV1Job,
  webhookV1JobPost,
  type WebhookV1Application,
  type WebhookV1Candidate,
  type WebhookV1Job,
} from './v1-payload';

/** An application as a webhook can describe it: v3 field names; `stage_id` is unknown in v1 payloads. */
export type WebhookApplication = Pick<
  Application,
  | 'id'
  | 'candidate_id'
  | 'job_id'
  | 'status'
  | 'prospect'
  | 'stage_id'
  | 'job_interview_stage_id'
  | 'stage_name'
  | 'source_id'
  | 'recruiter_id'
  | 'coordinator_id'
  | 'rejection_reason_id'
  | 'rejected_at'
  | 'last_activity_at'
  | 'created_at'
  | 'prospective_job_ids'
  | 'custom_fields'
>;

export type WebhookCandidate = Pick<
  Candidate,
  | 'id'
  | 'first_name'
  | 'last_name'
  | 'company'
  | 'title'
  | 'private'
  | 'created_at'
  | 'updated_at'
  | 'email_addresses'
  | 'phone_numbers'
  | 'addresses'
  | 'website_addresses'
  | 'social_media_addresses'
  | 'tags'
  | 'custom_fields'
>;

export type WebhookJob = Pick<
  Job,
  | 'id'
  | 'name'
  | 'status'
  | 'confidential'
  | 'requisition_id'
  | 'notes'
  | 'opened_at'
  | 'closed_at'
  | 'created_at'
  | 'updated_at'
  | 'department_id'
  | 'office_ids'
  | 'custom_fields'
>;

const applicationActions = [
  'new_candidate_application',
  'new_prospect_application',
  'candidate_stage_change',
  'application_updated',
  'reject_candidate',
  'unreject_candidate',
  'hire_candidate',
  'unhire_candidate',
] as const;

export type GreenhouseWebhookEvent =
  | {
      kind: 'application_changed';
      action: string;
      application: WebhookApplication;
      candidate: WebhookCandidate | null;
    }
  | { kind: 'application_deleted'; action: string; applicationId: number }
  | { kind: 'candidate_changed'; action: string; candidate: WebhookCandidate }
  | { kind: 'candidate_removed'; action: string; candidateId: number }
  | { kind: 'candidate_merged'; action: string; candidateId: number; mergedCandidateIds: number[] }
  | { kind: 'job_changed'; action: string; job: WebhookJob }
  | { kind: 'job_deleted'; action: string; jobId: number }
  | {
      kind: 'job_post_changed';
      action: string;
      jobPost: { id: number; job_id: number | null; title: string | null; live: boolean | null };
    }
  | { kind: 'ping'; action: string }
  | { kind: 'unsupported'; action: string };

export class WebhookPayloadError extends Error {
  override name = 'WebhookPayloadError';
  constructor(
    readonly action: string,
    readonly field: string | undefined,
    problem: string,
  ) {
    super(`Greenhouse webhook "${action}": ${field ? `field "payload.${field}" ` : ''}${problem}`);
  }
}

/**
 * Translates a verified Greenhouse webhook body (`{action, payload}` in the old v1 shape) into
 * our v3 model: `current_stage` → `job_interview_stage_id`/`stage_name`, `status: active` →
 * `in_process`, `jobs[0]` → `job_id`, embedded `candidate` → a v3 candidate, keyed custom fields
 * → the v3 custom field map. Unknown actions come back as `unsupported`, never as an error,
 * because Greenhouse adds event types and a 500 would only make it retry for hours.
 */
export function translateWebhook(body: unknown): GreenhouseWebhookEvent {
  const envelope = webhookEnvelope.safeParse(body);
  if (!envelope.success) throw new WebhookPayloadError('(unknown)', undefined, 'is not {action, payload}');
  const { action, payload } = envelope.data;

  if ((applicationActions as readonly string[]).includes(action)) {
    const application = parse(webhookV1Application, payload.application, action, 'application');
    const candidate = application.candidate ? toCandidate(application.candidate) : null;
    const candidateId = application.candidate?.id ?? application.candidate_id;
    if (candidateId === undefined)
      throw new WebhookPayloadError(action, 'application.candidate', 'is missing');
    return {
      kind: 'application_changed',
      action,
      application: toApplication(application, candidateId),
      candidate,
    };
  }
  switch (action) {
    case 'ping':
      return { kind: 'ping', action };
    case 'delete_application':
      return {
        kind: 'application_deleted',
        action,
        applicationId: idOf(payload, ['application', 'application_id'], action),
      };
    case 'update_candidate':
      return {
        kind: 'candidate_changed',
        action,
        candidate: toCandidate(parse(webhookV1Candidate, payload.candidate, action, 'candidate')),
      };
    case 'delete_candidate':
    case 'candidate_anonymized':
      return {
        kind: 'candidate_removed',
        action,
        candidateId: idOf(payload, ['person', 'candidate', 'candidate_id', 'person_id'], action),
      };
    case 'merge_candidate':
      return {
        kind: 'candidate_merged',
        action,
        candidateId: idOf(payload, ['person', 'candidate', 'candidate_id', 'person_id'], action),
        mergedCandidateIds: numbers(
          payload.merged_candidate_ids ?? payload.merged_person_ids ?? payload.merged_ids,
        ),
      };
    case 'job_created':
    case 'job_updated':
    case 'job_approved':
      return { kind: 'job_changed', action, job: toJob(parse(webhookV1Job, payload.job, action, 'job')) };
    case 'job_deleted':
      return { kind: 'job_deleted', action, jobId: idOf(payload, ['job', 'job_id'], action) };
    case 'job_post_created':
    case 'job_post_updated':
    case 'job_post_deleted': {
      const post = parse(webhookV1JobPost, payload.job_post, action, 'job_post');
      return {
        kind: 'job_post_changed',
        action,
        jobPost: {
          id: post.id,
          job_id: post.job_id ?? null,
          title: post.title ?? null,
          live: post.live ?? null,
        },
      };
    }
    default:
      return { kind: 'unsupported', action };
  }
}

function toApplication(application: WebhookV1Application, candidateId: number): WebhookApplication {
  const jobIds = application.jobs.map((job) => job.id);
  return {
    id: application.id,
    candidate_id: candidateId,
    job_id: application.prospect ? null : (jobIds[0] ?? null),
    status: application.status === 'active' ? 'in_process' : application.status,
    prospect: application.prospect,
    stage_id: null,
    job_interview_stage_id: application.current_stage?.id ?? null,
    stage_name: application.current_stage?.name ?? null,
    source_id: application.source?.id ?? null,
    recruiter_id: application.candidate?.recruiter?.id ?? null,
    coordinator_id: application.candidate?.coordinator?.id ?? null,
    rejection_reason_id: application.rejection_reason?.id ?? null,
    rejected_at: application.rejected_at ?? null,
    last_activity_at: application.last_activity_at ?? null,
    created_at: application.applied_at ?? undefined,
    prospective_job_ids: application.prospect ? jobIds : [],
    custom_fields: application.keyed_custom_fields ?? null,
  };
}

function toCandidate(candidate: WebhookV1Candidate): WebhookCandidate {
  const typed = (entries: { value: string; type?: string | null | undefined }[]) =>
    entries.map((entry) => ({ value: entry.value, ...(entry.type ? { type: entry.type } : {}) }));
  return {
    id: candidate.id,
    first_name: candidate.first_name,
    last_name: candidate.last_name,
    company: candidate.company ?? null,
    title: candidate.title ?? null,
    private: candidate.is_private ?? null,
    created_at: candidate.created_at ?? undefined,
    updated_at: candidate.updated_at ?? undefined,
    email_addresses: typed(candidate.email_addresses),
    phone_numbers: typed(candidate.phone_numbers),
    addresses: typed(candidate.addresses),
    website_addresses: typed(candidate.website_addresses),
    social_media_addresses: candidate.social_media_addresses.map((entry) => ({ value: entry.value })),
    tags: candidate.tags,
    custom_fields: candidate.keyed_custom_fields ?? null,
  };
}

function toJob(job: WebhookV1Job): WebhookJob {
  return {
    id: job.id,
    name: job.name,
    status: job.status,
    confidential: job.confidential,
    requisition_id: job.requisition_id ?? null,
    notes: job.notes ?? null,
    opened_at: job.opened_at ?? null,
    closed_at: job.closed_at ?? null,
    created_at: job.created_at ?? undefined,
    updated_at: job.updated_at ?? undefined,
    department_id: job.departments[0]?.id ?? null,
    office_ids: job.offices.map((office) => office.id),
    custom_fields: job.keyed_custom_fields ?? null,
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, action: string, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [field, ...(issue?.path ?? []).map(String)].join('.');
  throw new WebhookPayloadError(
    action,
    path,
    value === undefined ? 'is missing' : (issue?.message ?? 'is invalid'),
  );
}

/** Deletion payloads are thin and vary: the id may sit in `x.id` or in `x_id`. */
function idOf(payload: Record<string, unknown>, keys: string[], action: string): number {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === 'number') return value;
    if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number') {
      return (value as { id: number }).id;
    }
  }
  throw new WebhookPayloadError(action, keys[0], 'has no id');
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((entry): entry is number => typeof entry === 'number') : [];
}
