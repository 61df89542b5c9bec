import {
  applicationStatusFilters,
  attachmentTypes,
  jobOwnerTypes,
  noteReadVisibilities,
  noteTypes,
} from '../../greenhouse/schemas';
import { harvestError, json } from '../http/reply';
import type { SandboxRuntime } from '../runtime';
import { canSeeApplication, canSeeJob, visibleCandidateIds, type Viewer } from '../state/visibility';
import { byId, type TenantState } from '../state/types';
import { nextLink, resolveListQuery } from './cursor';
import type { HarvestRoute } from './harvest-route';
import {
  hasDateFilter,
  parseBoolean,
  parseDateFilter,
  parseEnum,
  parseIdList,
  parseInteger,
  parsePerPage,
  withinBounds,
} from './list-query';

type Row = { id: number; created_at?: string; updated_at?: string; [key: string]: unknown };
type Predicate = (row: Row) => boolean;
/** Parses its parameter (422 on nonsense) and returns a predicate, or undefined when absent. */
type Filter = (query: URLSearchParams, state: TenantState) => Predicate | undefined;

interface ListSpec {
  pattern: string;
  scope: string;
  maxPerPage?: number;
  rows(state: TenantState, viewer: Viewer): Row[];
  filters: Filter[];
}

// ── filter builders ──
const ids =
  (param: string, field: string): Filter =>
  (query) => {
    const wanted = parseIdList(query, param);
    return wanted && ((row) => wanted.includes(row[field] as number));
  };
const idsWithin =
  (param: string, field: string): Filter =>
  (query) => {
    const wanted = parseIdList(query, param);
    return wanted && ((row) => ((row[field] as number[] | null) ?? []).some((id) => wanted.includes(id)));
  };
const integer =
  (param: string, matches: (row: Row, value: number) => boolean): Filter =>
  (query) => {
    const value = parseInteger(query, param);
    return value === undefined ? undefined : (row) => matches(row, value);
  };
const flag =
  (param: string, field: string, fallback?: boolean): Filter =>
  (query) => {
    const value = parseBoolean(query, param) ?? fallback;
    return value === undefined ? undefined : (row) => Boolean(row[field]) === value;
  };
const oneOf =
  (
    param: string,
    field: string,
    values: readonly string[],
    translate: (v: string) => string = (v) => v,
  ): Filter =>
  (query) => {
    const value = parseEnum(query, param, values);
    return value === undefined ? undefined : (row) => row[field] === translate(value);
  };
const text =
  (param: string, matches: (row: Row, value: string) => boolean): Filter =>
  (query) => {
    const value = query.get(param);
    return value === null ? undefined : (row) => matches(row, value);
  };
const date =
  (param: string, field: string): Filter =>
  (query) => {
    const bounds = parseDateFilter(query, param);
    return bounds && ((row) => withinBounds(row[field] as string | null, bounds));
  };

const all = (rows: object[]) => rows as Row[];
const visibleApplication = (state: TenantState, viewer: Viewer, applicationId: number) => {
  const application = byId(state.applications, applicationId);
  return application !== undefined && canSeeApplication(viewer, application);
};
const visibleCandidate = (state: TenantState, viewer: Viewer) => {
  const visible = visibleCandidateIds(state, viewer);
  return (candidateId: number | null) =>
    visible === 'all' || (candidateId !== null && visible.has(candidateId));
};

const listSpecs: ListSpec[] = [
  {
    pattern: '/v3/jobs',
    scope: 'harvest:jobs:list',
    rows: (state, viewer) => all(state.jobs.filter((job) => canSeeJob(viewer, job.id))),
    filters: [
      oneOf('status', 'status', ['open', 'draft', 'closed']),
      flag('confidential', 'confidential'),
      integer('department_id', (row, value) => row.department_id === value),
      integer('office_id', (row, value) => ((row.office_ids as number[] | null) ?? []).includes(value)),
      text('requisition_id', (row, value) => row.requisition_id === value),
      date('opened_at', 'opened_at'),
      date('closed_at', 'closed_at'),
    ],
  },
  {
    pattern: '/v3/job_posts',
    scope: 'harvest:job_posts:list',
    rows: (state, viewer) => all(state.job_posts.filter((post) => canSeeJob(viewer, post.job_id))),
    // `active` defaults to true: deactivated posts stay hidden unless asked for.
    filters: [
      ids('job_ids', 'job_id'),
      ids('job_board_ids', 'job_board_id'),
      flag('active', 'active', true),
      flag('live', 'live'),
      flag('internal', 'internal'),
      flag('featured', 'featured'),
    ],
  },
  {
    pattern: '/v3/job_interview_stages',
    scope: 'harvest:job_interview_stages:list',
    rows: (state, viewer) =>
      all(state.job_interview_stages.filter((stage) => canSeeJob(viewer, stage.job_id))),
    filters: [ids('job_ids', 'job_id'), flag('active', 'active')],
  },
  {
    pattern: '/v3/users',
    scope: 'harvest:users:list',
    rows: (state) => all(state.users),
    filters: [
      (query, state) => {
        // Service accounts are hidden unless show_service_accounts=true.
        const show = parseBoolean(query, 'show_service_accounts') ?? false;
        return show ? undefined : (row) => !state.service_account_user_ids.includes(row.id);
      },
      flag('deactivated', 'deactivated'),
      text('primary_email', (row, value) => row.primary_email === value),
      idsWithin('office_ids', 'office_ids'),
      idsWithin('department_ids', 'department_ids'),
      (query) => {
        const wanted = query.get('employee_ids')?.split(',');
        return wanted && ((row) => wanted.includes(String(row.employee_id)));
      },
    ],
  },
  {
    pattern: '/v3/user_job_permissions',
    scope: 'harvest:user_job_permissions:list',
    rows: (state, viewer) => all(state.user_job_permissions.filter((p) => canSeeJob(viewer, p.job_id))),
    filters: [ids('job_ids', 'job_id'), ids('user_ids', 'user_id'), ids('role_ids', 'role_id')],
  },
  {
    pattern: '/v3/future_job_permissions',
    scope: 'harvest:future_job_permissions:list',
    rows: (state) => all(state.future_job_permissions),
    filters: [
      ids('user_ids', 'user_id'),
      ids('role_ids', 'role_id'),
      ids('department_ids', 'department_id'),
      ids('office_ids', 'office_id'),
    ],
  },
  {
    pattern: '/v3/user_roles',
    scope: 'harvest:user_roles:list',
    rows: (state) => all(state.user_roles),
    filters: [],
  },
  {
    pattern: '/v3/job_owners',
    scope: 'harvest:job_owners:list',
    rows: (state, viewer) => all(state.job_owners.filter((owner) => canSeeJob(viewer, owner.job_id))),
    filters: [ids('job_ids', 'job_id'), ids('user_ids', 'user_id'), oneOf('type', 'type', jobOwnerTypes)],
  },
  {
    pattern: '/v3/job_hiring_managers',
    scope: 'harvest:job_hiring_managers:list',
    rows: (state, viewer) =>
      all(state.job_hiring_managers.filter((manager) => canSeeJob(viewer, manager.job_id))),
    filters: [ids('job_ids', 'job_id'), ids('user_ids', 'user_id')],
  },
  {
    pattern: '/v3/candidates',
    scope: 'harvest:candidates:list',
    rows: (state, viewer) => {
      const visible = visibleCandidate(state, viewer);
      return all(state.candidates.filter((candidate) => visible(candidate.id)));
    },
    filters: [
      text('email', (row, value) =>
        (row.email_addresses as { value: string }[]).some(
          (email) => email.value.toLowerCase() === value.trim().toLowerCase(),
        ),
      ),
      text('tag', (row, value) => ((row.tags as string[] | undefined) ?? []).includes(value)),
      (query) => (parseBoolean(query, 'private') === false ? (row) => row.private !== true : undefined),
      date('last_activity_at', 'last_activity_at'),
    ],
  },
  {
    pattern: '/v3/candidates/search',
    scope: 'harvest:candidates:list',
    maxPerPage: 100,
    rows: (state, viewer) => {
      const visible = visibleCandidate(state, viewer);
      return all(state.candidates.filter((candidate) => visible(candidate.id)));
    },
    filters: [
      text('search', (row, value) => searchableText(row).includes(value.trim().toLowerCase())),
      text('tag', (row, value) => ((row.tags as string[] | undefined) ?? []).includes(value)),
      (query, state) => {
        const status = parseEnum(query, 'status', ['candidates', 'prospects', 'all'] as const) ?? 'all';
        const jobId = parseInteger(query, 'job_id');
        const stageId = parseInteger(query, 'stage_id');
        const sourceId = parseInteger(query, 'source_id');
        const poolId = parseInteger(query, 'prospect_pool_id');
        if (status === 'all' && [jobId, stageId, sourceId, poolId].every((v) => v === undefined))
          return undefined;
        return (row) =>
          state.applications.some(
            (a) =>
              a.candidate_id === row.id &&
              (status === 'all' || a.prospect === (status === 'prospects')) &&
              (jobId === undefined || a.job_id === jobId || (a.prospective_job_ids ?? []).includes(jobId)) &&
              (stageId === undefined || a.job_interview_stage_id === stageId) &&
              (sourceId === undefined || a.source_id === sourceId) &&
              (poolId === undefined ||
                state.prospect_details.some((d) => d.application_id === a.id && d.pool_id === poolId)),
          );
      },
      date('last_activity_at', 'last_activity_at'),
    ],
  },
  {
    pattern: '/v3/applications',
    scope: 'harvest:applications:list',
    rows: (state, viewer) =>
      all(state.applications.filter((application) => canSeeApplication(viewer, application))),
    filters: [
      ids('candidate_ids', 'candidate_id'),
      ids('job_ids', 'job_id'),
      idsWithin('prospective_job_ids', 'prospective_job_ids'),
      ids('job_post_ids', 'job_post_id'),
      ids('source_ids', 'source_id'),
      ids('referrer_ids', 'referrer_id'),
      ids('stage_ids', 'stage_id'),
      ids('job_interview_stage_ids', 'job_interview_stage_id'),
      // The filter vocabulary says `active`; responses say `in_process`.
      oneOf('status', 'status', applicationStatusFilters, (value) =>
        value === 'active' ? 'in_process' : value,
      ),
      text('stage_name', (row, value) => row.stage_name === value),
      flag('prospect', 'prospect'),
      date('last_activity_at', 'last_activity_at'),
    ],
  },
  {
    pattern: '/v3/application_stages',
    scope: 'harvest:application_stages:list',
    rows: (state, viewer) => {
      const nowMs = Date.now();
      return state.application_stages
        .filter((visit) => visibleApplication(state, viewer, visit.application_id))
        .map((visit) => ({
          ...visit,
          days_in_stage: Math.floor(
            ((visit.exited_at ? Date.parse(visit.exited_at) : nowMs) -
              Date.parse(visit.entered_at ?? visit.created_at ?? '')) /
              86_400_000,
          ),
        })) as Row[];
    },
    filters: [
      ids('application_ids', 'application_id'),
      ids('job_interview_stage_ids', 'job_interview_stage_id'),
      flag('current', 'current'),
    ],
  },
  {
    pattern: '/v3/prospect_pools',
    scope: 'harvest:prospect_pools:list',
    rows: (state) => all(state.prospect_pools),
    filters: [
      idsWithin('job_ids', 'job_ids'),
      idsWithin('department_ids', 'department_ids'),
      idsWithin('office_ids', 'office_ids'),
      flag('active', 'active'),
    ],
  },
  {
    pattern: '/v3/prospect_pool_stages',
    scope: 'harvest:prospect_pool_stages:list',
    rows: (state) => all(state.prospect_pool_stages),
    filters: [ids('prospect_pool_ids', 'prospect_pool_id')],
  },
  {
    pattern: '/v3/prospect_details',
    scope: 'harvest:prospect_details:list',
    rows: (state, viewer) =>
      all(
        state.prospect_details.filter((detail) => visibleApplication(state, viewer, detail.application_id)),
      ),
    filters: [
      ids('application_ids', 'application_id'),
      ids('pool_ids', 'pool_id'),
      ids('pool_stage_ids', 'pool_stage_id'),
      ids('prospect_owner_ids', 'prospect_owner_id'),
      // The prospective department and office, as the spec documents (not the application's job's).
      ids('department_ids', 'department_id'),
      ids('office_ids', 'office_id'),
    ],
  },
  {
    pattern: '/v3/attachments',
    scope: 'harvest:attachments:list',
    rows: (state, viewer) =>
      all(state.attachments.filter((file) => visibleApplication(state, viewer, file.application_id))),
    filters: [
      ids('application_ids', 'application_id'),
      ids('candidate_ids', 'candidate_id'),
      oneOf('type', 'type', attachmentTypes),
    ],
  },
  {
    pattern: '/v3/notes',
    scope: 'harvest:notes:list',
    rows: (state, viewer) => {
      const visible = visibleCandidate(state, viewer);
      return all(state.notes.filter((note) => visible(note.candidate_id)));
    },
    filters: [
      ids('candidate_ids', 'candidate_id'),
      ids('application_ids', 'application_id'),
      ids('user_ids', 'user_id'),
      oneOf('type', 'type', noteTypes),
      oneOf('visibility', 'visibility', noteReadVisibilities),
    ],
  },
  {
    pattern: '/v3/candidate_employments',
    scope: 'harvest:candidate_employments:list',
    rows: (state, viewer) => {
      const visible = visibleCandidate(state, viewer);
      return all(state.candidate_employments.filter((employment) => visible(employment.candidate_id)));
    },
    filters: [ids('candidate_ids', 'candidate_id'), flag('latest', 'latest')],
  },
  {
    pattern: '/v3/candidate_educations',
    scope: 'harvest:candidate_educations:list',
    rows: (state, viewer) => {
      const visible = visibleCandidate(state, viewer);
      return all(state.candidate_educations.filter((education) => visible(education.candidate_id)));
    },
    filters: [ids('candidate_ids', 'candidate_id'), flag('latest', 'latest')],
  },
  {
    pattern: '/v3/custom_field_options',
    scope: 'harvest:custom_field_options:list',
    rows: (state) => all(state.custom_field_options),
    filters: [
      ids('custom_field_ids', 'custom_field_id'),
      // The dictionary by its field's name_key (school_name, degree, discipline): v1's /schools and co.
      (query, state) => {
        const key = query.get('custom_field_key');
        if (key === null) return undefined;
        const field = state.custom_fields.find((f) => f.name_key === key);
        return (row) => row.custom_field_id === field?.id;
      },
      flag('active', 'active'),
    ],
  },
  {
    pattern: '/v3/candidate_tags',
    scope: 'harvest:candidate_tags:list',
    rows: (state) => all(state.candidate_tags),
    filters: [],
  },
  {
    pattern: '/v3/applied_candidate_tags',
    scope: 'harvest:applied_candidate_tags:list',
    rows: (state, viewer) => {
      const visible = visibleCandidate(state, viewer);
      return all(state.applied_candidate_tags.filter((applied) => visible(applied.candidate_id)));
    },
    filters: [ids('candidate_ids', 'candidate_id'), ids('candidate_tag_ids', 'candidate_tag_id')],
  },
  { pattern: '/v3/sources', scope: 'harvest:sources:list', rows: (state) => all(state.sources), filters: [] },
  {
    pattern: '/v3/rejection_reasons',
    scope: 'harvest:rejection_reasons:list',
    rows: (state) => all(state.rejection_reasons),
    filters: [
      (query, state) => {
        // Greenhouse's built-in reasons only appear with include_defaults=true.
        const include = parseBoolean(query, 'include_defaults') ?? false;
        return include ? undefined : (row) => !state.default_rejection_reason_ids.includes(row.id);
      },
    ],
  },
  {
    pattern: '/v3/close_reasons',
    scope: 'harvest:close_reasons:list',
    rows: (state) => all(state.close_reasons),
    filters: [],
  },
  {
    pattern: '/v3/custom_fields',
    scope: 'harvest:custom_fields:list',
    rows: (state) => all(state.custom_fields),
    filters: [
      text('field_type', (row, value) => row.field_type === value),
      flag('active', 'active'),
      text('name_key', (row, value) => row.name_key === value),
      text('name', (row, value) => row.name === value),
    ],
  },
  {
    pattern: '/v3/departments',
    scope: 'harvest:departments:list',
    rows: (state) => all(state.departments),
    filters: [
      integer('parent_id', (row, value) => row.parent_id === value),
      text('external_id', (row, value) => row.external_id === value),
    ],
  },
  {
    pattern: '/v3/offices',
    scope: 'harvest:offices:list',
    rows: (state) => all(state.offices),
    filters: [
      integer('parent_id', (row, value) => row.parent_id === value),
      text('external_id', (row, value) => row.external_id === value),
    ],
  },
];

function searchableText(row: Row): string {
  const values = [row.first_name, row.last_name, row.company, row.title]
    .concat(((row.email_addresses as { value: string }[]) ?? []).map((e) => e.value))
    .concat(((row.social_media_addresses as { value: string }[]) ?? []).map((e) => e.value))
    .concat(((row.website_addresses as { value: string }[]) ?? []).map((e) => e.value));
  return values.filter(Boolean).join(' ').toLowerCase();
}

/** Shared by every list: cursor rule, per_page, ids, created_at/updated_at, descending-id pages. */
function listHandler(spec: ListSpec): HarvestRoute['handle'] {
  return (rt: SandboxRuntime, request) => {
    const { query, before } = resolveListQuery(spec.pattern, request.query);
    const perPage = parsePerPage(query, spec.maxPerPage ?? 500);
    if (hasDateFilter(query, 'created_at') && hasDateFilter(query, 'updated_at')) {
      throw harvestError(422, 'Filtering by both created_at and updated_at in one request is not supported.');
    }
    const predicates = [
      ids('ids', 'id'),
      date('created_at', 'created_at'),
      date('updated_at', 'updated_at'),
      ...spec.filters,
    ]
      .map((filter) => filter(query, rt.state))
      .filter((predicate): predicate is Predicate => predicate !== undefined);
    const matching = spec
      .rows(rt.state, request.viewer)
      .filter(
        (row) => (before === undefined || row.id < before) && predicates.every((predicate) => predicate(row)),
      )
      .sort((a, b) => b.id - a.id);
    const page = matching.slice(0, perPage);
    const last = page[page.length - 1];
    const headers: Record<string, string> =
      matching.length > perPage && last ? { link: nextLink(rt.origin, spec.pattern, query, last.id) } : {};
    return json(200, page, headers);
  };
}

export const listRoutes: HarvestRoute[] = listSpecs.map((spec) => ({
  method: 'GET',
  pattern: spec.pattern,
  scope: spec.scope,
  handle: listHandler(spec),
}));
