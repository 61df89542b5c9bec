import type { z } from 'zod';
import { GreenhouseError } from './errors';
import { HarvestTransport, type HarvestResponse } from './harvest-transport';
import type * as Q from './list-queries';
import { silentLogger, type GreenhouseLogger } from './logger';
import { nextPageUrl, toSearchParamsChunks, type HarvestQuery } from './query';
import type { HarvestRateLimiter } from './rate-limiter';
import { sharedRateLimiter } from './rate-limiter';
import { expectArray, parseGreenhouseRecord } from './response-shape';
import * as S from './schemas';
import { sharedTokenProvider, type TokenProvider } from './token-provider';

export const defaultGreenhouseTokenUrl = 'https://auth.greenhouse.io/token';
export const defaultHarvestBaseUrl = 'https://harvest.greenhouse.io/v3';

export interface HarvestClientConfig {
  clientId: string;
  clientSecret: string;
  /** Greenhouse user id to act as (the token's `sub`). Omit to act as the integration user. */
  actAsUserId?: number;
  /** Default https://auth.greenhouse.io/token; the sandbox serves `<sandbox>/token`. */
  tokenUrl?: string;
  /** Default https://harvest.greenhouse.io/v3; the sandbox serves `<sandbox>/v3`. */
  baseUrl?: string;
  /** Per HTTP attempt (default 30 s). Waiting for rate-limit budget does not count. */
  requestTimeoutMs?: number;
  /** Budget assumed until Greenhouse's headers arrive (default 75 per 30 s). */
  rateLimit?: { requestsPerWindow?: number; windowSeconds?: number; reserve?: number };
  /** 429s absorbed per call (default 8). */
  maxRateLimitRetries?: number;
  /** 5xx/network retries of reads (default 2); writes are never retried blindly. */
  maxReadRetries?: number;
  logger?: GreenhouseLogger;
  fetch?: typeof fetch;
  /** Overrides the process-wide limiter shared per credential (tests, benchmarks). */
  rateLimiter?: HarvestRateLimiter;
  /** Overrides the process-wide token cache shared per credential. */
  tokenProvider?: TokenProvider;
}

/** One list endpoint: where it lives, what one record is called, and its schema. */
interface ListEndpoint<T> {
  path: string;
  resource: string;
  schema: z.ZodType<T>;
}

const endpoint = <T>(path: string, resource: string, schema: z.ZodType<T>): ListEndpoint<T> => ({
  path,
  resource,
  schema,
});

export const harvestListEndpoints = {
  jobs: endpoint('/jobs', 'job', S.jobSchema),
  jobPosts: endpoint('/job_posts', 'job_post', S.jobPostSchema),
  jobInterviewStages: endpoint('/job_interview_stages', 'job_interview_stage', S.jobInterviewStageSchema),
  users: endpoint('/users', 'user', S.userSchema),
  userJobPermissions: endpoint('/user_job_permissions', 'user_job_permission', S.userJobPermissionSchema),
  futureJobPermissions: endpoint(
    '/future_job_permissions',
    'future_job_permission',
    S.futureJobPermissionSchema,
  ),
  userRoles: endpoint('/user_roles', 'user_role', S.userRoleSchema),
  jobOwners: endpoint('/job_owners', 'job_owner', S.jobOwnerSchema),
  jobHiringManagers: endpoint('/job_hiring_managers', 'job_hiring_manager', S.jobHiringManagerSchema),
  candidates: endpoint('/candidates', 'candidate', S.candidateSchema),
  candidateSearch: endpoint('/candidates/search', 'candidate', S.candidateSchema),
  applications: endpoint('/applications', 'application', S.applicationSchema),
  applicationStages: endpoint('/application_stages', 'application_stage', S.applicationStageSchema),
  prospectPools: endpoint('/prospect_pools', 'prospect_pool', S.prospectPoolSchema),
  prospectPoolStages: endpoint('/prospect_pool_stages', 'prospect_pool_stage', S.prospectPoolStageSchema),
  prospectDetails: endpoint('/prospect_details', 'prospect_detail', S.prospectDetailSchema),
  attachments: endpoint('/attachments', 'attachment', S.attachmentSchema),
  notes: endpoint('/notes', 'note', S.noteSchema),
  candidateEmployments: endpoint(
    '/candidate_employments',
    'candidate_employment',
    S.candidateEmploymentSchema,
  ),
  candidateEducations: endpoint('/candidate_educations', 'candidate_education', S.candidateEducationSchema),
  customFieldOptions: endpoint('/custom_field_options', 'custom_field_option', S.customFieldOptionSchema),
  candidateTags: endpoint('/candidate_tags', 'candidate_tag', S.candidateTagSchema),
  appliedCandidateTags: endpoint(
    '/applied_candidate_tags',
    'applied_candidate_tag',
    S.appliedCandidateTagSchema,
  ),
  sources: endpoint('/sources', 'source', S.sourceSchema),
  rejectionReasons: endpoint('/rejection_reasons', 'rejection_reason', S.rejectionReasonSchema),
  closeReasons: endpoint('/close_reasons', 'close_reason', S.closeReasonSchema),
  customFields: endpoint('/custom_fields', 'custom_field', S.customFieldSchema),
  departments: endpoint('/departments', 'department', S.departmentSchema),
  offices: endpoint('/offices', 'office', S.officeSchema),
};

export interface CreatedCandidate {
  candidate: S.Candidate;
  application: S.Application | null;
}

/**
 * Greenhouse Harvest v3. Lists stream page by page (`for await`), following Greenhouse's
 * `rel="next"` links untouched; writes validate their body before spending a request.
 * Every method throws GreenhouseError (see `toApplicationFailure` for activities).
 */
export class HarvestClient {
  readonly baseUrl: string;
  readonly actAsUserId: number | undefined;
  readonly rateLimiter: HarvestRateLimiter;
  private readonly transport: HarvestTransport;
  private readonly logger: GreenhouseLogger;

  constructor(config: HarvestClientConfig) {
    this.baseUrl = (config.baseUrl ?? defaultHarvestBaseUrl).replace(/\/+$/, '');
    this.actAsUserId = config.actAsUserId;
    this.logger = config.logger ?? silentLogger;
    const fetchImpl = config.fetch ?? globalThis.fetch.bind(globalThis);
    const timeoutMs = config.requestTimeoutMs ?? 30_000;
    const windowMs = (config.rateLimit?.windowSeconds ?? 30) * 1000;
    this.rateLimiter =
      config.rateLimiter ??
      sharedRateLimiter(`${this.baseUrl}\u0000${config.clientId}`, {
        requestsPerWindow: config.rateLimit?.requestsPerWindow ?? 75,
        windowMs,
        reserve: config.rateLimit?.reserve ?? 0,
      });
    const tokens =
      config.tokenProvider ??
      sharedTokenProvider({
        tokenUrl: config.tokenUrl ?? defaultGreenhouseTokenUrl,
        credential: { clientId: config.clientId, clientSecret: config.clientSecret },
        timeoutMs,
        logger: this.logger,
        fetch: fetchImpl,
      });
    this.transport = new HarvestTransport({
      tokens,
      sub: config.actAsUserId,
      limiter: this.rateLimiter,
      timeoutMs,
      logger: this.logger,
      fetch: fetchImpl,
      maxRateLimitRetries: config.maxRateLimitRetries ?? 8,
      maxReadRetries: config.maxReadRetries ?? 2,
    });
  }

  // ── reads: every list is an async iterator over records, fetched one page at a time ──

  listJobs = (query: Q.JobsQuery = {}) => this.list(harvestListEndpoints.jobs, query);
  listJobPosts = (query: Q.JobPostsQuery = {}) => this.list(harvestListEndpoints.jobPosts, query);
  listJobInterviewStages = (query: Q.JobInterviewStagesQuery = {}) =>
    this.list(harvestListEndpoints.jobInterviewStages, query);
  listUsers = (query: Q.UsersQuery = {}) => this.list(harvestListEndpoints.users, query);
  listUserJobPermissions = (query: Q.UserJobPermissionsQuery = {}) =>
    this.list(harvestListEndpoints.userJobPermissions, query);
  listFutureJobPermissions = (query: Q.FutureJobPermissionsQuery = {}) =>
    this.list(harvestListEndpoints.futureJobPermissions, query);
  listUserRoles = (query: Q.UserRolesQuery = {}) => this.list(harvestListEndpoints.userRoles, query);
  /** Recruiters, coordinators and sourcers of jobs (hiring managers are `listJobHiringManagers`). */
  listJobOwners = (query: Q.JobOwnersQuery = {}) => this.list(harvestListEndpoints.jobOwners, query);
  listJobHiringManagers = (query: Q.JobHiringManagersQuery = {}) =>
    this.list(harvestListEndpoints.jobHiringManagers, query);
  listCandidates = (query: Q.CandidatesQuery = {}) => this.list(harvestListEndpoints.candidates, query);
  searchCandidates = (query: Q.CandidateSearchQuery = {}) =>
    this.list(harvestListEndpoints.candidateSearch, query);
  listApplications = (query: Q.ApplicationsQuery = {}) => this.list(harvestListEndpoints.applications, query);
  listApplicationStages = (query: Q.ApplicationStagesQuery = {}) =>
    this.list(harvestListEndpoints.applicationStages, query);
  listProspectPools = (query: Q.ProspectPoolsQuery = {}) =>
    this.list(harvestListEndpoints.prospectPools, query);
  listProspectPoolStages = (query: Q.ProspectPoolStagesQuery = {}) =>
    this.list(harvestListEndpoints.prospectPoolStages, query);
  listProspectDetails = (query: Q.ProspectDetailsQuery = {}) =>
    this.list(harvestListEndpoints.prospectDetails, query);
  listAttachments = (query: Q.AttachmentsQuery = {}) => this.list(harvestListEndpoints.attachments, query);
  listNotes = (query: Q.NotesQuery = {}) => this.list(harvestListEndpoints.notes, query);
  listCandidateEmployments = (query: Q.CandidateEmploymentsQuery = {}) =>
    this.list(harvestListEndpoints.candidateEmployments, query);
  listCandidateEducations = (query: Q.CandidateEducationsQuery = {}) =>
    this.list(harvestListEndpoints.candidateEducations, query);
  listCustomFieldOptions = (query: Q.CustomFieldOptionsQuery = {}) =>
    this.list(harvestListEndpoints.customFieldOptions, query);
  listCandidateTags = (query: Q.CandidateTagsQuery = {}) =>
    this.list(harvestListEndpoints.candidateTags, query);
  listAppliedCandidateTags = (query: Q.AppliedCandidateTagsQuery = {}) =>
    this.list(harvestListEndpoints.appliedCandidateTags, query);
  listSources = (query: Q.SourcesQuery = {}) => this.list(harvestListEndpoints.sources, query);
  listRejectionReasons = (query: Q.RejectionReasonsQuery = {}) =>
    this.list(harvestListEndpoints.rejectionReasons, query);
  listCloseReasons = (query: Q.CloseReasonsQuery = {}) => this.list(harvestListEndpoints.closeReasons, query);
  listCustomFields = (query: Q.CustomFieldsQuery = {}) => this.list(harvestListEndpoints.customFields, query);
  listDepartments = (query: Q.DepartmentsQuery = {}) => this.list(harvestListEndpoints.departments, query);
  listOffices = (query: Q.OfficesQuery = {}) => this.list(harvestListEndpoints.offices, query);

  /** Most resources have no GET-by-id: these read `?ids=<id>`. Undefined when absent or not visible. */
  getJob = (id: number) => this.first(harvestListEndpoints.jobs, { ids: [id] });
  getCandidate = (id: number) => this.first(harvestListEndpoints.candidates, { ids: [id] });
  getApplication = (id: number) => this.first(harvestListEndpoints.applications, { ids: [id] });
  getUser = (id: number) =>
    this.first(harvestListEndpoints.users, { ids: [id], show_service_accounts: true });

  // ── writes ──

  /** 201 `{candidate, application}`; `application` is null without a nested application. */
  async createCandidate(body: S.CreateCandidateBody): Promise<CreatedCandidate> {
    const response = await this.write('POST', '/candidates', S.createCandidateBody, body, 'candidate');
    const raw = (response.body ?? {}) as Record<string, unknown>;
    const candidate = parseGreenhouseRecord(S.candidateSchema, 'candidate', raw.candidate, response.request);
    const application =
      raw.application === undefined || raw.application === null
        ? null
        : parseGreenhouseRecord(S.applicationSchema, 'application', raw.application, response.request);
    return { candidate, application };
  }

  async createApplication(body: S.CreateApplicationBody): Promise<S.Application> {
    const response = await this.write('POST', '/applications', S.createApplicationBody, body, 'application');
    return parseGreenhouseRecord(S.applicationSchema, 'application', response.body, response.request);
  }

  /** Only for fields we own; contact details of an existing person are never overwritten by Pilothouse. */
  async patchCandidate(candidateId: number, body: S.PatchCandidateBody): Promise<S.Candidate> {
    const response = await this.write(
      'PATCH',
      `/candidates/${candidateId}`,
      S.patchCandidateBody,
      body,
      'candidate',
    );
    return parseGreenhouseRecord(S.candidateSchema, 'candidate', response.body, response.request);
  }

  async patchApplication(applicationId: number, body: S.PatchApplicationBody): Promise<S.Application> {
    const path = `/applications/${applicationId}`;
    const response = await this.write('PATCH', path, S.patchApplicationBody, body, 'application');
    return parseGreenhouseRecord(S.applicationSchema, 'application', response.body, response.request);
  }

  /**
   * 204. Greenhouse refuses (422) when `from_stage_id` is not the current stage. A move may send
   * automated emails: callers never replay it without re-reading the application first
   * (see `moveApplicationFromStage`).
   */
  async moveApplication(applicationId: number, body: S.MoveApplicationBody): Promise<void> {
    await this.write(
      'POST',
      `/applications/${applicationId}/move`,
      S.moveApplicationBody,
      body,
      'application',
    );
  }

  async rejectApplication(applicationId: number, body: S.RejectApplicationBody): Promise<void> {
    await this.write(
      'POST',
      `/applications/${applicationId}/reject`,
      S.rejectApplicationBody,
      body,
      'application',
    );
  }

  async unrejectApplication(applicationId: number): Promise<void> {
    await this.write(
      'POST',
      `/applications/${applicationId}/unreject`,
      S.unrejectApplicationBody,
      {},
      'application',
    );
  }

  /** `opening_id` is required by Greenhouse when the job has several open openings. */
  async hireApplication(applicationId: number, body: S.HireApplicationBody = {}): Promise<void> {
    await this.write(
      'POST',
      `/applications/${applicationId}/hire`,
      S.hireApplicationBody,
      body,
      'application',
    );
  }

  /** The prospect application becomes `converted`; the returned application is the new candidate one. */
  async convertProspect(applicationId: number, body: S.ConvertProspectBody): Promise<S.Application> {
    const path = `/applications/${applicationId}/convert_to_candidate`;
    const response = await this.write('POST', path, S.convertProspectBody, body, 'application');
    return parseGreenhouseRecord(S.applicationSchema, 'application', response.body, response.request);
  }

  /** A new resume turns the previous one into `other`. */
  async createAttachment(body: S.CreateAttachmentBody): Promise<S.Attachment> {
    const response = await this.write('POST', '/attachments', S.createAttachmentBody, body, 'attachment');
    return parseGreenhouseRecord(S.attachmentSchema, 'attachment', response.body, response.request);
  }

  async createNote(body: S.CreateNoteBody): Promise<S.Note> {
    const response = await this.write('POST', '/notes', S.createNoteBody, body, 'note');
    return parseGreenhouseRecord(S.noteSchema, 'note', response.body, response.request);
  }

  /** Employments have no update: a correction is a delete and a new create. */
  async createCandidateEmployment(body: S.CreateCandidateEmploymentBody): Promise<S.CandidateEmployment> {
    const path = '/candidate_employments';
    const response = await this.write(
      'POST',
      path,
      S.createCandidateEmploymentBody,
      body,
      'candidate_employment',
    );
    return parseGreenhouseRecord(
      S.candidateEmploymentSchema,
      'candidate_employment',
      response.body,
      response.request,
    );
  }

  /** Educations have no update either; school, degree and discipline are ids of dictionary options. */
  async createCandidateEducation(body: S.CreateCandidateEducationBody): Promise<S.CandidateEducation> {
    const response = await this.write(
      'POST',
      '/candidate_educations',
      S.createCandidateEducationBody,
      body,
      'candidate_education',
    );
    return parseGreenhouseRecord(
      S.candidateEducationSchema,
      'candidate_education',
      response.body,
      response.request,
    );
  }

  /** Tag names are unique per organisation: look the tag up before creating it. */
  async createCandidateTag(body: S.CreateCandidateTagBody): Promise<S.CandidateTag> {
    const response = await this.write(
      'POST',
      '/candidate_tags',
      S.createCandidateTagBody,
      body,
      'candidate_tag',
    );
    return parseGreenhouseRecord(S.candidateTagSchema, 'candidate_tag', response.body, response.request);
  }

  async applyCandidateTag(body: S.ApplyCandidateTagBody): Promise<S.AppliedCandidateTag> {
    const path = '/applied_candidate_tags';
    const response = await this.write('POST', path, S.applyCandidateTagBody, body, 'applied_candidate_tag');
    return parseGreenhouseRecord(
      S.appliedCandidateTagSchema,
      'applied_candidate_tag',
      response.body,
      response.request,
    );
  }

  // ── plumbing ──

  /** Streams the records of a list endpoint; `*_ids` over 50 are read chunk by chunk. */
  async *list<T>(target: ListEndpoint<T>, query: HarvestQuery, signal?: AbortSignal): AsyncGenerator<T> {
    for await (const page of this.pages(target, query, signal)) yield* page;
  }

  /** Page by page, for callers that checkpoint after each page. */
  async *pages<T>(target: ListEndpoint<T>, query: HarvestQuery, signal?: AbortSignal): AsyncGenerator<T[]> {
    for (const params of toSearchParamsChunks(query)) {
      const search = params.toString();
      let url: URL | undefined = new URL(`${this.baseUrl}${target.path}${search ? `?${search}` : ''}`);
      while (url) {
        const response = await this.transport.send('GET', url, undefined, signal);
        const records = expectArray(response.body, target.resource, response.request);
        yield records.map((raw) =>
          parseGreenhouseRecord(target.schema, target.resource, raw, response.request),
        );
        const next = nextPageUrl(response.headers.get('link'));
        url = next === undefined ? undefined : this.sameOriginUrl(next, response);
      }
    }
  }

  /** A raw GET for probes (scope checks); answers are not validated. */
  async probe(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<HarvestResponse> {
    return this.transport.send(method, new URL(`${this.baseUrl}${path}`), body);
  }

  private async first<T>(target: ListEndpoint<T>, query: HarvestQuery): Promise<T | undefined> {
    for await (const record of this.list(target, query)) return record;
    return undefined;
  }

  private async write<B>(
    method: 'POST' | 'PATCH',
    path: string,
    schema: z.ZodType<B>,
    body: B,
    resource: string,
  ): Promise<HarvestResponse> {
    const url = new URL(`${this.baseUrl}${path}`);
    const checked = schema.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new GreenhouseError({
        kind: 'invalid_request',
        request: { method, path: url.pathname },
        resource,
        field: issue?.path.join('.') || undefined,
        messages: checked.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
      });
    }
    const response = await this.transport.send(method, url, checked.data);
    this.logger.info('greenhouse write', { method, path: url.pathname, status: response.status });
    return response;
  }

  /** The bearer token must never follow a link to another host. */
  private sameOriginUrl(next: string, response: HarvestResponse): URL {
    const url = new URL(next, this.baseUrl);
    if (url.origin !== new URL(this.baseUrl).origin) {
      throw new GreenhouseError({
        kind: 'invalid_response',
        request: response.request,
        messages: [`rel="next" points to another host (${url.origin})`],
      });
    }
    return url;
  }
}

/** Collects a (small) list; reference data only — tenant-sized lists must be streamed. */
export async function collect<T>(records: AsyncIterable<T>, limit = 10_000): Promise<T[]> {
  const all: T[] = [];
  for await (const record of records) {
    all.push(record);
    if (all.length > limit)
      throw new RangeError(`collect() refused more than ${limit} records: stream them instead`);
  }
  return all;
}
