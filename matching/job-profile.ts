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
import { stems, tokenize } from './text';
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
  type TopicRequirement,
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
  topicMust: 2,
  topicNice: 1,
  repeatBonus: 0.5,
  maxRepeatBonus: 1,
};

// A must-have line that hedges is a nice-to-have in disguise.
const hedged =
  /\b(a plus|is a plus|plus if|bonus|preferred|nice to have|ideally|desirable|familiarity with|exposure to|not required|great if)\b/i;
// Text between two skills that keeps them in one list: "Go, Rust or C++", "Python/R", "Kafka and Redis".
const listGap = /^[\s,/]*(?:(and\/or|or|and|as well as|nor)\b)?[\s,/]*$/i;
// Words that open a requirement line without saying what is required.
const filler =
  /^(?:strong|solid|deep|proven|hands-on|excellent|good|great|demonstrated|expert|advanced|working|practical|professional|production|real-world|relevant|a|an|the|some|any|experience|experienced|expertise|knowledge|understanding|familiarity|background|proficiency|fluency|track record|ability to|ability|skills?|with|in|of|on|for|building|working|using|designing|developing|running|shipping|owning|at least|you have|you've|have|has|are|is|you)\b[\s,]*/i;
const trailingFiller =
  /[\s,]*\b(?:experience|skills?|background|knowledge|expertise|systems? experience)\s*$/i;
// Where and how the job is done: the location requirement covers it.
const workArrangement = /\b(remote|hybrid|on-?site|in (?:our|the) office|relocat\w*|days a week)\b/i;
// Lines about how someone works, not what they know: no resume line can show them.
const softSkills =
  /communicat|collaborat|team player|self-starter|curious|ownership|passion|fast-paced|detail-oriented|english|written|verbal|problem[- ]solv|empath|humble|growth mindset|autonomous|independent/i;
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

/**
 * Splits the skills found on one line into requirements: a list joined by "or" (or "/") is one requirement
 * any member meets ("PyTorch or TensorFlow"); anything else is one requirement per skill.
 */
function alternativeGroups(line: string, found: SkillMention[]): SkillEntry[][] {
  const placed = found
    .map((f) => ({
      entry: f.entry,
      start: f.mentions[0]?.index ?? 0,
      end: (f.mentions[0]?.index ?? 0) + (f.mentions[0]?.length ?? 0),
    }))
    .sort((a, b) => a.start - b.start);
  const groups: SkillEntry[][] = [];
  let run: typeof placed = [];
  let connectors: string[] = [];
  const flush = () => {
    const alternative =
      run.length >= 2 &&
      run.length <= 4 &&
      connectors.some((c) => c === 'or' || c === 'and/or' || c === '/') &&
      !connectors.includes('and');
    if (alternative) groups.push(run.map((r) => r.entry));
    else groups.push(...run.map((r) => [r.entry]));
    run = [];
    connectors = [];
  };
  for (const item of placed) {
    const previous = run[run.length - 1];
    if (previous) {
      const gap = item.start > previous.end ? line.slice(previous.end, item.start) : '';
      const joined = listGap.exec(gap);
      if (!joined) flush();
      else connectors.push(joined[1]?.toLowerCase() ?? (gap.includes('/') ? '/' : ','));
    }
    run.push(item);
  }
  flush();
  return groups;
}

/** "B2B SaaS sales" names one skill, not also the "B2B SaaS" inside it: a mention inside a longer one is dropped. */
function outermostSkills(found: SkillMention[]): SkillMention[] {
  const spans = found.flatMap((f) =>
    f.mentions.map((m) => ({ id: f.entry.id, start: m.index, end: m.index + m.length })),
  );
  return found.filter((f) =>
    f.mentions.some(
      (m) =>
        !spans.some(
          (s) =>
            s.id !== f.entry.id &&
            s.start <= m.index &&
            s.end >= m.index + m.length &&
            s.end - s.start > m.length,
        ),
    ),
  );
}

/** A requirement line the dictionary knows nothing in, kept as the phrases a resume would have to show. */
function topicRequirement(line: string, kind: PostSectionKind): TopicRequirement | undefined {
  if (softSkills.test(line) || yearsPattern.test(line) || workArrangement.test(line)) return undefined;
  const phrases = line
    .replace(/\(.*?\)/g, ' ')
    .split(/[,;:.]|\b(?:or|and|such as|e\.g\.|including|like|especially)\b/i)
    .map((fragment) => {
      let out = fragment.trim();
      for (let previous = ''; previous !== out;) {
        previous = out;
        out = out.replace(filler, '').replace(trailingFiller, '').trim();
      }
      return out.toLowerCase();
    })
    .filter((fragment) => {
      const words = stems(fragment);
      return words.length >= 1 && words.length <= 4 && /[a-z]{3}/.test(fragment);
    });
  if (phrases.length === 0) return undefined;
  const { importance, origin } = placement(kind, line);
  const label = phrases.join(' / ');
  return {
    id: `topic:${slug(label)}`,
    kind: 'topic',
    label: label.length > 60 ? `${label.slice(0, 59)}…` : label,
    importance,
    weight: importance === 'must' ? weights.topicMust : weights.topicNice,
    origin,
    phrases,
  };
}

type SkillDraft = {
  entries: SkillEntry[];
  importance: RequirementImportance;
  weight: number;
  origin: RequirementOrigin;
  mentions: number;
  /** How the post words each skill: a recruiter who wrote "Chef" should read "Chef", not the dictionary's name. */
  wording: Map<string, string>;
};

function skillRequirements(
  title: string,
  sections: ReturnType<typeof splitPostSections>,
): (SkillRequirement | TopicRequirement)[] {
  const drafts = new Map<string, SkillDraft>();
  const topics = new Map<string, TopicRequirement>();
  const consider = (
    found: SkillMention[],
    origin: RequirementOrigin,
    importance: RequirementImportance,
    weight: number,
  ) => {
    const wording = new Map(found.map((f) => [f.entry.id, f.mentions[0]?.matched.trim() ?? f.entry.label]));
    for (const entries of alternativeGroups(origin.line ?? '', found)) {
      const id = `skill:${entries.map((e) => e.id).join('|')}`;
      const existing = drafts.get(id);
      if (!existing) {
        drafts.set(id, { entries, importance, weight, origin, mentions: 1, wording });
        continue;
      }
      existing.mentions++;
      if (weight > existing.weight) Object.assign(existing, { importance, weight, origin, wording });
      else if (existing.mentions <= 1 + weights.maxRepeatBonus / weights.repeatBonus)
        existing.weight += weights.repeatBonus;
    }
  };

  consider(detectSkills(title), { section: 'title', line: title }, 'must', weights.skillInTitle);
  // The opening paragraph usually describes the company ("one view of their containers"); it only speaks
  // for the job when the post has no requirement sections at all.
  const structured = sections.some((s) => s.kind === 'must-have' || s.kind === 'nice-to-have');
  for (const section of sections) {
    if (section.kind === 'ignored' || (section.kind === 'intro' && structured)) continue;
    for (const line of section.lines) {
      const found = outermostSkills(detectSkills(line));
      if (found.length === 0) {
        const topic =
          section.kind === 'must-have' || section.kind === 'nice-to-have'
            ? topicRequirement(line, section.kind)
            : undefined;
        if (topic && !topics.has(topic.id)) topics.set(topic.id, topic);
        continue;
      }
      const { importance, weight, origin } = placement(section.kind, line);
      consider(found, origin, importance, weight);
    }
  }

  const skills = [...withoutOverlaps(drafts).entries()].map(([id, draft]): SkillRequirement => {
    const entries = draft.entries;
    const own = new Set(entries.map((e) => e.id));
    return {
      id,
      kind: 'skill',
      label: entries.map((e) => asWorded(e, draft.wording.get(e.id))).join(' or '),
      importance: draft.importance,
      weight: draft.weight,
      origin: draft.origin,
      terms: entries.flatMap((e) => (e.patterns ? e.aliases : skillTerms(e))),
      patterns: entries.flatMap((e) => e.patterns ?? []),
      related: [...new Set(entries.flatMap((e) => e.related ?? []))].filter((r) => !own.has(r)),
      impliedBy: [...new Set(entries.flatMap((e) => e.impliedBy ?? []))].filter((r) => !own.has(r)),
    };
  });
  return [...skills, ...topics.values()];
}

function asWorded(entry: SkillEntry, worded: string | undefined): string {
  if (!worded || worded.toLowerCase() === entry.label.toLowerCase() || worded.length < 2) return entry.label;
  // Lower-case words from a sentence ("containerized") read better under the dictionary's name.
  return /[A-Z0-9]/.test(worded) ? worded : entry.label;
}

const rank = (importance: RequirementImportance) => (importance === 'must' ? 1 : 0);

/**
 * "Snowflake or BigQuery" and "Model the warehouse in Snowflake" would count Snowflake twice. A skill asked
 * for on its own at least as firmly as in a group leaves the group; one asked for less firmly is dropped.
 */
function withoutOverlaps(drafts: Map<string, SkillDraft>): Map<string, SkillDraft> {
  const out = new Map(drafts);
  for (const [groupId, group] of drafts) {
    if (group.entries.length < 2) continue;
    let entries = group.entries;
    for (const entry of group.entries) {
      const single = out.get(`skill:${entry.id}`);
      if (!single) continue;
      if (rank(single.importance) >= rank(group.importance))
        entries = entries.filter((e) => e.id !== entry.id);
      else out.delete(`skill:${entry.id}`);
    }
    if (entries.length === group.entries.length) continue;
    out.delete(groupId);
    if (entries.length === 0) continue;
    const id = `skill:${entries.map((e) => e.id).join('|')}`;
    if (!out.has(id)) out.set(id, { ...group, entries });
  }
  return out;
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
