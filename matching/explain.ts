import {
  estimateSeniority,
  estimateYearsInRole,
  estimateYearsOfExperience,
  titleLines,
} from './candidate-facts';
import { metroAreas } from './data/metro-areas';
import { spokenLanguage } from './data/spoken-languages';
import {
  detectTitles,
  seniorityRank,
  skillIdsOf,
  skillById,
  skillTerms,
  titleById,
  titleTerms,
} from './dictionary';
import { writtenIn } from './language';
import { glossTitle, titlePartOf } from './title-gloss';
import { skillsListLine } from './skills-lists';
import { anyPhraseTest, escapeRegExp, findMentions, snippetAt, stems, type Mention } from './text';
import type {
  ExperienceRequirement,
  JobProfile,
  LocationRequirement,
  Requirement,
  RequirementEvidence,
  RequirementStatus,
  SeniorityRequirement,
  SkillRequirement,
  TitleRequirement,
  TopicRequirement,
} from './types';

// For each requirement of a job: met, partly or not met, with the line of the (blinded) resume that shows it.

export type EvaluationContext = { asOf: Date };

type Verdict = Pick<RequirementEvidence, 'status' | 'evidence' | 'reason'>;

// Only the word or two right before a mention: "no Kubernetes experience", not "with no downtime on Kubernetes".
const negated = /\b(no|not|never|without|lacks?|lacking)\s+(?:[\w-]+\s+)?$/i;
const aspiring =
  /\b(currently learning|now learning|started learning|learning to use|want(?:ing)? to learn|eager to learn|keen to learn|plan(?:ning)? to learn|interested in learning|hoping to learn|self-studying|curious about)\s+(?:[\w-]+\s+)?$/i;
const relocation = /\b(open to relocat\w*|willing to relocate|relocating|able to relocate|relocation)\b/i;

export function evaluateRequirements(
  profile: JobProfile,
  text: string,
  context: EvaluationContext,
): RequirementEvidence[] {
  const experience = estimateYearsOfExperience(text, context.asOf);
  // "3+ years" in a post means years in this line of work: a year as an associate after four years waiting
  // tables is one year, not five. Counted from the dated jobs that name the post's title or a related one.
  const title = profile.requirements.find((r) => r.kind === 'title');
  const namesRole = roleTestOf(profile);
  const inRole = namesRole
    ? estimateYearsInRole(text, context.asOf, (line) => namesRole(line) || namesRole(glossTitle(line) ?? ''))
    : null;
  return profile.requirements.map((requirement) => {
    const verdict =
      requirement.kind === 'years-of-experience' && title && namesRole
        ? inRole
          ? evaluateYears(requirement, inRole, { role: title.label, held: true })
          : evaluateYears(requirement, experience, { role: title.label, held: false })
        : evaluate(requirement, text, experience);
    return {
      requirementId: requirement.id,
      label: requirement.label,
      kind: requirement.kind,
      importance: requirement.importance,
      weight: requirement.weight,
      ...verdict,
      foundBy: 'local',
    };
  });
}

const roleTests = new WeakMap<JobProfile, ((line: string) => boolean) | null>();

/** Whether a line names the post's title or a related one; null for a profile with no title. Built once per profile. */
function roleTestOf(profile: JobProfile): ((line: string) => boolean) | null {
  let test = roleTests.get(profile);
  if (test === undefined) {
    const title = profile.requirements.find((r) => r.kind === 'title');
    const terms = title
      ? [
          ...title.terms,
          ...title.related.flatMap((id) => {
            const entry = titleById.get(id);
            return entry ? titleTerms(entry) : [];
          }),
        ]
      : [];
    test = terms.length > 0 ? anyPhraseTest(terms) : null;
    roleTests.set(profile, test);
  }
  return test;
}

function evaluate(
  requirement: Requirement,
  text: string,
  experience: ReturnType<typeof estimateYearsOfExperience>,
): Verdict {
  switch (requirement.kind) {
    case 'skill':
      return evaluateSkill(requirement, text);
    case 'topic':
      return evaluateTopic(requirement, text);
    case 'title':
      return evaluateTitle(requirement, text);
    case 'seniority':
      return evaluateSeniority(requirement, text, experience.years);
    case 'years-of-experience':
      return evaluateYears(requirement, experience);
    case 'location':
      return evaluateLocation(requirement, text);
  }
}

function evaluateSkill(requirement: SkillRequirement, text: string): Verdict {
  const spoken = skillIdsOf(requirement.id).flatMap((id) => spokenLanguage(id) ?? []);
  const mentions = findMentions(text, requirement.terms, requirement.patterns);
  const real = mentions.filter((m) => !precededBy(text, m, negated) && !precededBy(text, m, aspiring));
  if (real.length > 0) {
    const inExperience = real.find((m) => !inSkillsList(text, m.index));
    // A skill named only in a skills list, with no role or project that used it, is a claim, not evidence —
    // except a spoken language, which people state exactly so ("Languages: English, Spanish (native)").
    if (!inExperience && spoken.length === 0) {
      const listed = real[0]!;
      return {
        status: 'partly',
        evidence: snippetAt(text, listed.index, listed.length),
        reason: `lists ${listed.matched} under skills, but no experience shows it`,
      };
    }
    const best = inExperience ?? real[0]!;
    const matched = best.matched.toLowerCase();
    const named = requirement.label
      .toLowerCase()
      .split(' or ')
      .some((label) => label === matched);
    return {
      status: 'met',
      evidence: snippetAt(text, best.index, best.length),
      reason: named
        ? `mentions ${best.matched}`
        : `mentions ${best.matched} (counts as ${requirement.label})`,
    };
  }
  // A resume written in Spanish shows Spanish without naming it.
  const language = writtenIn(text);
  const writtenAs = language && spoken.find((entry) => entry.writtenAs === language);
  if (writtenAs && mentions.length === 0) {
    // The longest line: a sentence of their work, not the name or a contact line.
    const shown = text
      .split('\n')
      .reduce((longest, line) => (line.length > longest.length ? line : longest), '');
    return {
      status: 'met',
      evidence: snippetAt(text, text.indexOf(shown), shown.length),
      reason: `the resume is written in ${writtenAs.label}`,
    };
  }
  for (const implyingId of requirement.impliedBy) {
    const implying = skillById.get(implyingId);
    if (!implying) continue;
    const found = findMentions(
      text,
      implying.patterns ? implying.aliases : skillTerms(implying),
      implying.patterns ?? [],
    ).find((m) => !precededBy(text, m, negated) && !precededBy(text, m, aspiring));
    if (found) {
      return {
        status: 'met',
        evidence: snippetAt(text, found.index, found.length),
        reason: `works with ${found.matched}, which means ${requirement.label}`,
      };
    }
  }
  const learning = mentions.find((m) => precededBy(text, m, aspiring));
  if (learning) {
    return {
      status: 'partly',
      evidence: snippetAt(text, learning.index, learning.length),
      reason: `${requirement.label} is something they are learning, not yet experience`,
    };
  }
  // Mentions left at this point are all denials ("no Kafka experience"): the resume's own word wins.
  const denied = mentions[0];
  if (denied) {
    return {
      status: 'not-met',
      evidence: snippetAt(text, denied.index, denied.length),
      reason: `says they have no ${requirement.label} experience`,
    };
  }
  for (const relatedId of requirement.related) {
    const related = skillById.get(relatedId);
    if (!related) continue;
    const found = findMentions(
      text,
      related.patterns ? related.aliases : skillTerms(related),
      related.patterns ?? [],
    )[0];
    if (found && !precededBy(text, found, negated)) {
      return {
        status: 'partly',
        evidence: snippetAt(text, found.index, found.length),
        reason: `no ${requirement.label}, but ${related.label}, which is related`,
      };
    }
  }
  return { status: 'not-met', evidence: null, reason: `no mention of ${requirement.label} or its aliases` };
}

function evaluateTopic(requirement: TopicRequirement, text: string): Verdict {
  let partial: { line: string; phrase: string } | undefined;
  for (const line of text.split('\n')) {
    const lineStems = new Set(stems(line));
    if (lineStems.size === 0) continue;
    for (const phrase of requirement.phrases) {
      const wanted = stems(phrase);
      const found = wanted.filter((w) => lineStems.has(w)).length;
      if (found === wanted.length)
        return { status: 'met', evidence: snippetAt(line, 0), reason: `mentions ${phrase}` };
      if (!partial && wanted.length >= 2 && found / wanted.length >= 0.5) partial = { line, phrase };
    }
  }
  if (partial) {
    return {
      status: 'partly',
      evidence: snippetAt(partial.line, 0),
      reason: `some of the words of ${partial.phrase}`,
    };
  }
  return { status: 'not-met', evidence: null, reason: `no mention of ${requirement.phrases.join(' or ')}` };
}

function evaluateTitle(requirement: TitleRequirement, text: string): Verdict {
  const positions = titleLines(text);
  // A title in another language is also read in English ("Gerente de Redes Sociais": social media manager).
  const inTitleLine = (terms: string[]) => {
    for (const { line } of positions) {
      const glossed = glossTitle(line);
      for (const reading of glossed ? [line, glossed] : [line]) {
        const found = findMentions(reading, terms).find((m) => !insideLongerTitle(reading, m, terms));
        if (found)
          return {
            line,
            found,
            held: reading === line ? found.matched : `${titlePartOf(line)} (${reading})`,
          };
      }
    }
    return undefined;
  };
  const exact = inTitleLine(requirement.terms);
  if (exact) {
    return { status: 'met', evidence: exact.line, reason: `has held the title ${exact.held}` };
  }
  for (const relatedId of requirement.related) {
    const related = titleById.get(relatedId);
    const hit = related ? inTitleLine(titleTerms(related)) : undefined;
    if (related && hit) {
      return {
        status: 'partly',
        evidence: hit.line,
        reason: `${hit.held} is close to ${requirement.label}`,
      };
    }
  }
  const seen = positions[0]?.line;
  return {
    status: 'not-met',
    evidence: seen ?? null,
    reason: seen
      ? `no ${requirement.label} title; most recent title line reads differently`
      : `no ${requirement.label} title found`,
  };
}

/**
 * "Physical Therapist" inside "Physical Therapist Assistant", "Software Engineer" inside "Software Engineer in
 * Test": the line names the longer title's job, not the shorter one's. A mention lying inside a longer title of
 * another family does not count for its own.
 */
function insideLongerTitle(line: string, mention: Mention, ownTerms: readonly string[]): boolean {
  const own = new Set(ownTerms.map((t) => t.toLowerCase()));
  const end = mention.index + mention.length;
  return detectTitles(line).some(({ mentions }) =>
    mentions.some(
      (other) =>
        !own.has(other.matched.toLowerCase()) &&
        other.length > mention.length &&
        other.index <= mention.index &&
        other.index + other.length >= end,
    ),
  );
}

function evaluateSeniority(requirement: SeniorityRequirement, text: string, years: number): Verdict {
  const estimate = estimateSeniority(text, years);
  if (!estimate.level) {
    return { status: 'not-met', evidence: null, reason: 'no job titles or dates to read a level from' };
  }
  const gap = seniorityRank(estimate.level) - seniorityRank(requirement.level);
  const how =
    estimate.source === 'title'
      ? 'from the title'
      : `from the length of their career (about ${Math.round(years)} years)`;
  if (gap === 0 || gap === 1) {
    return { status: 'met', evidence: estimate.evidence, reason: `${estimate.level} level ${how}` };
  }
  // A level read from "1+ years" is a floor: a nurse of eight years meets it. Only a level the title names
  // ("Junior …") makes someone far above it worth a question.
  if (gap >= 2 && requirement.origin.section !== 'title') {
    return { status: 'met', evidence: estimate.evidence, reason: `${estimate.level} level ${how}` };
  }
  if (gap >= 2) {
    return {
      status: 'partly',
      evidence: estimate.evidence,
      reason: `${estimate.level} level ${how}, well above ${requirement.level}: check they want this role`,
    };
  }
  if (gap === -1) {
    return {
      status: 'partly',
      evidence: estimate.evidence,
      reason: `${estimate.level} level ${how}, one step below ${requirement.level}`,
    };
  }
  return {
    status: 'not-met',
    evidence: estimate.evidence,
    reason: `${estimate.level} level ${how}, below ${requirement.level}`,
  };
}

function evaluateYears(
  requirement: ExperienceRequirement,
  experience: ReturnType<typeof estimateYearsOfExperience>,
  /**
   * The post's role, when the resume was searched for dated jobs in it: `held` when the years were counted in
   * those jobs only, not when none of the dated jobs is in that line of work.
   */
  line?: { role: string; held: boolean },
): Verdict {
  if (experience.source === 'none') {
    return { status: 'not-met', evidence: null, reason: 'no dates or stated years of experience found' };
  }
  const years = experience.years;
  // Dated jobs none of whose titles name the post's line of work: five years behind a coffee bar are experience,
  // but not the "3+ years" an account executive post asks for — or they are, under a title the table does not
  // know ("Returns Lead"). Counting them as before, with the reason saying so, lets the recruiter judge; making
  // them "partly" cost real fits with such titles more than it took from the others (docs/matching-evaluation.md).
  const elsewhere = line && !line.held && experience.source === 'dates';
  const reading = line?.held
    ? `about ${formatYears(years)} as ${line.role} or close to it, from the dates of those jobs`
    : experience.source === 'dates'
      ? `about ${formatYears(years)} from the dates of their jobs${elsewhere ? `, none of them titled ${line.role} or close to it` : ''}`
      : `states ${years} years`;
  const status: RequirementStatus =
    years >= requirement.minYears ? 'met' : years >= requirement.minYears * 0.7 ? 'partly' : 'not-met';
  return { status, evidence: experience.evidence, reason: `${reading}; ${requirement.minYears} asked` };
}

function metroOf(city: string) {
  const name = city.toLowerCase();
  return metroAreas.find(
    (m) => m.city.toLowerCase() === name || m.places.some((p) => p.toLowerCase() === name),
  );
}

function evaluateLocation(requirement: LocationRequirement, text: string): Verdict {
  if (requirement.arrangement === 'remote' && requirement.places.length === 0) {
    return { status: 'met', evidence: null, reason: 'remote role: location is not a constraint' };
  }
  for (const place of requirement.places) {
    const city = place.split(',')[0]?.trim();
    if (!city) continue;
    const metro = metroOf(city);
    for (const name of metro?.places ?? [city]) {
      const found = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'iu').exec(text);
      if (!found) continue;
      const where =
        name.toLowerCase() === city.toLowerCase()
          ? `based in ${place}`
          : `based in ${found[0]}, in the ${city} area`;
      return { status: 'met', evidence: snippetAt(text, found.index, found[0].length), reason: where };
    }
  }
  // The metro table knows the suburbs of a few office cities only. Elsewhere someone in the office's state
  // ("Aurora, CO" for a Denver office) may well commute; without the table nobody can tell, so it is a
  // "partly", not a missing must-have (which would cost a good person a fifth of their score).
  for (const place of requirement.places) {
    const [city, region] = place.split(',').map((part) => part.trim());
    const state = /^[A-Z]{2}\b/.exec(region ?? '')?.[0];
    if (!city || !state || metroOf(city)) continue;
    const found = new RegExp(`,\\s*${state}\\b`).exec(text);
    if (found)
      return {
        status: 'partly',
        evidence: snippetAt(text, found.index, found[0].length),
        reason: `in the same state (${state}) as ${city}; whether they can commute is not known`,
      };
  }
  if (requirement.arrangement === 'remote') {
    return {
      status: 'partly',
      evidence: null,
      reason: `remote within ${requirement.places.join(', ')}: location not confirmed`,
    };
  }
  const moving = relocation.exec(text);
  if (moving)
    return {
      status: 'partly',
      evidence: snippetAt(text, moving.index, moving[0].length),
      reason: 'open to relocating',
    };
  return {
    status: 'not-met',
    evidence: null,
    reason: `no sign of being in or moving to ${requirement.places.join(' or ') || 'the office location'}`,
  };
}

// Both read only around a mention: searching back to the line start for every mention rescanned a long line
// once per mention.
function precededBy(text: string, mention: Mention, pattern: RegExp): boolean {
  const before = text.slice(Math.max(0, mention.index - 60), mention.index);
  return pattern.test(before.slice(before.lastIndexOf('\n') + 1));
}

let lineIndex: { text: string; starts: number[]; listed: Map<number, boolean> } | undefined;

/** Whether the line holding `index` is a skills list; the text's line starts are found once. */
function inSkillsList(text: string, index: number): boolean {
  if (lineIndex?.text !== text) {
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    lineIndex = { text, starts, listed: new Map() };
  }
  const { starts, listed } = lineIndex;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  let verdict = listed.get(lo);
  if (verdict === undefined) {
    const end = lo + 1 < starts.length ? starts[lo + 1]! - 1 : text.length;
    verdict = skillsListLine.test(text.slice(starts[lo]!, end));
    listed.set(lo, verdict);
  }
  return verdict;
}

function formatYears(years: number): string {
  const rounded = Math.round(years * 2) / 2;
  return `${rounded} year${rounded === 1 ? '' : 's'}`;
}
