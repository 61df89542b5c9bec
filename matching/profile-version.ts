import { createHash } from 'node:crypto';
import type { JobProfile, Requirement } from './types';

export type ProfileDraft = Omit<JobProfile, 'version' | 'contentHash'>;

/**
 * How scores are computed from a profile: changed whenever the scorer would score the same profile
 * differently (ADR 11's fusion, skills lists left out, resumes the model cannot read). It is part of the
 * profile's hash, so after an upgrade every job trains a new profile version and its people are scored
 * again — otherwise old scores and new ones would sit side by side on one job's screen.
 */
export const scoringRevision = '2026-12-05f every keyword of a long post, field words of titles in six languages';

/** Only what changes a score goes into the hash: reworded explanations do not make a new version. */
export function profileContentHash(
  draft: Pick<JobProfile, 'title' | 'requirements' | 'keywords'>,
  revision: string = scoringRevision,
): string {
  const canonical = {
    scoring: revision,
    title: draft.title,
    keywords: [...draft.keywords].sort(),
    requirements: [...draft.requirements]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({ ...scoringFields(r), weight: Math.round(r.weight * 100) / 100 })),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function scoringFields(requirement: Requirement): Record<string, unknown> {
  const base = { id: requirement.id, kind: requirement.kind, importance: requirement.importance };
  switch (requirement.kind) {
    case 'skill':
      return {
        ...base,
        terms: requirement.terms,
        patterns: requirement.patterns,
        related: requirement.related,
        impliedBy: requirement.impliedBy,
      };
    case 'topic':
      return { ...base, phrases: requirement.phrases };
    case 'title':
      return { ...base, terms: requirement.terms, related: requirement.related };
    case 'seniority':
      return { ...base, level: requirement.level };
    case 'years-of-experience':
      return { ...base, minYears: requirement.minYears };
    case 'location':
      return { ...base, places: requirement.places, arrangement: requirement.arrangement };
  }
}

/** Gives a draft its hash and version: the same content keeps the previous version, new content gets the next one. */
export function versionProfile(
  draft: ProfileDraft,
  previous?: Pick<JobProfile, 'version' | 'contentHash'>,
): JobProfile {
  const contentHash = profileContentHash(draft);
  const version = !previous
    ? 1
    : previous.contentHash === contentHash
      ? previous.version
      : previous.version + 1;
  return { ...draft, version, contentHash };
}
