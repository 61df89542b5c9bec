import type { HarvestClient } from './client';
import { GreenhouseError } from './errors';

/** Why Pilothouse needs each scope; shown next to a missing one on the connection page. */
export const requiredGreenhouseScopes = {
  'harvest:jobs:list': 'sync jobs',
  'harvest:job_posts:list': 'read job descriptions',
  'harvest:job_interview_stages:list': 'map job stages',
  'harvest:users:list': 'credit exports and apply job permissions',
  'harvest:user_job_permissions:list': 'show job admins their jobs',
  'harvest:future_job_permissions:list': 'show job admins their jobs',
  'harvest:user_roles:list': 'tell site admins from job admins',
  'harvest:job_owners:list': "send approvals to the job's recruiter, coordinator or sourcer",
  'harvest:job_hiring_managers:list': "send approvals to the job's hiring managers",
  'harvest:candidates:list': 'find people already in Greenhouse',
  'harvest:candidates:create': 'export candidates and prospects',
  'harvest:candidates:update': 'update candidates Pilothouse created',
  'harvest:applications:list': 'track applications',
  'harvest:applications:create': 'add people to jobs',
  'harvest:applications:update': 'credit sources and recruiters',
  'harvest:applications:move': 'move applications between stages',
  'harvest:applications:reject': 'reject applications',
  'harvest:applications:unreject': 'unreject applications',
  'harvest:applications:hire': 'mark hires',
  'harvest:applications:convert_to_candidate': 'convert prospects to candidates',
  'harvest:application_stages:list': 'read stage history',
  'harvest:prospect_pools:list': 'offer prospect pools to source from and export into',
  'harvest:prospect_pool_stages:list': 'export prospects into pool stages',
  'harvest:prospect_details:list': 'source prospects from the pools chosen for a job',
  'harvest:attachments:list': 'show resumes',
  'harvest:attachments:create': 'upload resumes',
  'harvest:notes:list': 'avoid duplicate notes',
  'harvest:notes:create': 'add match explanations',
  'harvest:candidate_employments:list': 'avoid duplicate work history when an export is retried',
  'harvest:candidate_employments:create': 'add their work history to the people Pilothouse exports',
  'harvest:candidate_educations:list': 'avoid duplicate education when an export is retried',
  'harvest:candidate_educations:create': 'add their education to the people Pilothouse exports',
  'harvest:custom_field_options:list': "match schools, degrees and disciplines to Greenhouse's lists",
  'harvest:candidate_tags:list': 'find the tags rules apply',
  'harvest:candidate_tags:create': 'create a tag a rule applies',
  'harvest:applied_candidate_tags:list': 'avoid applying a tag twice',
  'harvest:applied_candidate_tags:create': 'tag candidates',
  'harvest:sources:list': 'credit the source of exports',
  'harvest:rejection_reasons:list': 'offer rejection reasons',
  'harvest:close_reasons:list': 'close openings on hire',
  'harvest:custom_fields:list': 'read custom fields',
  'harvest:departments:list': 'show departments',
  'harvest:offices:list': 'show offices',
} as const;

export type GreenhouseScope = keyof typeof requiredGreenhouseScopes;
export const requiredScopeList = Object.keys(requiredGreenhouseScopes) as GreenhouseScope[];

/**
 * Scopes whose step Pilothouse skips, with its reason in the audit, when the credential lacks them: probed
 * and listed like the others, but their absence does not make the connection incomplete.
 */
export const optionalGreenhouseScopes: readonly GreenhouseScope[] = [
  'harvest:candidate_employments:list',
  'harvest:candidate_employments:create',
  'harvest:candidate_educations:list',
  'harvest:candidate_educations:create',
  'harvest:custom_field_options:list',
];

export interface ScopeCheck {
  granted: GreenhouseScope[];
  missing: GreenhouseScope[];
  /** Probes that failed for another reason (network, 5xx): unknown, not missing. */
  unknown: { scope: GreenhouseScope; reason: string }[];
}

/**
 * Which scopes the credential has. Greenhouse offers no introspection: the token response is
 * `{token_type, access_token, expires_at}` without a scope list and there is no endpoint to ask,
 * so we probe each scope with the cheapest call it guards and read a 403 as "missing".
 * - `:list` → `GET /<resource>?per_page=1`.
 * - writes → the write with an empty body on id 0. Nothing can be created or changed by it: an
 *   empty body fails validation (422/400) and id 0 does not exist (404) — both only after the
 *   scope check, so any answer but 403 means the scope is granted.
 * About 40 requests: run it when a connection is saved, not on every page view.
 */
export async function checkScopes(
  client: HarvestClient,
  scopes: readonly GreenhouseScope[] = requiredScopeList,
): Promise<ScopeCheck> {
  const result: ScopeCheck = { granted: [], missing: [], unknown: [] };
  for (const scope of scopes) {
    const probe = scopeProbe(scope);
    try {
      await client.probe(probe.method, probe.path, probe.body);
      result.granted.push(scope);
    } catch (error) {
      if (!(error instanceof GreenhouseError)) throw error;
      if (error.status === 403) result.missing.push(scope);
      else if (
        error.kind === 'http' &&
        error.status !== undefined &&
        error.status < 500 &&
        error.status !== 401 &&
        error.status !== 429
      ) {
        result.granted.push(scope);
      } else result.unknown.push({ scope, reason: error.message });
    }
  }
  return result;
}

function scopeProbe(scope: GreenhouseScope): {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
} {
  const [, resource, action] = scope.split(':') as [string, string, string];
  if (action === 'list') return { method: 'GET', path: `/${resource}?per_page=1` };
  if (action === 'create') return { method: 'POST', path: `/${resource}`, body: {} };
  if (action === 'update') return { method: 'PATCH', path: `/${resource}/0`, body: {} };
  return { method: 'POST', path: `/${resource}/0/${action}`, body: {} };
}
