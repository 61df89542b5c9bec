import { PIPELINE_PAGE_SIZE, pipelinePeople, type PipelineFilter } from '../../db/queries/pipeline-people';
import type { GreenhousePresence } from '../../db/tables/people';
import type { ExportCandidateInput } from '../../temporal/autopilot-api';
import { greenhouseLinks, profileLink, type GreenhouseLinks } from './greenhouse.server';
import { workflowsOf, type PilothouseContext } from './load-context';

export interface RequirementLine {
  label: string;
  /** title, skill, topic, seniority, years-of-experience or location; '' when an old explanation lacks it. */
  kind: string;
  status: 'met' | 'partly' | 'not-met';
  importance: string;
  evidence: string | null;
  reason: string;
}

export interface MatchExplanationView {
  summary: string | null;
  requirements: RequirementLine[];
}

/** The stored explanation, read defensively: the matcher's shape may grow, a page must not break. */
export function explanationView(raw: unknown): MatchExplanationView {
  const value = (raw ?? {}) as { summary?: unknown; requirements?: unknown };
  const requirements = Array.isArray(value.requirements)
    ? value.requirements.flatMap((r: Record<string, unknown>): RequirementLine[] =>
        typeof r?.label === 'string'
          ? [
              {
                label: r.label,
                kind: typeof r.kind === 'string' ? r.kind : '',
                status: r.status === 'met' ? 'met' : r.status === 'partly' ? 'partly' : 'not-met',
                importance: typeof r.importance === 'string' ? r.importance : 'nice',
                evidence: typeof r.evidence === 'string' ? r.evidence : null,
                reason: typeof r.reason === 'string' ? r.reason : '',
              },
            ]
          : [],
      )
    : [];
  return { summary: typeof value.summary === 'string' ? value.summary : null, requirements };
}

export interface GreenhouseBadge {
  kind: 'none' | 'prospect' | 'applicant';
  candidateId: number | null;
  onThisJob: boolean;
  stageName: string | null;
  status: string | null;
  lastActivityAt: string | null;
  /** The Greenhouse user recruiting on the application, by name (never their id). */
  recruiterName: string | null;
  profileUrl: string | null;
  /** Greenhouse candidates with the same name, company and title: for a recruiter to check, never linked. */
  possibleMatches: { candidateId: number; profileUrl: string | null }[];
}

export function greenhouseBadge(
  links: GreenhouseLinks,
  presence: GreenhousePresence,
  candidateId: number | null,
): GreenhouseBadge {
  if (presence.kind === 'none') {
    return {
      kind: 'none',
      candidateId,
      onThisJob: false,
      stageName: null,
      status: null,
      lastActivityAt: null,
      recruiterName: null,
      profileUrl: candidateId ? profileLink(links, candidateId) : null,
      possibleMatches: (
        (presence as { possibleMatches?: { candidateId: number }[] }).possibleMatches ?? []
      ).map((m) => ({
        candidateId: m.candidateId,
        profileUrl: profileLink(links, m.candidateId),
      })),
    };
  }
  return {
    kind: presence.kind,
    candidateId: presence.candidateId,
    onThisJob: presence.onThisJob,
    stageName: presence.stageName ?? null,
    status: presence.status ?? null,
    lastActivityAt: presence.lastActivityAt ?? null,
    recruiterName:
      presence.recruiterId === null || presence.recruiterId === undefined
        ? null
        : (links.userNames.get(presence.recruiterId) ?? null),
    profileUrl: profileLink(links, presence.candidateId),
    possibleMatches: [],
  };
}

/**
 * One page of the job's Pilothouse pipeline with each person's latest score, explanation and Greenhouse
 * status, and where the page stands among all the filter finds.
 */
export async function jobPeople(
  context: PilothouseContext,
  jobId: number,
  filter: PipelineFilter,
  requestedPage = 1,
) {
  const pageSize = PIPELINE_PAGE_SIZE;
  let page = Math.max(1, Math.floor(requestedPage));
  const [first, links] = await Promise.all([
    pipelinePeople(context.db, jobId, filter, page),
    greenhouseLinks(context),
  ]);
  let { rows, total } = first;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (people moved on to another tab meanwhile, or an old link): show the last one.
  if (page > pages) {
    page = pages;
    ({ rows, total } = await pipelinePeople(context.db, jobId, filter, page));
  }
  const people = rows.map((row) => {
    const candidateId =
      row.greenhouse.kind !== 'none'
        ? row.greenhouse.candidateId
        : (row.exported_candidate_id ?? row.greenhouse_candidate_id ?? null);
    const badge = greenhouseBadge(links, row.greenhouse, candidateId);
    return {
      personId: row.person_id,
      name: `${row.first_name} ${row.last_name}`.trim(),
      headline: [row.title, row.company].filter(Boolean).join(' at '),
      location: row.location,
      source: row.source_kind,
      sourceRef: row.source_ref,
      stage: row.pipeline_stage,
      score: row.score,
      explanation: explanationView(row.explanation),
      greenhouse: badge,
      synced: badge.kind !== 'none' || row.export_status === 'exported',
      exportStatus: row.export_status ?? null,
      exportFailure: row.failure_message ?? null,
      lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at).toISOString() : null,
    };
  });
  return { people, total, page, pages, pageSize };
}

/**
 * "Export to Greenhouse" pressed by a recruiter. The running autopilot takes it (exportNow update) so the
 * export is recorded with the cycle; with no autopilot running, the export workflow is started directly.
 * Either way the write to Greenhouse happens in the durable export workflow, never in this request.
 */
export async function exportNow(
  context: PilothouseContext,
  input: { jobId: number; personId: string; requestedBy: string; creditUserId: number | null },
): Promise<{ exportWorkflowId: string; via: 'autopilot' | 'direct' }> {
  const direct: ExportCandidateInput = {
    jobId: input.jobId,
    personId: input.personId,
    target: { kind: 'candidate', stageId: null },
    requestedBy: input.requestedBy,
    creditUserId: input.creditUserId,
  };
  return workflowsOf(context).exportNow(direct);
}
