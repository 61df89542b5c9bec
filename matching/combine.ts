import { coverageOf, missingMustHaves, scoreFromEvidence, type LocalScorerResult } from './local-scorer';
import type { SemanticScorerResult } from './semantic-scorer';
import { round } from './text';
import type { JobProfile, MatchResult, RequirementEvidence, SemanticStatus } from './types';

export const combineSettings = {
  /** Share of the final score that comes from embedding similarity when the semantic scorer took part. */
  semanticShare: 0.5,
};

/**
 * One score and one explanation per person. The semantic scorer can lift a requirement the dictionary missed
 * to "partly" (never to "met": a paraphrase is a lead, not proof), and its similarity is blended in.
 */
export function combineScores(input: {
  profile: JobProfile;
  local: LocalScorerResult;
  semantic?: SemanticScorerResult;
  semanticStatus: SemanticStatus;
  semanticShare?: number;
}): MatchResult {
  const { profile, local, semantic, semanticStatus } = input;
  const share = semantic ? (input.semanticShare ?? combineSettings.semanticShare) : 0;
  const semanticById = new Map((semantic?.requirements ?? []).map((r) => [r.requirementId, r]));

  const requirements: RequirementEvidence[] = local.requirements.map((verdict) => {
    const other = semanticById.get(verdict.requirementId);
    // Evidence on a skill's "not met" means the resume denies it outright; a similar-sounding passage cannot
    // overrule that. A title's evidence is only the title line that reads differently ("RN" for "Registered
    // Nurse"): there the model's reading of the same work is exactly what is wanted.
    const denied = verdict.kind !== 'title' && verdict.evidence !== null;
    if (verdict.status !== 'not-met' || denied || !other || other.status === 'not-met') return verdict;
    // A title line that means the same job ("RN, BSN" for "Registered Nurse") is as good as the words.
    const status = verdict.kind === 'title' && other.status === 'met' ? 'met' : 'partly';
    return { ...other, status, reason: `no exact mention, but ${other.reason}` };
  });

  const localScore = scoreFromEvidence(requirements, local.keywordRelevance);
  const final = semantic ? (1 - share) * localScore + share * semantic.similarity : localScore;
  const missing = missingMustHaves(requirements).map((r) => r.label);

  return {
    personId: local.personId,
    jobId: profile.jobId,
    profileVersion: profile.version,
    profileHash: profile.contentHash,
    score: round(final * 100, 1),
    components: {
      coverage: round(coverageOf(requirements), 3),
      keywordRelevance: round(local.keywordRelevance, 3),
      semanticSimilarity: semantic ? round(semantic.similarity, 3) : null,
      missingMustHaves: missing,
    },
    requirements,
    scorers: { local: 'used', semantic: semanticStatus },
    summary: summarise(requirements, missing, semanticStatus),
  };
}

function summarise(requirements: RequirementEvidence[], missing: string[], semantic: SemanticStatus): string {
  const musts = requirements.filter((r) => r.importance === 'must');
  const nices = requirements.filter((r) => r.importance === 'nice');
  const met = (list: RequirementEvidence[]) => list.filter((r) => r.status === 'met').length;
  const partly = musts.filter((r) => r.status === 'partly').map((r) => r.label);
  const parts = [`Meets ${met(musts)} of ${musts.length} must-haves`];
  if (partly.length) parts.push(`partly: ${partly.join(', ')}`);
  if (missing.length) parts.push(`missing: ${missing.join(', ')}`);
  if (nices.length) parts.push(`${met(nices)} of ${nices.length} nice-to-haves`);
  if (semantic.status === 'unavailable')
    parts.push(`semantic scorer unavailable (${semantic.reason}), local score only`);
  return `${parts.join('; ')}.`;
}
