import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import * as S from '../../greenhouse/schemas';
import { harvestError, json } from '../http/reply';
import type { SandboxRuntime } from '../runtime';
import { canSeeApplication, visibleCandidateIds } from '../state/visibility';
import { byId, nextId, type TenantState } from '../state/types';
import { applyCustomFieldWrites } from '../tenant/custom-fields';
import * as ops from '../tenant/operations';
import { touchApplication } from '../tenant/records';
import type { HarvestRequest, HarvestRoute } from './harvest-route';

// Bodies are checked with the client's own write schemas: Greenhouse refuses unknown fields, and
// the OpenAPI shape test keeps those schemas honest against Greenhouse's document.
function body<T>(schema: z.ZodType<T>, request: HarvestRequest): T {
  const result = schema.safeParse(request.body ?? {});
  if (result.success) return result.data;
  throw harvestError(
    422,
    ...result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
  );
}

function idParam(request: HarvestRequest): number {
  const id = Number(request.params.id);
  if (!Number.isInteger(id)) throw harvestError(404, 'Resource not found');
  return id;
}

/** Writes are where permissions bite loudly: an invisible application is a 403, not an empty answer. */
function writableApplication(rt: SandboxRuntime, request: HarvestRequest) {
  const application = byId(rt.state.applications, idParam(request));
  if (!application) throw harvestError(404, `Application ${request.params.id} not found`);
  if (!canSeeApplication(request.viewer, application)) {
    throw harvestError(403, `You do not have permission to change application ${application.id}`);
  }
  return application;
}

function writableCandidate(rt: SandboxRuntime, request: HarvestRequest, id: number) {
  const candidate = byId(rt.state.candidates, id);
  if (!candidate) throw harvestError(404, `Candidate ${id} not found`);
  const visible = visibleCandidateIds(rt.state, request.viewer);
  if (visible !== 'all' && !visible.has(id))
    throw harvestError(403, `You do not have permission to change candidate ${id}`);
  return candidate;
}

const noteVisibility = {
  admin_only: 'admin_only_visible',
  private: 'privately_visible',
  public: 'publicly_visible',
} as const;

export const writeRoutes: HarvestRoute[] = [
  {
    method: 'POST',
    pattern: '/v3/candidates',
    scope: 'harvest:candidates:create',
    handle: (rt, request) =>
      json(201, ops.createCandidate(rt, body(S.createCandidateBody, request), request.viewer)),
  },
  {
    method: 'PATCH',
    pattern: '/v3/candidates/:id',
    scope: 'harvest:candidates:update',
    handle: (rt, request) => {
      const changes = body(S.patchCandidateBody, request);
      const candidate = writableCandidate(rt, request, idParam(request));
      const { custom_fields, is_private, ...profile } = changes;
      Object.assign(candidate, profile);
      if (is_private !== undefined) candidate.private = is_private;
      if (custom_fields)
        candidate.custom_fields = applyCustomFieldWrites(
          rt.state,
          'candidate',
          custom_fields,
          candidate.custom_fields,
        );
      candidate.updated_at = new Date().toISOString();
      ops.emitCandidateUpdated(rt, candidate);
      return json(200, candidate);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applications',
    scope: 'harvest:applications:create',
    handle: (rt, request) =>
      json(201, ops.createApplication(rt, body(S.createApplicationBody, request), request.viewer)),
  },
  {
    method: 'PATCH',
    pattern: '/v3/applications/:id',
    scope: 'harvest:applications:update',
    handle: (rt, request) => {
      const changes = body(S.patchApplicationBody, request);
      const application = writableApplication(rt, request);
      const { state } = rt;
      if (changes.source_id !== undefined && !byId(state.sources, changes.source_id)) {
        throw harvestError(422, `source_id: ${changes.source_id} does not exist`);
      }
      for (const field of ['recruiter_id', 'coordinator_id'] as const) {
        const userId = changes[field];
        if (userId !== undefined && !byId(state.users, userId))
          throw harvestError(422, `${field}: user ${userId} does not exist`);
      }
      if (changes.source_id !== undefined) application.source_id = changes.source_id;
      if (changes.referrer_id !== undefined) application.referrer_id = changes.referrer_id;
      if (changes.recruiter_id !== undefined) application.recruiter_id = changes.recruiter_id;
      if (changes.coordinator_id !== undefined) application.coordinator_id = changes.coordinator_id;
      if (changes.rejected_at !== undefined)
        application.rejected_at = new Date(changes.rejected_at).toISOString();
      if (changes.prospect_pool_id !== undefined || changes.prospect_stage_id !== undefined) {
        const detail = state.prospect_details.find((d) => d.application_id === application.id);
        if (!application.prospect || !detail)
          throw harvestError(422, 'Only prospect applications have a prospect pool.');
        if (changes.prospect_pool_id !== undefined) detail.pool_id = changes.prospect_pool_id;
        if (changes.prospect_stage_id !== undefined) detail.pool_stage_id = changes.prospect_stage_id;
      }
      if (changes.custom_fields) {
        application.custom_fields = applyCustomFieldWrites(
          state,
          'application',
          changes.custom_fields,
          application.custom_fields,
        );
      }
      touchApplication(state, application, new Date().toISOString());
      ops.emitApplication(rt, 'application_updated', application);
      return json(200, application);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applications/:id/move',
    scope: 'harvest:applications:move',
    handle: (rt, request) => {
      const move = body(S.moveApplicationBody, request);
      const application = writableApplication(rt, request);
      const from = move.from_stage_id;
      const matches =
        rt.moveFromStageIdSpace === 'job_interview_stage'
          ? from === application.job_interview_stage_id
          : rt.moveFromStageIdSpace === 'application_stage'
            ? from === application.stage_id
            : from === application.job_interview_stage_id || from === application.stage_id;
      if (!matches) {
        throw harvestError(
          422,
          `from_stage_id ${from} is not the application's current stage; it may have been moved already.`,
        );
      }
      // Greenhouse documents that a transfer (`to_job_id`) lands on the other job's first interview stage;
      // `to_stage_id` only chooses a stage within the application's own job.
      const transfer = move.to_job_id !== undefined && move.to_job_id !== application.job_id;
      ops.moveApplication(
        rt,
        application,
        { toStageId: transfer ? undefined : move.to_stage_id, toJobId: move.to_job_id },
        request.viewer,
      );
      return json(204);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applications/:id/reject',
    scope: 'harvest:applications:reject',
    handle: (rt, request) => {
      const rejection = body(S.rejectApplicationBody, request);
      if (rejection.rejection_email?.email_from_user_id !== undefined) {
        if (!byId(rt.state.users, rejection.rejection_email.email_from_user_id))
          throw harvestError(422, 'rejection_email.email_from_user_id: the user does not exist');
      }
      ops.rejectApplication(
        rt,
        writableApplication(rt, request),
        rejection.rejection_reason_id,
        rejection.rejection_email,
      );
      return json(204);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applications/:id/unreject',
    scope: 'harvest:applications:unreject',
    handle: (rt, request) => {
      body(S.unrejectApplicationBody, request);
      ops.unrejectApplication(rt, writableApplication(rt, request));
      return json(204);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applications/:id/hire',
    scope: 'harvest:applications:hire',
    handle: (rt, request) => {
      const hire = body(S.hireApplicationBody, request);
      ops.hireApplication(rt, writableApplication(rt, request), hire);
      return json(204);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applications/:id/convert_to_candidate',
    scope: 'harvest:applications:convert_to_candidate',
    handle: (rt, request) => {
      const conversion = body(S.convertProspectBody, request);
      return json(200, ops.convertProspect(rt, writableApplication(rt, request), conversion, request.viewer));
    },
  },
  {
    method: 'POST',
    pattern: '/v3/attachments',
    scope: 'harvest:attachments:create',
    handle: async (rt, request) => {
      const upload = body(S.createAttachmentBody, request);
      const application = byId(rt.state.applications, upload.application_id);
      if (!application)
        throw harvestError(422, `application_id: application ${upload.application_id} does not exist`);
      if (!canSeeApplication(request.viewer, application)) {
        throw harvestError(
          403,
          `You do not have permission to attach files to application ${application.id}`,
        );
      }
      const bytes =
        upload.content !== undefined ? decodeBase64(upload.content) : await download(upload.url as string);
      const { state } = rt;
      const at = new Date().toISOString();
      if (upload.type === 'resume' || upload.type === 'cover_letter') {
        // A new resume (or cover letter) turns the previous one into `other`.
        for (const previous of state.attachments) {
          if (previous.application_id === application.id && previous.type === upload.type) {
            previous.type = 'other';
            previous.updated_at = at;
          }
        }
      }
      const id = nextId(state, 'attachments');
      const token = randomBytes(12).toString('hex');
      const attachment: S.Attachment = {
        id,
        created_at: at,
        updated_at: at,
        application_id: application.id,
        candidate_id: application.candidate_id,
        type: upload.type,
        filename: upload.filename,
        url: `${rt.origin}/files/attachments/${id}/${encodeURIComponent(upload.filename)}?token=${token}`,
      };
      state.attachments.push(attachment);
      state.files.push({
        attachment_id: id,
        content: bytes.toString('base64'),
        content_type: contentTypeOf(upload.filename),
        token,
      });
      touchApplication(state, application, at);
      rt.markChanged();
      return json(201, attachment);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/candidate_tags',
    scope: 'harvest:candidate_tags:create',
    handle: (rt, request) => {
      const tag = body(S.createCandidateTagBody, request);
      const { state } = rt;
      // Names are unique per organisation (case sensitive).
      if (state.candidate_tags.some((t) => t.name === tag.name))
        throw harvestError(422, `name: a tag named "${tag.name}" already exists`);
      const at = new Date().toISOString();
      const stored: S.CandidateTag = {
        id: nextId(state, 'candidate_tags'),
        created_at: at,
        updated_at: at,
        name: tag.name,
      };
      state.candidate_tags.push(stored);
      rt.markChanged();
      return json(201, stored);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/applied_candidate_tags',
    scope: 'harvest:applied_candidate_tags:create',
    handle: (rt, request) => {
      const applied = body(S.applyCandidateTagBody, request);
      const { state } = rt;
      const candidate = byId(state.candidates, applied.candidate_id);
      if (!candidate)
        throw harvestError(422, `candidate_id: candidate ${applied.candidate_id} does not exist`);
      const tag = byId(state.candidate_tags, applied.candidate_tag_id);
      if (!tag) throw harvestError(422, `candidate_tag_id: tag ${applied.candidate_tag_id} does not exist`);
      if (
        state.applied_candidate_tags.some(
          (a) => a.candidate_id === candidate.id && a.candidate_tag_id === tag.id,
        )
      )
        throw harvestError(422, 'The candidate already has this tag.');
      const at = new Date().toISOString();
      const stored: S.AppliedCandidateTag = {
        id: nextId(state, 'applied_candidate_tags'),
        created_at: at,
        updated_at: at,
        candidate_id: candidate.id,
        candidate_tag_id: tag.id,
      };
      state.applied_candidate_tags.push(stored);
      candidate.tags = [...(candidate.tags ?? []), tag.name];
      rt.markChanged();
      return json(201, stored);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/notes',
    scope: 'harvest:notes:create',
    handle: (rt, request) => {
      const note = body(S.createNoteBody, request);
      const { state } = rt;
      const candidate = byId(state.candidates, note.candidate_id);
      if (!candidate) throw harvestError(422, `candidate_id: candidate ${note.candidate_id} does not exist`);
      if (note.application_id !== undefined) {
        const application = byId(state.applications, note.application_id);
        if (!application || application.candidate_id !== candidate.id) {
          throw harvestError(
            422,
            `application_id: application ${note.application_id} does not belong to candidate ${candidate.id}`,
          );
        }
      }
      const authorId = note.user_id ?? request.grant.sub ?? null;
      if (authorId !== null && !byId(state.users, authorId))
        throw harvestError(422, `user_id: user ${authorId} does not exist`);
      const at = new Date().toISOString();
      const stored: S.Note = {
        id: nextId(state, 'notes'),
        created_at: at,
        updated_at: at,
        candidate_id: candidate.id,
        application_id: note.application_id ?? null,
        body: note.body,
        subject: note.subject ?? null,
        type: note.note_type,
        user_id: authorId,
        email_from: note.email_from?.join(', ') ?? null,
        email_to: note.email_to?.join(', ') ?? null,
        email_cc: note.email_cc ?? null,
        import_hash: null,
        body_with_tags: null,
        // Written as admin_only/private/public, read back as *_visible.
        visibility: noteVisibility[note.visibility],
        email_attachment_file_names: null,
      };
      state.notes.push(stored);
      candidate.last_activity_at = at;
      rt.markChanged();
      return json(201, stored);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/candidate_employments',
    scope: 'harvest:candidate_employments:create',
    handle: (rt, request) => {
      const entry = body(S.createCandidateEmploymentBody, request);
      const { state } = rt;
      const candidate = writableCandidate(rt, request, entry.candidate_id);
      if (entry.end_date !== undefined && entry.end_date < entry.start_date)
        throw harvestError(422, 'end_date: must not be before start_date');
      const at = new Date().toISOString();
      const stored: S.CandidateEmployment = {
        id: nextId(state, 'candidate_employments'),
        created_at: at,
        updated_at: at,
        candidate_id: candidate.id,
        company_name: entry.company_name,
        title: entry.title,
        start_date: entry.start_date,
        end_date: entry.end_date ?? null,
        latest: false,
      };
      state.candidate_employments.push(stored);
      markLatestEmployment(state, candidate);
      candidate.updated_at = at;
      rt.markChanged();
      return json(201, stored);
    },
  },
  {
    method: 'POST',
    pattern: '/v3/candidate_educations',
    scope: 'harvest:candidate_educations:create',
    handle: (rt, request) => {
      const entry = body(S.createCandidateEducationBody, request);
      const { state } = rt;
      const candidate = writableCandidate(rt, request, entry.candidate_id);
      const option = (field: 'school_name' | 'degree' | 'discipline', id: number | undefined) => {
        if (id === undefined) return null;
        const dictionary = state.custom_fields.find((f) => f.name_key === field);
        const found = state.custom_field_options.find((o) => o.id === id);
        if (!found || found.custom_field_id !== dictionary?.id)
          throw harvestError(422, `${field}_custom_field_option_id: no ${field} option with id ${id}`);
        return found.id;
      };
      const school = option('school_name', entry.school_name_custom_field_option_id);
      const degree = option('degree', entry.degree_custom_field_option_id);
      const discipline = option('discipline', entry.discipline_custom_field_option_id);
      const start = educationDate('start', entry.start_date, entry.start_date_month, entry.start_date_year);
      const end = educationDate('end', entry.end_date, entry.end_date_month, entry.end_date_year);
      if (start && end && end.at < start.at)
        throw harvestError(422, 'end_date: must not be before start_date');
      const at = new Date().toISOString();
      const stored: S.CandidateEducation = {
        id: nextId(state, 'candidate_educations'),
        created_at: at,
        updated_at: at,
        candidate_id: candidate.id,
        school_name_custom_field_option_id: school,
        degree_custom_field_option_id: degree,
        discipline_custom_field_option_id: discipline,
        start_at: start?.at ?? null,
        end_at: end?.at ?? null,
        start_date_month: start?.month ?? null,
        start_date_year: start?.year ?? null,
        end_date_month: end?.month ?? null,
        end_date_year: end?.year ?? null,
        latest: false,
      };
      state.candidate_educations.push(stored);
      markLatestEducation(state, candidate.id);
      candidate.updated_at = at;
      rt.markChanged();
      return json(201, stored);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v3/candidate_employments/:id',
    scope: 'harvest:candidate_employments:destroy',
    handle: (rt, request) => {
      const { state } = rt;
      const employment = byId(state.candidate_employments, idParam(request));
      if (!employment) throw harvestError(404, `Candidate Employment ${request.params.id} not found`);
      const candidate = writableCandidate(rt, request, employment.candidate_id);
      state.candidate_employments = state.candidate_employments.filter((e) => e.id !== employment.id);
      markLatestEmployment(state, candidate);
      candidate.updated_at = new Date().toISOString();
      rt.markChanged();
      return json(200, { message: `Candidate Employment ${employment.id} deleted successfully` });
    },
  },
];

/**
 * Greenhouse keeps one `latest` employment per candidate — the current job (no end date) wins, else the
 * latest end date — and mirrors its company and title on the candidate record.
 */
function markLatestEmployment(state: TenantState, candidate: S.Candidate) {
  const own = state.candidate_employments.filter((e) => e.candidate_id === candidate.id);
  const rank = (e: S.CandidateEmployment) =>
    `${e.end_date === null ? '1' : '0'}${e.end_date ?? ''}${e.start_date}`;
  const latest = own.reduce<S.CandidateEmployment | undefined>(
    (best, e) => (best === undefined || rank(e) > rank(best) ? e : best),
    undefined,
  );
  for (const e of own) e.latest = e === latest;
  if (latest) {
    candidate.company = latest.company_name;
    candidate.title = latest.title;
  }
}

/**
 * An education's start or end: an ISO date, or a month/year pair — one form or the other, and a month only
 * with its year. Greenhouse stores a timestamp and shows month and year.
 */
function educationDate(
  which: 'start' | 'end',
  date: string | undefined,
  month: number | undefined,
  year: number | undefined,
): { at: string; month: number; year: number } | null {
  if (date !== undefined && (month !== undefined || year !== undefined))
    throw harvestError(
      422,
      `${which}_date: give either ${which}_date or ${which}_date_month and ${which}_date_year`,
    );
  if (date !== undefined) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return { at: `${date}T00:00:00.000Z`, month: m, year: y };
  }
  if (month === undefined && year === undefined) return null;
  if (month === undefined || year === undefined)
    throw harvestError(422, `${which}_date_month: give ${which}_date_month and ${which}_date_year together`);
  return {
    at: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01T00:00:00.000Z`,
    month,
    year,
  };
}

/** One `latest` education per candidate: in progress wins, else the latest end. */
function markLatestEducation(state: TenantState, candidateId: number) {
  const own = state.candidate_educations.filter((e) => e.candidate_id === candidateId);
  const rank = (e: S.CandidateEducation) =>
    `${e.end_at === null ? '1' : '0'}${e.end_at ?? ''}${e.start_at ?? ''}`;
  const latest = own.reduce<S.CandidateEducation | undefined>(
    (best, e) => (best === undefined || rank(e) > rank(best) ? e : best),
    undefined,
  );
  for (const e of own) e.latest = e === latest;
}

function decodeBase64(content: string): Buffer {
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw harvestError(422, 'content: must be base64-encoded file contents');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0) throw harvestError(422, 'content: the file is empty');
  return bytes;
}

async function download(url: string): Promise<Buffer> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw harvestError(
      422,
      `url: could not download the file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function contentTypeOf(filename: string): string {
  const extension = filename.toLowerCase().split('.').pop();
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    doc: 'application/msword',
    txt: 'text/plain; charset=utf-8',
    rtf: 'application/rtf',
  };
  return types[extension ?? ''] ?? 'application/octet-stream';
}
