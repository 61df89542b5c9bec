import { z } from 'zod';
import { blindCandidate } from './blind';
import { detectSkills, skillById, skillIdsOf, skillRequirementId, skillTerms } from './dictionary';
import { evaluateRequirements } from './explain';
import { versionProfile } from './profile-version';
import { clamp, round } from './text';
import {
  sourceProfileSchema,
  type JobProfile,
  type ProfileAdjustment,
  type Requirement,
  type RequirementStatus,
  type SkillRequirement,
} from './types';

// Learning adjusts the weights of job-relevant features only: dictionary skills and titles read from
// blinded text. It never learns from free words, so past decisions cannot teach it names or zip codes.

export const outcomeSchema = z.object({
  personId: z.string().min(1),
  /** The job the outcome happened on: this job counts fully, a similar job half. */
  jobId: z.string().min(1),
  outcome: z.enum(['hired', 'advanced', 'rejected']),
  text: z.string().optional(),
  profile: sourceProfileSchema.optional(),
});
export type Outcome = z.input<typeof outcomeSchema>;

export const learningSettings = {
  /** Below this many usable outcomes, or this many hired/advanced people, weights are left alone. */
  minOutcomes: 4,
  minPositives: 2,
  advancedCounts: 0.5,
  similarJobCounts: 0.5,
  /** How far one round of learning may move a weight. */
  minFactor: 0.6,
  maxFactor: 1.6,
  /** Changes smaller than this are noise, not signal. */
  minChange: 0.1,
  demoteBelowShare: 0.4,
  discoverAtShare: 0.6,
  discoverMinLift: 0.3,
  discoveredWeight: 1.5,
};

const credit: Record<RequirementStatus, number> = { met: 1, partly: 0.5, 'not-met': 0 };

type Observation = {
  weight: number;
  positive: boolean;
  hired: boolean;
  rejected: boolean;
  has: Map<string, number>;
  skills: Set<string>;
};

/** Adjusts a profile's weights from what happened to people already considered for this job and similar ones. */
export function learnFromOutcomes(
  profile: JobProfile,
  outcomes: readonly Outcome[],
  options: { previous?: Pick<JobProfile, 'version' | 'contentHash'> } = {},
): JobProfile {
  const previous = options.previous ?? profile;
  const learnable = profile.requirements.filter(
    (r) => r.kind === 'skill' || r.kind === 'title' || r.kind === 'topic',
  );
  const observations = observe(profile, learnable, outcomes);
  const positives = observations.filter((o) => o.positive);

  const adjustments: ProfileAdjustment[] = [];
  if (
    observations.length < learningSettings.minOutcomes ||
    positives.length < learningSettings.minPositives
  ) {
    const draft = {
      ...profile,
      adjustments: [
        ...profile.adjustments,
        {
          requirementId: '*',
          change: 'unchanged' as const,
          fromWeight: null,
          toWeight: 0,
          line: `weights unchanged: ${observations.length} usable outcomes with ${positives.length} hired or advanced is too few to learn from`,
        },
      ],
      trainedFrom: { ...profile.trainedFrom, outcomesConsidered: observations.length },
    };
    return versionProfile(draft, previous);
  }

  const requirements: Requirement[] = profile.requirements.map((requirement) => {
    if (requirement.kind !== 'skill' && requirement.kind !== 'title' && requirement.kind !== 'topic')
      return requirement;
    const stats = statsFor(observations, (o) => o.has.get(requirement.id) ?? 0);
    const counts = countLine(observations, (o) => (o.has.get(requirement.id) ?? 0) >= 1);
    const lift = stats.positiveShare - stats.negativeShare;

    if (
      requirement.kind === 'skill' &&
      requirement.importance === 'must' &&
      stats.rawPositiveShare < learningSettings.demoteBelowShare &&
      positives.length >= 3
    ) {
      const toWeight = round(Math.min(requirement.weight, 1.5));
      adjustments.push({
        requirementId: requirement.id,
        change: 'moved-to-nice-to-have',
        fromWeight: requirement.weight,
        toWeight,
        line: `${requirement.label} moved to nice-to-have: only ${counts}`,
      });
      return { ...requirement, importance: 'nice', weight: toWeight };
    }

    const factor = clamp(1 + lift, learningSettings.minFactor, learningSettings.maxFactor);
    const toWeight = round(requirement.weight * factor);
    if (Math.abs(factor - 1) < learningSettings.minChange) return requirement;
    const raised = toWeight > requirement.weight;
    adjustments.push({
      requirementId: requirement.id,
      change: raised ? 'raised' : 'lowered',
      fromWeight: requirement.weight,
      toWeight,
      line: `weight of ${requirement.label} ${raised ? 'raised' : 'lowered'} ${requirement.weight} → ${toWeight}: ${counts}`,
    });
    return { ...requirement, weight: toWeight };
  });

  requirements.push(...discoverSkills(profile, observations, adjustments));

  const draft = {
    ...profile,
    requirements,
    adjustments: [...profile.adjustments, ...adjustments],
    trainedFrom: { ...profile.trainedFrom, outcomesConsidered: observations.length },
  };
  return versionProfile(draft, previous);
}

function observe(profile: JobProfile, learnable: Requirement[], outcomes: readonly Outcome[]): Observation[] {
  const observations: Observation[] = [];
  const subProfile = { ...profile, requirements: learnable };
  for (const input of outcomes) {
    const outcome = outcomeSchema.parse(input);
    const prepared = blindCandidate({
      personId: outcome.personId,
      ...(outcome.text ? { resumeText: outcome.text } : {}),
      ...(outcome.profile ? { profile: outcome.profile } : {}),
    });
    if (!prepared.ok) continue;
    const text = prepared.candidate.text;
    const verdicts = evaluateRequirements(subProfile, text, { asOf: new Date(0) });
    const relation = outcome.jobId === profile.jobId ? 1 : learningSettings.similarJobCounts;
    const strength = outcome.outcome === 'advanced' ? learningSettings.advancedCounts : 1;
    observations.push({
      weight: relation * strength,
      positive: outcome.outcome !== 'rejected',
      hired: outcome.outcome === 'hired',
      rejected: outcome.outcome === 'rejected',
      has: new Map(verdicts.map((v) => [v.requirementId, credit[v.status]])),
      skills: new Set(detectSkills(text).map((s) => s.entry.id)),
    });
  }
  return observations;
}

function statsFor(observations: Observation[], has: (o: Observation) => number) {
  let posWeight = 0;
  let posHas = 0;
  let negWeight = 0;
  let negHas = 0;
  let rawPos = 0;
  let rawPosHas = 0;
  for (const o of observations) {
    const value = has(o);
    if (o.positive) {
      posWeight += o.weight;
      posHas += o.weight * value;
      rawPos++;
      rawPosHas += value >= 1 ? 1 : 0;
    } else {
      negWeight += o.weight;
      negHas += o.weight * value;
    }
  }
  // Add-one smoothing keeps three lucky hires from doubling a weight.
  return {
    positiveShare: (posHas + 0.5) / (posWeight + 1),
    negativeShare: (negHas + 0.5) / (negWeight + 1),
    rawPositiveShare: rawPos === 0 ? 0 : rawPosHas / rawPos,
  };
}

/** "4 of 5 hires had it, 1 of 6 rejected did": the counts a recruiter can check. */
function countLine(observations: Observation[], has: (o: Observation) => boolean): string {
  const hires = observations.filter((o) => o.hired);
  const group = hires.length > 0 ? hires : observations.filter((o) => o.positive);
  const noun = hires.length > 0 ? (hires.length === 1 ? 'hire' : 'hires') : 'people advanced';
  const rejected = observations.filter((o) => o.rejected);
  const parts = [`${group.filter(has).length} of ${group.length} ${noun} had it`];
  if (rejected.length > 0) parts.push(`${rejected.filter(has).length} of ${rejected.length} rejected did`);
  return parts.join(', ');
}

function discoverSkills(
  profile: JobProfile,
  observations: Observation[],
  adjustments: ProfileAdjustment[],
): SkillRequirement[] {
  const known = new Set(profile.requirements.flatMap((r) => (r.kind === 'skill' ? skillIdsOf(r.id) : [])));
  const candidates = new Set(observations.filter((o) => o.positive).flatMap((o) => [...o.skills]));
  const positives = observations.filter((o) => o.positive).length;
  const added: SkillRequirement[] = [];
  for (const skillId of [...candidates].sort()) {
    if (known.has(skillId) || positives < 3) continue;
    const stats = statsFor(observations, (o) => (o.skills.has(skillId) ? 1 : 0));
    const lift = stats.positiveShare - stats.negativeShare;
    if (stats.rawPositiveShare < learningSettings.discoverAtShare || lift < learningSettings.discoverMinLift)
      continue;
    const entry = skillById.get(skillId);
    if (!entry) continue;
    const weight = round(learningSettings.discoveredWeight * (1 + lift));
    const requirement: SkillRequirement = {
      id: skillRequirementId([entry.id]),
      kind: 'skill',
      label: entry.label,
      importance: 'nice',
      weight,
      origin: { section: 'learned' },
      terms: entry.patterns ? entry.aliases : skillTerms(entry),
      patterns: entry.patterns ?? [],
      related: entry.related ?? [],
      impliedBy: entry.impliedBy ?? [],
    };
    adjustments.push({
      requirementId: requirement.id,
      change: 'added',
      fromWeight: null,
      toWeight: weight,
      line: `added ${entry.label} as nice-to-have: ${countLine(observations, (o) => o.skills.has(skillId))}`,
    });
    added.push(requirement);
  }
  return added;
}
