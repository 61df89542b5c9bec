import { collect, type HarvestClient } from './client';
import { GreenhouseError } from './errors';
import { candidateLinkedInUrls } from './linkedin-url';
import { findPeople } from './person-lookup';
import type { Application, CreateApplicationBody } from './schemas/applications';
import type { Candidate, CreateCandidateBody, NestedApplicationBody } from './schemas/candidates';

/**
 * Harvest has no idempotency keys. Every create here first looks for what it would create, and
 * after an ambiguous failure (timeout, network, 5xx: the create may or may not have happened)
 * re-reads before anyone retries, so an export never makes a second person or application.
 * An existing person is reused as is: Pilothouse never overwrites contact details in Greenhouse.
 */
export type FindOrCreateOutcome = 'reused' | 'created' | 'recovered';

export interface FindOrCreateCandidateInput {
  candidate: Omit<CreateCandidateBody, 'application'>;
  /** Job application or prospect to create (or find) for the person. */
  application?: NestedApplicationBody;
  /** LinkedIn profile to match on; defaults to one found in the body's social/website addresses. */
  linkedInUrl?: string;
  /**
   * When an earlier attempt of the same export sent its create (and may have died before hearing the answer):
   * a person found now who was created since then is that attempt's work, "recovered", not "reused".
   */
  earlierCreateSentAt?: Date;
  /** Runs just before the create is sent, to record that it may happen (see earlierCreateSentAt). */
  beforeCreate?: () => Promise<void>;
}

export interface FindOrCreateCandidateResult {
  candidate: Candidate;
  candidateOutcome: FindOrCreateOutcome;
  application: Application | null;
  applicationOutcome: FindOrCreateOutcome | null;
  /**
   * The person's applications as this call last saw them, its own create included: what a caller needs
   * to tell their presence in Greenhouse without reading them again. Null when it did not read them
   * (an existing person reused without an application to find or create).
   */
  applications: Application[] | null;
  /** Other people who share the email or profile (emails are not unique); never merged by us. */
  otherMatches: Candidate[];
}

export async function findOrCreateCandidate(
  client: HarvestClient,
  input: FindOrCreateCandidateInput,
): Promise<FindOrCreateCandidateResult> {
  const keys = {
    emails: (input.candidate.email_addresses ?? []).map((email) => email.value),
    linkedInUrl: input.linkedInUrl ?? candidateLinkedInUrls(input.candidate)[0],
  };
  const hasKeys = keys.emails.length > 0 || keys.linkedInUrl !== undefined;
  const matches = hasKeys ? await findPeople(client, keys) : [];
  const [best, ...others] = matches;
  if (best) {
    return withApplication(
      client,
      best.candidate,
      createdBy(best.candidate, input.earlierCreateSentAt) ? 'recovered' : 'reused',
      input.application,
      others.map((m) => m.candidate),
    );
  }

  await input.beforeCreate?.();
  const startedAt = Date.now();
  try {
    const created = await client.createCandidate({ ...input.candidate, application: input.application });
    return {
      candidate: created.candidate,
      candidateOutcome: 'created',
      application: created.application,
      applicationOutcome: created.application ? 'created' : null,
      // A person this call created has no applications but the one created with them.
      applications: created.application ? [created.application] : [],
      otherMatches: [],
    };
  } catch (error) {
    if (!isAmbiguousFailure(error)) throw error;
    const found = hasKeys
      ? (await findPeople(client, keys))[0]?.candidate
      : await findRecentlyCreatedByName(client, input.candidate, startedAt);
    if (!found) throw error;
    return withApplication(client, found, 'recovered', input.application, []);
  }
}

/** Clocks of Greenhouse and of this machine may differ this much. */
const clockSkewMs = 5 * 60_000;

/**
 * Whether a person found by email is the work of an earlier attempt that sent its create: that attempt had
 * looked first and found no one, so a match created since is its own. A person Greenhouse says it had before
 * then is someone else (the same email, added by a recruiter meanwhile); with no creation time, ours.
 */
function createdBy(candidate: Candidate, earlierCreateSentAt: Date | undefined): boolean {
  if (!earlierCreateSentAt) return false;
  const created = candidate.created_at ? Date.parse(candidate.created_at) : Number.NaN;
  return Number.isNaN(created) || created >= earlierCreateSentAt.getTime() - clockSkewMs;
}

async function withApplication(
  client: HarvestClient,
  candidate: Candidate,
  candidateOutcome: FindOrCreateOutcome,
  application: NestedApplicationBody | undefined,
  otherMatches: Candidate[],
): Promise<FindOrCreateCandidateResult> {
  if (!application) {
    return {
      candidate,
      candidateOutcome,
      application: null,
      applicationOutcome: null,
      applications: null,
      otherMatches,
    };
  }
  const result = await findOrCreateApplication(client, { ...application, candidate_id: candidate.id });
  return {
    candidate,
    candidateOutcome,
    application: result.application,
    applicationOutcome: result.outcome,
    applications: result.candidateApplications,
    otherMatches,
  };
}

/** Without email or LinkedIn, the only trace of our create is a same-named person created just now. */
async function findRecentlyCreatedByName(
  client: HarvestClient,
  body: { first_name: string; last_name: string },
  startedAt: number,
): Promise<Candidate | undefined> {
  // Five minutes of slack for clock skew between us and Greenhouse.
  const since = new Date(startedAt - 5 * 60_000);
  const same = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
  for await (const candidate of client.listCandidates({ created_at: { gte: since }, per_page: 500 })) {
    if (same(candidate.first_name, body.first_name) && same(candidate.last_name, body.last_name))
      return candidate;
  }
  return undefined;
}

export interface FindOrCreateApplicationResult {
  application: Application;
  outcome: FindOrCreateOutcome;
  /** All of the candidate's applications as this call last saw them, its own create included. */
  candidateApplications: Application[];
}

/**
 * One application per candidate per job: an existing one (whatever its status, rejected
 * included) is returned instead of creating another; a prospect is reused when it is still in
 * process and already considered for the requested jobs (and pool, when one is asked for).
 */
export async function findOrCreateApplication(
  client: HarvestClient,
  body: CreateApplicationBody,
): Promise<FindOrCreateApplicationResult> {
  const before = await readApplications(client, body);
  if (before.found)
    return { application: before.found, outcome: 'reused', candidateApplications: before.all };
  try {
    const created = await client.createApplication(body);
    return { application: created, outcome: 'created', candidateApplications: [...before.all, created] };
  } catch (error) {
    const raced = error instanceof GreenhouseError && error.status === 422;
    if (!raced && !isAmbiguousFailure(error)) throw error;
    const after = await readApplications(client, body);
    if (!after.found) throw error;
    return {
      application: after.found,
      outcome: raced ? 'reused' : 'recovered',
      candidateApplications: after.all,
    };
  }
}

export async function findExistingApplication(
  client: HarvestClient,
  body: CreateApplicationBody,
): Promise<Application | undefined> {
  return (await readApplications(client, body)).found;
}

async function readApplications(
  client: HarvestClient,
  body: CreateApplicationBody,
): Promise<{ found: Application | undefined; all: Application[] }> {
  const all = await collect(client.listApplications({ candidate_ids: [body.candidate_id] }));
  return { found: await matchingApplication(client, body, all), all };
}

async function matchingApplication(
  client: HarvestClient,
  body: CreateApplicationBody,
  applications: Application[],
): Promise<Application | undefined> {
  if (!('prospect' in body)) {
    return applications.find((application) => !application.prospect && application.job_id === body.job_id);
  }
  const wantedJobs = body.job_ids ?? [];
  const prospects = applications.filter(
    (application) =>
      application.prospect &&
      application.status === 'in_process' &&
      wantedJobs.every((jobId) => (application.prospective_job_ids ?? []).includes(jobId)),
  );
  if (body.prospect_pool_id === undefined || prospects.length === 0) return prospects[0];
  const inPool = new Set<number>();
  for await (const detail of client.listProspectDetails({ application_ids: prospects.map((p) => p.id) })) {
    if (detail.pool_id === body.prospect_pool_id) inPool.add(detail.application_id);
  }
  return prospects.find((application) => inPool.has(application.id));
}

/** The request may have been carried out even though we saw a failure. */
export function isAmbiguousFailure(error: unknown): boolean {
  if (!(error instanceof GreenhouseError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && error.status >= 500;
}
