import { coverageOf, missingMustHaves, scoreFromEvidence, type LocalScorerResult } from './local-scorer';
import type { SemanticScorerResult } from './semantic-scorer';
import { clamp, round } from './text';
import type { JobProfile, MatchResult, RequirementEvidence, SemanticStatus } from './types';

export const combineSettings = {
  /**
   * Share of the final score that comes from embedding similarity when the semantic scorer took part; the rest
   * is split evenly between the structured evidence (the local score) and keyword relevance.
   */
  semanticShare: 0.5,
};

/**
 * Normalised score fusion of three kinds of evidence that fail in different ways, when the model took part:
 * - structured (`scoreFromEvidence`): requirement verdicts with must-have penalties — precise where the
 *   dictionary reads the post and the resume, brittle where it does not (a profession outside the occupation
 *   table, an abbreviation, a paraphrase, another language, a post line misread as a skill): one misread
 *   must-have costs a fifth of the score, a title 40 %;
 * - keywords: BM25 of the resume against the profile's terms, as a share of an ideal resume holding each term
 *   once — robust, blind to meaning, fooled by keyword lists;
 * - semantic: the model's per-requirement similarity — reads meaning, weak on abbreviations and non-English.
 * Each is on a fixed 0–1 scale (not "best in this batch"), so a score means the same whatever else was
 * scored with it, and rules' thresholds keep their meaning. Keyword relevance enters as its square root:
 * a resume repeats only part of the ideal's terms (tuning set: median 0.02, 95th percentile 0.3), and the
 * root puts it on the range of the other two instead of leaving it a tie-breaker.
 * Before (ADR 6 and issue 15) the local score carried keywords at a quarter and the fusion was half local,
 * half model, so a misread must-have still cut the final score by 10–20 %. Measured on the tuning set only
 * (docs/matching-evaluation.md): nDCG@10 0.921 → 0.938, and 0.723 → 0.784 on its three jobs outside
 * software; rank fusion (RRF) came close (0.930) but makes a score depend on who else is in the batch, and
 * the product scores in batches of whoever is new. Why, and what was compared: ADR 9.
 */
export function fusedScore(
  parts: { structured: number; keywordRelevance: number; semantic: number },
  share: number,
) {
  const rest = (1 - share) / 2;
  return (
    rest * parts.structured + rest * Math.sqrt(clamp(parts.keywordRelevance, 0, 1)) + share * parts.semantic
  );
}

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
  const final = semantic
    ? fusedScore(
        { structured: localScore, keywordRelevance: local.keywordRelevance, semantic: semantic.similarity },
        share,
      )
    : localScore;
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
