import {
  detectSkills,
  seniorityOf,
  skillTerms,
  titleFamilyOf,
  titleTerms,
  type SkillMention,
} from './dictionary';
import type { SkillEntry } from './data/skill-aliases';
import { splitPostSections, type PostSectionKind } from './job-post-html';
import { learnFromOutcomes, type Outcome } from './learn-from-outcomes';
import { versionProfile } from './profile-version';
import { tokenize } from './text';
import {
  jobDataSchema,
  jobPostSchema,
  type JobData,
  type JobPost,
  type JobProfile,
  type Requirement,
  type RequirementImportance,
  type RequirementOrigin,
  type SeniorityLevel,
  type SkillRequirement,
  type WorkArrangement,
} from './types';

// Starting weights before any outcome is known. A skill in the job title is the job; a must-have outweighs a
// nice-to-have two to one; something merely mentioned among the duties counts a little.
const weights = {
  title: 4,
  skillInTitle: 5,
  mustSkill: 3,
  niceSkill: 1.5,
  mentionedSkill: 1,
  seniority: 2,
  years: 2,
  location: 2,
  remote: 0.5,
  repeatBonus: 0.5,
  maxRepeatBonus: 1,
};

// A must-have line that hedges is a nice-to-have in disguise.
const hedged =
  /\b(a plus|is a plus|plus if|bonus|preferred|nice to have|ideally|desirable|familiarity with|exposure to|not required|great if)\b/i;
// "Python or R", "a framework such as React or Vue": any one of them will do.
const alternatives = /\b(or|either|one of|any of)\b/i;
const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const yearsPattern =
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:or more\s+)?years?\b/i;
const remoteWords = /\b(remote|work from (home|anywhere)|distributed team|remote-first|fully remote)\b/i;
const hybridWords = /\bhybrid\b/i;

export type TrainJobProfileInput = {
  job: JobData;
  post?: JobPost;
  /** The profile this one replaces: an unchanged result keeps its version number. */
  previous?: JobProfile;
  /** Outcomes already in Greenhouse for this job and similar ones; see learnFromOutcomes. */
  outcomes?: Outcome[];
};

/** Builds a job's profile from its post and job data, then adjusts the weights from known outcomes. */
export function trainJobProfile(input: TrainJobProfileInput): JobProfile {
  const job = jobDataSchema.parse(input.job);
  const post = input.post ? jobPostSchema.parse(input.post) : { title: job.title, content: '' };
  const sections = splitPostSections(post.content);
  const title = post.title || job.title;

  const requirements: Requirement[] = [];
  const family = titleFamilyOf(title) ?? titleFamilyOf(job.title);
  const bareTitle = title.replace(/\(.*?\)/g, '').trim();
  requirements.push({
    id: `title:${family?.id ?? slug(bareTitle)}`,
    kind: 'title',
    label: family?.label ?? bareTitle,
    importance: 'must',
    weight: weights.title,
    origin: { section: 'title', line: title },
    terms: family ? titleTerms(family) : [bareTitle.toLowerCase()],
    related: family?.related ?? [],
  });

  const mustLines = sections.filter((s) => s.kind === 'must-have').flatMap((s) => s.lines);
  const minYears = yearsRequired([
    ...mustLines,
    ...sections.filter((s) => s.kind === 'intro').flatMap((s) => s.lines),
  ]);
  const level = seniorityOf(title) ?? seniorityFromYears(minYears);
  if (level) {
    requirements.push({
      id: 'seniority',
      kind: 'seniority',
      label: `${capitalise(level)} level`,
      level,
      importance: 'must',
      weight: weights.seniority,
      origin: seniorityOf(title)
        ? { section: 'title', line: title }
        : { section: 'must-have', line: `${minYears}+ years` },
    });
  }
  if (minYears !== undefined) {
    requirements.push({
      id: 'years-of-experience',
      kind: 'years-of-experience',
      label: `${minYears}+ years of experience`,
      minYears,
      importance: 'must',
      weight: weights.years,
      origin: {
        section: 'must-have',
        line: mustLines.find((l) => yearsPattern.test(l)) ?? `${minYears}+ years`,
      },
    });
  }

  requirements.push(...skillRequirements(title, sections));
  requirements.push(locationRequirement(job.offices, title, post.content));

  const draft = {
    jobId: job.jobId,
    title,
    requirements,
    keywords: postKeywords(sections, requirements),
    adjustments: [],
    trainedFrom: { postTitle: post.title, outcomesConsidered: 0 },
  };
  const trained = versionProfile(draft, input.previous);
  if (!input.outcomes || input.outcomes.length === 0) return trained;
  return learnFromOutcomes(trained, input.outcomes, { previous: input.previous });
}

type SkillDraft = {
  entries: SkillEntry[];
  importance: RequirementImportance;
  weight: number;
  origin: RequirementOrigin;
  mentions: number;
};

function skillRequirements(
  title: string,
  sections: ReturnType<typeof splitPostSections>,
): SkillRequirement[] {
  const drafts = new Map<string, SkillDraft>();
  const consider = (
    found: SkillMention[],
    origin: RequirementOrigin,
    importance: RequirementImportance,
    weight: number,
  ) => {
    const isAlternative =
      found.length >= 2 &&
      found.length <= 3 &&
      alternatives.test(origin.line ?? '') &&
      !/\band\b/i.test(origin.line ?? '');
    const groups = isAlternative ? [found.map((f) => f.entry)] : found.map((f) => [f.entry]);
    for (const entries of groups) {
      const id = `skill:${entries.map((e) => e.id).join('|')}`;
      const existing = drafts.get(id);
      if (!existing) {
        drafts.set(id, { entries, importance, weight, origin, mentions: 1 });
        continue;
      }
      existing.mentions++;
      if (weight > existing.weight) Object.assign(existing, { importance, weight, origin });
      else if (existing.mentions <= 1 + weights.maxRepeatBonus / weights.repeatBonus)
        existing.weight += weights.repeatBonus;
    }
  };

  consider(detectSkills(title), { section: 'title', line: title }, 'must', weights.skillInTitle);
  for (const section of sections) {
    if (section.kind === 'ignored') continue;
    for (const line of section.lines) {
      const found = detectSkills(line);
      if (found.length === 0) continue;
      const { importance, weight, origin } = placement(section.kind, line);
      consider(found, origin, importance, weight);
    }
  }

  return [...drafts.entries()].map(([id, draft]) => {
    const entries = draft.entries;
    const own = new Set(entries.map((e) => e.id));
    return {
      id,
      kind: 'skill',
      label: entries.map((e) => e.label).join(' or '),
      importance: draft.importance,
      weight: draft.weight,
      origin: draft.origin,
      terms: entries.flatMap((e) => (e.patterns ? e.aliases : skillTerms(e))),
      patterns: entries.flatMap((e) => e.patterns ?? []),
      related: [...new Set(entries.flatMap((e) => e.related ?? []))].filter((r) => !own.has(r)),
    } satisfies SkillRequirement;
  });
}

function placement(
  kind: PostSectionKind,
  line: string,
): { importance: RequirementImportance; weight: number; origin: RequirementOrigin } {
  if (kind === 'must-have' && !hedged.test(line)) {
    return { importance: 'must', weight: weights.mustSkill, origin: { section: 'must-have', line } };
  }
  if (kind === 'must-have' || kind === 'nice-to-have') {
    return { importance: 'nice', weight: weights.niceSkill, origin: { section: 'nice-to-have', line } };
  }
  return {
    importance: 'nice',
    weight: weights.mentionedSkill,
    origin: { section: 'responsibilities', line },
  };
}

function yearsRequired(lines: string[]): number | undefined {
  let best: number | undefined;
  for (const line of lines) {
    const match = yearsPattern.exec(line);
    if (
      !match?.[1] ||
      !/experience|background|working|building|professional|industry|track record/i.test(line)
    )
      continue;
    const years = numberWords[match[1].toLowerCase()] ?? Number(match[1]);
    if (Number.isFinite(years) && years > 0 && years <= 25) best = Math.max(best ?? 0, years);
  }
  return best;
}

function seniorityFromYears(years: number | undefined): SeniorityLevel | undefined {
  if (years === undefined) return undefined;
  if (years >= 8) return 'lead';
  if (years >= 5) return 'senior';
  if (years >= 2) return 'mid';
  return 'entry';
}

function locationRequirement(offices: string[], title: string, content: string): Requirement {
  const places = offices
    .map((o) =>
      o
        .replace(/\b(remote|hybrid|office|hq)\b/gi, '')
        .replace(/[()\-–,\s]+$|^[()\-–,\s]+/g, '')
        .trim(),
    )
    .filter(Boolean);
  const text = [title, ...offices].join(' ');
  const arrangement: WorkArrangement = remoteWords.test(text)
    ? 'remote'
    : hybridWords.test(text) || hybridWords.test(content)
      ? 'hybrid'
      : places.length === 0 && remoteWords.test(content)
        ? 'remote'
        : 'onsite';
  const remote = arrangement === 'remote';
  return {
    id: 'location',
    kind: 'location',
    label: remote
      ? `Remote${places.length ? ` (${places.join(', ')})` : ''}`
      : `${capitalise(arrangement)} in ${places.join(' or ') || 'the office'}`,
    places,
    arrangement,
    importance: remote ? 'nice' : 'must',
    weight: remote ? weights.remote : weights.location,
    origin: { section: 'job-data', line: offices.join('; ') || title },
  };
}

const genericWords = new Set(
  'will looking join help build building great best new like want across high highly well good part make based day what who within plus bonus'.split(
    ' ',
  ),
);

/** Words from the post's requirement and duty lines that the dictionary does not cover ("payments", "latency"). */
function postKeywords(sections: ReturnType<typeof splitPostSections>, requirements: Requirement[]): string[] {
  const covered = new Set(
    requirements.flatMap((r) => ('terms' in r ? r.terms.flatMap((t) => tokenize(t)) : [])),
  );
  const counts = new Map<string, number>();
  for (const section of sections) {
    if (section.kind === 'ignored' || section.kind === 'intro') continue;
    for (const token of tokenize(section.lines.join(' '))) {
      if (token.length < 4 || /^\d+$/.test(token) || covered.has(token) || genericWords.has(token)) continue;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([token]) => token);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
