import type {
  Application,
  Candidate,
  CreateApplicationBody,
  CreateCandidateBody,
  Job,
  NestedApplicationBody,
} from '../../greenhouse/schemas';
import { harvestError } from '../http/reply';
import type { SandboxRuntime } from '../runtime';
import { canSeeJob, type Viewer } from '../state/visibility';
import { byId, nextId, type TenantState } from '../state/types';
import { v1Application, v1Candidate, v1Job } from '../webhooks/v1-payloads';
import { applyCustomFieldWrites } from './custom-fields';
import { addApplication, addCandidate, addJob, enterStage, jobStages, touchApplication } from './records';

// The tenant's state changes, shared by the Harvest API (a client acting) and the control API (a
// recruiter acting inside Greenhouse). Each change emits the webhook Greenhouse would send.

const now = () => new Date().toISOString();

export function emitApplication(rt: SandboxRuntime, action: string, application: Application): void {
  rt.webhooks.emit(action, { application: v1Application(rt.state, application, rt.origin) });
  rt.markChanged();
}

export function createCandidate(rt: SandboxRuntime, body: CreateCandidateBody, viewer: Viewer) {
  const { application: nested, custom_fields, ...profile } = body;
  // Validate the nested application before anything is stored: a 422 must leave no half-person.
  if (nested) checkNestedApplication(rt.state, nested, viewer);
  const at = now();
  const candidate = addCandidate(
    rt.state,
    { ...profile, custom_fields: applyCustomFieldWrites(rt.state, 'candidate', custom_fields, {}) },
    at,
  );
  const application = nested
    ? insertApplication(rt, { ...nested, candidate_id: candidate.id }, viewer)
    : null;
  rt.markChanged();
  return { candidate, application };
}

export function createApplication(
  rt: SandboxRuntime,
  body: CreateApplicationBody,
  viewer: Viewer,
): Application {
  if (!byId(rt.state.candidates, body.candidate_id)) {
    throw harvestError(422, `candidate_id: candidate ${body.candidate_id} does not exist`);
  }
  const { candidate_id: _candidateId, ...nested } = body;
  checkNestedApplication(rt.state, nested, viewer, body.candidate_id);
  return insertApplication(rt, body, viewer);
}

function checkNestedApplication(
  state: TenantState,
  nested: NestedApplicationBody,
  viewer: Viewer,
  candidateId?: number,
): void {
  for (const [field, id, records] of [
    ['source_id', nested.source_id, state.sources],
    ['recruiter_id', nested.recruiter_id, state.users],
    ['coordinator_id', nested.coordinator_id, state.users],
  ] as const) {
    if (id !== undefined && !byId<{ id: number }>(records, id))
      throw harvestError(422, `${field}: ${id} does not exist`);
  }
  if ('prospect' in nested) {
    for (const jobId of nested.job_ids ?? []) requireJob(state, jobId, viewer, 'job_ids');
    if (nested.prospect_pool_id !== undefined && !byId(state.prospect_pools, nested.prospect_pool_id)) {
      throw harvestError(422, `prospect_pool_id: prospect pool ${nested.prospect_pool_id} does not exist`);
    }
    if (nested.prospect_pool_stage_id !== undefined) {
      const stage = byId(state.prospect_pool_stages, nested.prospect_pool_stage_id);
      if (!stage || stage.prospect_pool_id !== nested.prospect_pool_id) {
        throw harvestError(422, 'prospect_pool_stage_id: not a stage of the given prospect_pool_id');
      }
    }
    return;
  }
  const job = requireJob(state, nested.job_id, viewer, 'job_id');
  if (job.status !== 'open') throw harvestError(422, `job_id: job ${job.id} is ${job.status}, not open`);
  if (nested.initial_stage_id !== undefined) {
    const stage = byId(state.job_interview_stages, nested.initial_stage_id);
    if (!stage || stage.job_id !== job.id) {
      throw harvestError(
        422,
        `initial_stage_id: ${nested.initial_stage_id} is not an interview stage of job ${job.id}`,
      );
    }
  }
  if (candidateId !== undefined && hasApplicationOnJob(state, candidateId, job.id)) {
    throw harvestError(422, 'Candidate already has an application for this job.');
  }
}

function requireJob(state: TenantState, jobId: number, viewer: Viewer, field: string): Job {
  const job = byId(state.jobs, jobId);
  if (!job) throw harvestError(422, `${field}: job ${jobId} does not exist`);
  if (!canSeeJob(viewer, job.id))
    throw harvestError(403, `You do not have permission to add applications to job ${jobId}`);
  return job;
}

export function hasApplicationOnJob(state: TenantState, candidateId: number, jobId: number): boolean {
  return state.applications.some((a) => a.candidate_id === candidateId && !a.prospect && a.job_id === jobId);
}

function insertApplication(rt: SandboxRuntime, body: CreateApplicationBody, _viewer: Viewer): Application {
  const { state } = rt;
  const at = now();
  const custom_fields = applyCustomFieldWrites(state, 'application', body.custom_fields, {});
  const attribution = {
    candidate_id: body.candidate_id,
    source_id: body.source_id ?? null,
    recruiter_id: body.recruiter_id ?? null,
    coordinator_id: body.coordinator_id ?? null,
    referrer_id: body.referrer_id ?? null,
    custom_fields,
  };
  let application: Application;
  if ('prospect' in body) {
    application = addApplication(
      state,
      { ...attribution, job_id: null, prospect: true, prospective_job_ids: body.job_ids ?? [] },
      at,
    );
    state.prospect_details.push({
      id: nextId(state, 'prospect_details'),
      created_at: at,
      updated_at: at,
      application_id: application.id,
      pool_id: body.prospect_pool_id ?? null,
      pool_stage_id: body.prospect_pool_stage_id ?? null,
      prospect_owner_id: body.prospect_owner_id ?? null,
      department_id: body.prospective_department_id ?? 0,
      office_id: body.prospective_office_id ?? 0,
    });
  } else {
    const stage =
      body.initial_stage_id === undefined
        ? undefined
        : byId(state.job_interview_stages, body.initial_stage_id);
    application = addApplication(state, { ...attribution, job_id: body.job_id, prospect: false }, at, stage);
  }
  touchApplication(state, application, at);
  emitApplication(
    rt,
    application.prospect ? 'new_prospect_application' : 'new_candidate_application',
    application,
  );
  return application;
}

export interface MoveTarget {
  toStageId?: number;
  toJobId?: number;
}

/** Move within the job, transfer to another job, or (neither) advance to the next stage. */
export function moveApplication(
  rt: SandboxRuntime,
  application: Application,
  target: MoveTarget,
  viewer: Viewer,
): void {
  const { state } = rt;
  requireActiveCandidateApplication(application);
  const at = now();
  if (target.toJobId !== undefined && target.toJobId !== application.job_id) {
    const job = requireJob(state, target.toJobId, viewer, 'to_job_id');
    if (hasApplicationOnJob(state, application.candidate_id, job.id)) {
      throw harvestError(
        422,
        'Candidate already has an application for the job they would be transferred to.',
      );
    }
    const stages = jobStages(state, job.id);
    const stage = target.toStageId === undefined ? stages[0] : stages.find((s) => s.id === target.toStageId);
    if (!stage) throw harvestError(422, `to_stage_id: not an interview stage of job ${job.id}`);
    application.job_id = job.id;
    enterStage(state, application, stage, at);
  } else {
    const stages = jobStages(state, application.job_id as number);
    let stage;
    if (target.toStageId !== undefined) {
      stage = stages.find((s) => s.id === target.toStageId);
      if (!stage)
        throw harvestError(422, `to_stage_id: ${target.toStageId} is not an interview stage of this job`);
    } else {
      const index = stages.findIndex((s) => s.id === application.job_interview_stage_id);
      stage = stages[index + 1];
      if (!stage)
        throw harvestError(422, 'The application is already in the last stage and cannot be advanced.');
    }
    if (stage.id === application.job_interview_stage_id) {
      throw harvestError(422, 'The application is already in that stage.');
    }
    enterStage(state, application, stage, at);
  }
  emitApplication(rt, 'candidate_stage_change', application);
}

export function rejectApplication(
  rt: SandboxRuntime,
  application: Application,
  rejectionReasonId: number,
  rejectionEmail?: { send_email_at?: string; email_template_id?: number; email_from_user_id?: number },
): void {
  if (application.status !== 'in_process') {
    throw harvestError(422, `The application is ${application.status} and cannot be rejected.`);
  }
  if (!byId(rt.state.rejection_reasons, rejectionReasonId)) {
    throw harvestError(422, `rejection_reason_id: ${rejectionReasonId} does not exist`);
  }
  const at = now();
  application.status = 'rejected';
  application.rejected_at = at;
  application.rejection_reason_id = rejectionReasonId;
  if (rejectionEmail) {
    rt.state.rejection_emails.push({
      application_id: application.id,
      send_email_at: rejectionEmail.send_email_at ?? at,
      email_template_id: rejectionEmail.email_template_id ?? null,
      email_from_user_id: rejectionEmail.email_from_user_id ?? null,
    });
  }
  touchApplication(rt.state, application, at);
  emitApplication(rt, 'reject_candidate', application);
}

export function unrejectApplication(rt: SandboxRuntime, application: Application): void {
  if (application.status !== 'rejected')
    throw harvestError(422, 'Only a rejected application can be unrejected.');
  const at = now();
  application.status = 'in_process';
  application.rejected_at = null;
  application.rejection_reason_id = null;
  touchApplication(rt.state, application, at);
  emitApplication(rt, 'unreject_candidate', application);
}

export function hireApplication(
  rt: SandboxRuntime,
  application: Application,
  body: { opening_id?: number; close_reason_id?: number | null },
): void {
  requireActiveCandidateApplication(application);
  const open = rt.state.openings.filter((o) => o.job_id === application.job_id && o.status === 'open');
  let opening = body.opening_id === undefined ? undefined : open.find((o) => o.id === body.opening_id);
  if (body.opening_id !== undefined && !opening) {
    throw harvestError(422, `opening_id: ${body.opening_id} is not an open opening on this job`);
  }
  if (!opening) {
    if (open.length > 1)
      throw harvestError(422, 'opening_id is required: the job has more than one open opening.');
    if (open.length === 0) throw harvestError(422, 'The job has no open openings.');
    opening = open[0];
  }
  if (
    body.close_reason_id !== undefined &&
    body.close_reason_id !== null &&
    !byId(rt.state.close_reasons, body.close_reason_id)
  ) {
    throw harvestError(422, `close_reason_id: ${body.close_reason_id} does not exist`);
  }
  const at = now();
  if (opening) {
    opening.status = 'closed';
    opening.application_id = application.id;
    opening.close_reason_id = body.close_reason_id ?? null;
  }
  application.status = 'hired';
  touchApplication(rt.state, application, at);
  emitApplication(rt, 'hire_candidate', application);
}

export function convertProspect(
  rt: SandboxRuntime,
  prospect: Application,
  body: { job_id: number; to_job_interview_stage_id?: number },
  viewer: Viewer,
): Application {
  const { state } = rt;
  if (!prospect.prospect || prospect.status !== 'in_process') {
    throw harvestError(422, 'Only an active prospect application can be converted.');
  }
  const job = requireJob(state, body.job_id, viewer, 'job_id');
  const considered = prospect.prospective_job_ids ?? [];
  if (considered.length > 0 && !considered.includes(job.id)) {
    throw harvestError(422, `job_id: the prospect is not associated with job ${job.id}`);
  }
  if (hasApplicationOnJob(state, prospect.candidate_id, job.id)) {
    throw harvestError(422, 'Candidate already has an application for this job.');
  }
  const stages = jobStages(state, job.id);
  const stage =
    body.to_job_interview_stage_id === undefined
      ? stages[0]
      : stages.find((s) => s.id === body.to_job_interview_stage_id);
  if (!stage) throw harvestError(422, `to_job_interview_stage_id: not an interview stage of job ${job.id}`);
  const at = now();
  prospect.status = 'converted';
  prospect.updated_at = at;
  const application = addApplication(
    state,
    {
      candidate_id: prospect.candidate_id,
      job_id: job.id,
      prospect: false,
      source_id: prospect.source_id ?? null,
      recruiter_id: prospect.recruiter_id ?? null,
      coordinator_id: prospect.coordinator_id ?? null,
      referrer_id: prospect.referrer_id ?? null,
      custom_fields: prospect.custom_fields ?? {},
    },
    at,
    stage,
  );
  emitApplication(rt, 'application_updated', prospect);
  emitApplication(rt, 'new_candidate_application', application);
  return application;
}

function requireActiveCandidateApplication(application: Application): void {
  if (application.prospect)
    throw harvestError(422, 'Prospect applications have no interview stage: convert them first.');
  if (application.status !== 'in_process') {
    throw harvestError(
      422,
      `The application is ${application.status}; only active applications can do this.`,
    );
  }
}

export function emitCandidateUpdated(rt: SandboxRuntime, candidate: Candidate): void {
  rt.webhooks.emit('update_candidate', { candidate: v1Candidate(rt.state, candidate) });
  rt.markChanged();
}

/** A recruiter opens a job in Greenhouse (control API): stages, a live post, one opening. */
export function openJob(
  rt: SandboxRuntime,
  input: {
    name: string;
    department_id: number | null;
    office_ids: number[];
    confidential?: boolean;
    interview_plan?: string[];
    content?: string;
  },
): Job {
  const { state } = rt;
  const at = now();
  const plan = input.interview_plan ?? [
    'Application Review',
    'Recruiter Screen',
    'Hiring Manager Interview',
    'Onsite Interview',
    'Offer',
  ];
  const job = addJob(state, { ...input, status: 'open' }, at, plan);
  const postId = nextId(state, 'job_posts');
  state.job_posts.push({
    id: postId,
    created_at: at,
    updated_at: at,
    title: job.name,
    internal: false,
    active: true,
    live: true,
    featured: false,
    first_published_at: at,
    content: input.content ?? `<p>${job.name}</p>`,
    language: 'en',
    public_url: `${rt.origin}/jobs/${postId}`,
    demographic_question_set_id: null,
    job_id: job.id,
    job_board_id: 1,
    questions: [],
  });
  state.openings.push({
    id: nextId(state, 'openings'),
    job_id: job.id,
    status: 'open',
    application_id: null,
    close_reason_id: null,
  });
  rt.webhooks.emit('job_created', { job: v1Job(state, job) });
  rt.markChanged();
  return job;
}

export function closeJob(rt: SandboxRuntime, job: Job): Job {
  const at = now();
  job.status = 'closed';
  job.closed_at = at;
  job.updated_at = at;
  for (const post of rt.state.job_posts) if (post.job_id === job.id) post.live = false;
  rt.webhooks.emit('job_updated', { job: v1Job(rt.state, job) });
  rt.markChanged();
  return job;
}
