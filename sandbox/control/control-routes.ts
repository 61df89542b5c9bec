import { z } from 'zod';
import { requiredScopeList } from '../../greenhouse/scopes';
import { demoCredentials, demoWebhookSecret } from '../auth/credentials';
import { harvestError, json, type Reply } from '../http/reply';
import type { RouteRow } from '../http/router';
import type { SandboxRuntime } from '../runtime';
import { recordKinds, byId, type RecordKind } from '../state/types';
import type { Viewer } from '../state/visibility';
import * as ops from '../tenant/operations';

/**
 * The sandbox's own API, under `/_sandbox`, apart from the Harvest surface: reset and seed,
 * webhook targets, a recruiter acting inside Greenhouse, state inspection and fault injection.
 * It has no authentication: the sandbox is a local tool and binds to 127.0.0.1 by default.
 */
interface ControlRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ControlRoute extends RouteRow {
  handle(rt: SandboxRuntime, request: ControlRequest): Reply | Promise<Reply>;
}

/** A recruiter in Greenhouse's UI sees everything. */
const recruiter: Viewer = { allJobs: true, jobIds: new Set(), siteAdmin: true };

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw harvestError(
      400,
      ...result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
    );
  }
  return result.data;
}

function application(rt: SandboxRuntime, request: ControlRequest) {
  const found = byId(rt.state.applications, Number(request.params.id));
  if (!found) throw harvestError(404, `Application ${request.params.id} not found`);
  return found;
}

export function counts(rt: SandboxRuntime): Record<RecordKind, number> {
  return Object.fromEntries(recordKinds.map((kind) => [kind, rt.state[kind].length])) as Record<
    RecordKind,
    number
  >;
}

const webhookTargetBody = z.strictObject({
  url: z.url(),
  secret_key: z.string().min(1),
  events: z.array(z.string()).default([]),
  max_attempts: z.number().int().min(1).max(7).default(6),
});

const settingsBody = z.strictObject({
  token_ttl_seconds: z.number().int().min(1).optional(),
  revoke_previous_tokens: z.boolean().optional(),
  rate_limit: z.number().int().min(1).optional(),
  move_from_stage_id: z.enum(['job_interview_stage', 'application_stage', 'either']).optional(),
});

export const controlRoutes: ControlRoute[] = [
  { method: 'GET', pattern: '/_sandbox/health', handle: () => json(200, { ok: true }) },
  {
    // How a Pilothouse process connects to this sandbox: `npm start` reads it and passes it to the worker
    // and web app as configuration, so their code never imports the sandbox. Not secret: it opens only
    // this local server.
    method: 'GET',
    pattern: '/_sandbox/demo-connection',
    handle: () =>
      json(200, {
        client_id: demoCredentials.clientId,
        client_secret: demoCredentials.clientSecret,
        webhook_secret: demoWebhookSecret,
      }),
  },
  {
    method: 'POST',
    pattern: '/_sandbox/reset',
    handle: (rt, request) => {
      const options = parse(
        z.strictObject({
          seed: z.number().int().optional(),
          candidates: z.number().int().min(0).max(50_000).optional(),
        }),
        request.body,
      );
      rt.reseed(options);
      return json(200, { seed: rt.state.seed, counts: counts(rt) });
    },
  },
  {
    method: 'GET',
    pattern: '/_sandbox/state',
    handle: (rt) =>
      json(200, {
        seed: rt.state.seed,
        counts: counts(rt),
        rate_window: { current: rt.harvestWindow.current(), history: rt.harvestWindow.history },
        token_ttl_seconds: rt.tokens.ttlSeconds,
        move_from_stage_id: rt.moveFromStageIdSpace,
        faults: rt.faults.settings,
        webhook_targets: rt.webhookTargets.length,
        webhooks_pending: rt.webhooks.pending(),
      }),
  },
  {
    method: 'PUT',
    pattern: '/_sandbox/settings',
    handle: (rt, request) => {
      const settings = parse(settingsBody, request.body);
      if (settings.token_ttl_seconds !== undefined) rt.tokens.ttlSeconds = settings.token_ttl_seconds;
      if (settings.revoke_previous_tokens !== undefined)
        rt.tokens.revokePrevious = settings.revoke_previous_tokens;
      if (settings.rate_limit !== undefined) rt.harvestWindow.limit = settings.rate_limit;
      if (settings.move_from_stage_id !== undefined) rt.moveFromStageIdSpace = settings.move_from_stage_id;
      return json(200, settings);
    },
  },
  {
    method: 'GET',
    pattern: '/_sandbox/candidates/:id',
    handle: (rt, request) => {
      const { state } = rt;
      const candidate = byId(state.candidates, Number(request.params.id));
      if (!candidate) throw harvestError(404, `Candidate ${request.params.id} not found`);
      const applications = state.applications.filter((a) => a.candidate_id === candidate.id);
      const applicationIds = new Set(applications.map((a) => a.id));
      return json(200, {
        candidate,
        applications,
        application_stages: state.application_stages.filter((s) => applicationIds.has(s.application_id)),
        prospect_details: state.prospect_details.filter((d) => applicationIds.has(d.application_id)),
        attachments: state.attachments.filter((f) => f.candidate_id === candidate.id),
        notes: state.notes.filter((n) => n.candidate_id === candidate.id),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/_sandbox/people',
    handle: (rt, request) => {
      const email = request.query.get('email')?.toLowerCase();
      if (!email) throw harvestError(400, 'email is required');
      return json(
        200,
        rt.state.candidates.filter((c) => c.email_addresses.some((e) => e.value.toLowerCase() === email)),
      );
    },
  },
  { method: 'GET', pattern: '/_sandbox/webhook-targets', handle: (rt) => json(200, rt.webhookTargets) },
  {
    method: 'POST',
    pattern: '/_sandbox/webhook-targets',
    handle: (rt, request) => {
      const target = {
        id: Math.max(0, ...rt.webhookTargets.map((t) => t.id)) + 1,
        ...parse(webhookTargetBody, request.body),
      };
      rt.webhookTargets.push(target);
      rt.markChanged();
      return json(201, target);
    },
  },
  {
    method: 'DELETE',
    pattern: '/_sandbox/webhook-targets/:id',
    handle: (rt, request) => {
      const index = rt.webhookTargets.findIndex((t) => t.id === Number(request.params.id));
      if (index < 0) throw harvestError(404, `Webhook target ${request.params.id} not found`);
      rt.webhookTargets.splice(index, 1);
      rt.markChanged();
      return json(204);
    },
  },
  {
    method: 'GET',
    pattern: '/_sandbox/webhook-deliveries',
    handle: (rt) => json(200, rt.webhooks.deliveries),
  },
  {
    method: 'POST',
    pattern: '/_sandbox/webhooks/flush',
    handle: async (rt) => {
      // Waits (up to 30 s) until every queued delivery and retry has run.
      await Promise.race([rt.webhooks.idle(), new Promise((resolve) => setTimeout(resolve, 30_000))]);
      return json(200, { pending: rt.webhooks.pending(), deliveries: rt.webhooks.deliveries.length });
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/credentials',
    handle: (rt, request) => {
      const credential = parse(
        z.strictObject({
          client_id: z.string().min(1),
          client_secret: z.string().min(1),
          scopes: z.array(z.string()).default([...requiredScopeList]),
        }),
        request.body,
      );
      rt.credentials = rt.credentials.filter((c) => c.client_id !== credential.client_id).concat(credential);
      rt.markChanged();
      return json(201, { client_id: credential.client_id, scopes: credential.scopes });
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/tokens/expire',
    handle: (rt) => json(200, { expired: rt.tokens.expireAll() }),
  },
  { method: 'GET', pattern: '/_sandbox/faults', handle: (rt) => json(200, rt.faults.settings) },
  {
    method: 'PUT',
    pattern: '/_sandbox/faults',
    handle: (rt, request) => {
      try {
        return json(200, rt.faults.update(request.body ?? {}));
      } catch (error) {
        throw harvestError(400, error instanceof Error ? error.message : String(error));
      }
    },
  },
  { method: 'DELETE', pattern: '/_sandbox/faults', handle: (rt) => json(200, rt.faults.clear()) },

  // ── a recruiter acting inside Greenhouse (no from_stage_id guard: that is the UI) ──
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/applications/:id/move',
    handle: (rt, request) => {
      const target = parse(
        z.strictObject({ to_stage_id: z.number().int().optional(), to_job_id: z.number().int().optional() }),
        request.body,
      );
      const moved = application(rt, request);
      ops.moveApplication(rt, moved, { toStageId: target.to_stage_id, toJobId: target.to_job_id }, recruiter);
      return json(200, moved);
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/applications/:id/reject',
    handle: (rt, request) => {
      const { rejection_reason_id } = parse(
        z.strictObject({ rejection_reason_id: z.number().int().optional() }),
        request.body,
      );
      const rejected = application(rt, request);
      const reasonId = rejection_reason_id ?? rt.state.rejection_reasons[0]?.id;
      if (reasonId === undefined) throw harvestError(422, 'The tenant has no rejection reasons');
      ops.rejectApplication(rt, rejected, reasonId);
      return json(200, rejected);
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/applications/:id/unreject',
    handle: (rt, request) => {
      const unrejected = application(rt, request);
      ops.unrejectApplication(rt, unrejected);
      return json(200, unrejected);
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/applications/:id/hire',
    handle: (rt, request) => {
      const hire = parse(z.strictObject({ opening_id: z.number().int().optional() }), request.body);
      const hired = application(rt, request);
      ops.hireApplication(rt, hired, hire);
      return json(200, hired);
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/applications',
    handle: (rt, request) => {
      // Someone applies on the careers page: a new person and application, as Greenhouse would.
      const applicant = parse(
        z.strictObject({
          first_name: z.string().min(1),
          last_name: z.string().min(1),
          email: z.string().min(3),
          job_id: z.number().int(),
          linkedin_url: z.string().optional(),
          source_id: z.number().int().optional(),
        }),
        request.body,
      );
      const { candidate, application: created } = ops.createCandidate(
        rt,
        {
          first_name: applicant.first_name,
          last_name: applicant.last_name,
          email_addresses: [{ value: applicant.email, type: 'personal' }],
          social_media_addresses: applicant.linkedin_url ? [{ value: applicant.linkedin_url }] : [],
          application: { job_id: applicant.job_id, source_id: applicant.source_id },
        },
        recruiter,
      );
      return json(201, { candidate, application: created });
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/jobs',
    handle: (rt, request) => {
      const input = parse(
        z.strictObject({
          name: z.string().min(1),
          department_id: z.number().int().nullable().default(null),
          office_ids: z.array(z.number().int()).default([]),
          confidential: z.boolean().optional(),
          interview_plan: z.array(z.string().min(1)).min(1).optional(),
          content: z.string().optional(),
        }),
        request.body,
      );
      return json(201, ops.openJob(rt, input));
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/recruiter/jobs/:id/close',
    handle: (rt, request) => {
      const job = byId(rt.state.jobs, Number(request.params.id));
      if (!job) throw harvestError(404, `Job ${request.params.id} not found`);
      return json(200, ops.closeJob(rt, job));
    },
  },
];
