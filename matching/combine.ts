import { coverageOf, missingMustHaves, scoreFromEvidence, type LocalScorerResult } from './local-scorer';
import type { SemanticScorerResult } from './semantic-scorer';
import { clamp, round } from './text';
import type { JobProfile, MatchResult, RequirementEvidence, SemanticStatus } from './types';

/**
 * Shares of the fused score (ADR 11, which replaced ADR 9's ¼ · ¼ · ½). Keyword relevance leads because it
 * held up best on jobs the scorer was never tuned on; the model separates people who use the same words;
 * structured evidence is a tenth, enough to order people the other two tie, since its misreads (a title or
 * a must-have the dictionary does not know) are the costliest on unseen jobs.
 */
export const fusionWeights = { structured: 0.1, keywords: 0.6, semantic: 0.3 } as const;

/**
 * A resume the model cannot read (another language) is scored from its requirements and keywords alone, and
 * that score runs a fifth below a read resume of the same merit: the model's share, which a fit earns, is
 * missing. Lifted by this factor it enters the ranking where read fits of its kind stand (development sets,
 * 91 jobs: 0.9548 → 0.9573; every set the same or better from 1.15 to 1.25, docs/matching-evaluation.md, ADR 13).
 * A factor, not an added constant, so that an unread non-fit stays near zero.
 */
export const notReadLift = 1.2;

/**
 * Normalised score fusion of three kinds of evidence that fail in different ways, when the model took part:
 * - structured (`scoreFromEvidence`): requirement verdicts with must-have penalties — precise where the
 *   dictionary reads the post and the resume, brittle where it does not (a profession outside the occupation
 *   table, an abbreviation, a paraphrase, another language, a post line misread as a skill);
 * - keywords: BM25 of what the resume describes (skills lists left out) against the profile's terms, as a
 *   share of an ideal resume holding each term once — robust across professions, blind to meaning;
 * - semantic: the model's per-requirement similarity — reads meaning, weak on abbreviations and adjacent
 *   professions, and English only.
 * Each is on a fixed 0–1 scale (not "best in this batch"), so a score means the same whatever else was
 * scored with it, and rules' thresholds keep their meaning. Keyword relevance enters as its square root:
 * a resume repeats only part of the ideal's terms (median 0.02, 95th percentile 0.3), and the root puts it
 * on the range of the other two. Why these shares and what was compared: ADR 11 and
 * docs/matching-evaluation.md; rank fusion was rejected because it makes a score depend on the batch (ADR 9).
 */
export function fusedScore(
  parts: { structured: number; keywordRelevance: number; semantic: number },
  weights: { structured: number; keywords: number; semantic: number } = fusionWeights,
) {
  return (
    weights.structured * parts.structured +
    weights.keywords * Math.sqrt(clamp(parts.keywordRelevance, 0, 1)) +
    weights.semantic * parts.semantic
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
}): MatchResult {
  const { profile, local, semantic, semanticStatus } = input;
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
    ? fusedScore({
        structured: localScore,
        keywordRelevance: local.keywordRelevance,
        semantic: semantic.similarity,
      })
    : semanticStatus.status === 'not-read'
      ? Math.min(1, localScore * notReadLift)
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
  if (semantic.status === 'not-read')
    parts.push(`not read by the language model (${semantic.reason}): scored on requirements and keywords`);
  if (semantic.status === 'unavailable')
    parts.push(`semantic scorer unavailable (${semantic.reason}), local score only`);
  return `${parts.join('; ')}.`;
}
