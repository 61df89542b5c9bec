import { titleLines } from './candidate-facts';
import { abbreviations } from './data/abbreviations';
import { evaluateRequirements } from './explain';
import { glossTitle } from './title-gloss';
import { normalisedKeywordRelevance, type WeightedQuery } from './keyword-relevance';
import type { CandidateScorer, ScorerResult, ScoringContext } from './scorer';
import { withoutSkillsLists } from './skills-lists';
import { tokenize } from './text';
import type { JobProfile, RequirementEvidence, RequirementStatus, ScoringInput } from './types';

// The default scorer: no network, deterministic. Most of the score is requirement coverage (what a recruiter
// checks); BM25 adds the words of the post the dictionary does not know, and breaks ties between people
// who meet the same requirements.

export const localScoreWeights = {
  coverage: 0.75,
  keywordRelevance: 0.25,
  /** A must-have of weight 3 that is not met at all multiplies the score by this; heavier ones by more. */
  missingMustHave: 0.8,
  /**
   * No title of the job's family, nor a related one: a recruiter reads that as another profession, however
   * many of the job's words the resume repeats ("hired 60 Go engineers").
   */
  titleNotMet: 0.6,
  keywordBoost: 0.4,
};

const credit: Record<RequirementStatus, number> = { met: 1, partly: 0.5, 'not-met': 0 };

export function coverageOf(requirements: readonly RequirementEvidence[]): number {
  const total = requirements.reduce((sum, r) => sum + r.weight, 0);
  if (total === 0) return 0;
  return requirements.reduce((sum, r) => sum + r.weight * credit[r.status], 0) / total;
}

export function missingMustHaves(requirements: readonly RequirementEvidence[]): RequirementEvidence[] {
  return requirements.filter((r) => r.importance === 'must' && r.status === 'not-met');
}

/** The local score, 0–1, from requirement verdicts and keyword relevance. Pure, so combining can recompute it. */
export function scoreFromEvidence(
  requirements: readonly RequirementEvidence[],
  keywordRelevance: number,
): number {
  const base =
    localScoreWeights.coverage * coverageOf(requirements) +
    localScoreWeights.keywordRelevance * keywordRelevance;
  let factor = 1;
  for (const missing of missingMustHaves(requirements)) {
    factor *=
      missing.kind === 'title'
        ? localScoreWeights.titleNotMet
        : localScoreWeights.missingMustHave ** (missing.weight / 3);
  }
  return base * factor;
}

/** The BM25 query for a profile: requirement terms boosted by their weight, post keywords at a lower boost. */
export function profileQuery(profile: JobProfile): { query: WeightedQuery; idealText: string } {
  const boosts = new Map<string, number>();
  const idealTokens: string[] = [];
  for (const requirement of profile.requirements) {
    if (requirement.kind !== 'skill' && requirement.kind !== 'title' && requirement.kind !== 'topic')
      continue;
    // A title is asked for by its family's name, its first term: the label speaks the post's own words
    // ("Technical Account Manager"), which are among the terms when they name the family.
    const named =
      requirement.kind === 'topic'
        ? requirement.phrases.join(' ')
        : requirement.kind === 'title'
          ? (requirement.terms[0] ?? requirement.label)
          : requirement.label.replace(/ or /g, ' ');
    const terms = requirement.kind === 'topic' ? requirement.phrases : [named, ...requirement.terms];
    idealTokens.push(...tokenize(named, true));
    for (const token of new Set(terms.flatMap((t) => tokenize(t, true)))) {
      boosts.set(token, Math.max(boosts.get(token) ?? 0, requirement.weight));
    }
  }
  for (const keyword of profile.keywords) {
    if (!boosts.has(keyword)) boosts.set(keyword, localScoreWeights.keywordBoost);
    idealTokens.push(keyword);
  }
  // A practitioner's short form counts where the post uses the long one ("tele" for telemetry, "GL" for
  // general ledger); the ideal resume is not changed, so a short form is worth what its long form is.
  for (const { long, shorts } of abbreviationTokens) {
    if (!long.every((t) => boosts.has(t))) continue;
    const boost = Math.min(...long.map((t) => boosts.get(t)!));
    for (const short of shorts) if (!boosts.has(short)) boosts.set(short, boost);
  }
  return {
    query: { text: [...boosts.keys()].join(' '), boosts },
    idealText: [...new Set(idealTokens)].join(' '),
  };
}

// A long form made only of stopwords ("year over year") would match every post: such rows are left out.
const abbreviationTokens = abbreviations
  .map(([long, ...shorts]) => ({
    long: tokenize(long, true),
    shorts: shorts.flatMap((s) => tokenize(s, true)),
  }))
  .filter(({ long }) => long.length > 0);

/**
 * The resume without its skills lists, its titles written in another language read into English too, and the
 * parts of words written with slashes ("dilt/hep/amio gtts", "AP/AR") as words of their own.
 */
function keywordTextOf(text: string): string {
  const described = withoutSkillsLists(text);
  const glossed = titleLines(text).flatMap(({ line }) => glossTitle(line) ?? []);
  const slashed = tokenize(described, true).filter((t) => t.includes('/'));
  const extra = [...glossed, ...slashed.map((t) => t.split('/').join(' '))];
  return extra.length === 0 ? described : `${described}\n${extra.join('\n')}`;
}

export type LocalScorerResult = ScorerResult & { keywordRelevance: number };

export function createLocalScorer(): CandidateScorer & {
  scoreWithDetails(
    profile: JobProfile,
    people: readonly ScoringInput[],
    context: ScoringContext,
  ): LocalScorerResult[];
} {
  const scoreWithDetails = (
    profile: JobProfile,
    people: readonly ScoringInput[],
    context: ScoringContext,
  ) => {
    const { query, idealText } = profileQuery(profile);
    // Keyword search reads what people did, not what they list (matching/skills-lists.ts).
    const described = people.map((p) => ({ ...p, text: keywordTextOf(p.text) }));
    const relevance = normalisedKeywordRelevance(described, query, idealText);
    return people.map((person) => {
      const requirements = evaluateRequirements(profile, person.text, context);
      const keywordRelevance = relevance.get(person.personId) ?? 0;
      return {
        personId: person.personId,
        score: scoreFromEvidence(requirements, keywordRelevance),
        requirements,
        keywordRelevance,
      };
    });
  };
  return {
    name: 'local',
    scoreWithDetails,
    score: async (profile, people, context) => scoreWithDetails(profile, people, context),
  };
}
