import { detectSkills, skillRequirementId, skillTerms, type SkillMention } from './dictionary';
import type { SkillEntry } from './data/skill-aliases';
import type { PostSection, PostSectionKind } from './job-post-html';
import { countFrom, stems, withoutAsides } from './text';
import type { RequirementImportance, RequirementOrigin, SkillRequirement, TopicRequirement } from './types';

// The skills a job post asks for, read line by line: which are must-haves, which are alternatives to one
// another, and which lines ask for something the dictionary does not know.

// Starting weights before any outcome is known. A skill in the job title is the job; a must-have outweighs a
// nice-to-have two to one; something merely mentioned among the duties counts a little.
export const skillWeights = {
  skillInTitle: 5,
  mustSkill: 3,
  niceSkill: 1.5,
  mentionedSkill: 1,
  topicMust: 2,
  topicNice: 1,
  repeatBonus: 0.5,
  maxRepeatBonus: 1,
};

// A must-have line that hedges is a nice-to-have in disguise.
const hedged =
  /\b(a plus|is a plus|plus if|bonus|preferred|nice to have|ideally|desirable|familiarity with|exposure to|not required|great if|will (?:also )?be considered)\b/i;
// Text between two skills that keeps them in one list: "Go, Rust or C++", "Python/R", "Kafka and Redis".
const listGap = /^[\s,/]*(?:(and\/or|or|and|as well as|nor)\b[\s,/]*)?$/i;
// Words that open a requirement line without saying what is required.
const filler =
  /^(?:strong|solid|deep|proven|hands-on|excellent|good|great|demonstrated|expert|advanced|working|practical|professional|production|real-world|relevant|a|an|the|some|any|experience|experienced|expertise|knowledge|understanding|familiarity|background|proficiency|fluency|track record|ability to|ability|skills?|with|in|of|on|for|building|working|using|designing|developing|running|shipping|owning|at least|you have|you've|have|has|are|is|you)\b[\s,]*/i;
const trailingFiller =
  /[\s,]*\b(?:experience|skills?|background|knowledge|expertise|systems? experience)\s*$/i;
// Where and how the job is done: the location requirement covers it.
const workArrangement =
  /\b(remote|hybrid|on-?site|in (?:our|the) office|relocat\w*|days a week)\b|\boffices?\s*:/i;
// What the employer provides, said inside a requirements list ("We supply gauges, recovery machines…").
const employerProvides = /\bwe (?:supply|provide|furnish|pay for|cover|offer|reimburse)\b/i;
// An equal-opportunity sentence inside a requirements section ("We welcome applicants of every background."):
// who may apply, not what everyone must show.
const equalOpportunity =
  /\b(equal opportunity|we welcome applicants|all qualified applicants|without regard to|encourage\w* (?:you )?to apply)\b/i;
const invitee = /\b(?:graduates?|applicants?|candidates?|people|those|anyone|students?|career changers?)\b/i;
const welcomed = /\b(?:welcome|encouraged)\b/i;

/**
 * An invitation ("New graduates welcome", "those who completed an externship are welcome to apply"): in one
 * sentence, people and then "welcome". "Certifications such as GCIH are welcome" is a plus, not an
 * invitation. Read a sentence at a time, from the first such word: linear however long a post's line is
 * (one regular expression with a gap between the two words rescanned the line for every "people" in it).
 */
function invitesApplicants(line: string): boolean {
  return line.split(/[.;]/).some((sentence) => {
    const who = invitee.exec(sentence);
    return who !== null && welcomed.test(sentence.slice(who.index + who[0].length));
  });
}
// Lines about how someone works, not what they know: no resume line can show them.
const softSkills =
  /communicat|collaborat|team player|self-starter|curious|ownership|passion|fast-paced|detail-oriented|english|written|verbal|problem[- ]solv|empath|humble|growth mindset|autonomous|independent/i;
const aPlus =
  /\b(?:is |are |would be )?an? (?:big |huge |strong )?plus\b|\bpreferred\b|\bnice to have\b|\bbonus\b/i;
/** Fragments that stand for "anything of the kind", which every resume would meet. */
const placeholder =
  /^(?:similar|equivalent|comparable|related|other|others|etc|the like|a related field|related field|equivalent experience|similar tools?|similar systems?)$/i;
const notAboutExperience = /\byears?\s+(?:ago|old)\b|\bfounded\b|\bin business\b|\bwarranty\b/i;
export const yearsPattern =
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:or more\s+)?years?\b/i;
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

// A word that denies what follows it in the same clause: "carries no quota", "you don't need Kubernetes".
const denial = /\b(?:no|not|non|without|never|don't|doesn't|do not|does not|won't|isn't)\b/i;
/** How far before a skill a denial still speaks for it: a few words, within its clause. */
const denialReach = 30;

/**
 * The skills a line asks for, not those it rules out: "This is not a sales role and carries no quota" asked
 * for quota attainment as a must-have, and every technical account manager "missed" it. A skill every mention
 * of which follows a denial within its clause is dropped.
 */
function affirmed(line: string, found: SkillMention[]): SkillMention[] {
  const deniedAt = (index: number) => {
    const before = line.slice(Math.max(0, index - denialReach), index);
    const clause = before.split(/[,;:.()]/).pop() ?? '';
    return denial.test(clause);
  };
  return found
    .map((f) => ({ ...f, mentions: f.mentions.filter((m) => !deniedAt(m.index)) }))
    .filter((f) => f.mentions.length > 0);
}

/** "B2B SaaS sales" names one skill, not also the "B2B SaaS" inside it: a mention inside a longer one is dropped. */
function outermostSkills(found: SkillMention[]): SkillMention[] {
  const spans = found
    .flatMap((f) => f.mentions.map((m) => ({ id: f.entry.id, start: m.index, end: m.index + m.length })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // One pass in order of start (longest first at a start): a mention is inside another skill's longer one when
  // a span of another skill that starts no later reaches at least as far. The two furthest-reaching spans of
  // different skills seen so far answer that for every id, so the pass is linear after the sort.
  const inside = new Set<string>();
  type Reach = { id: string; start: number; end: number };
  let first: Reach | undefined;
  let second: Reach | undefined;
  for (const span of spans) {
    const other = first && first.id !== span.id ? first : second;
    const longer = other && (other.start < span.start || other.end > span.end);
    if (other && other.end >= span.end && longer) inside.add(`${span.id}@${span.start}:${span.end}`);
    if (!first || span.end > first.end) {
      if (first && first.id !== span.id) second = first;
      first = span;
    } else if (span.id !== first.id && (!second || span.end > second.end)) second = span;
  }
  return found.filter((f) =>
    f.mentions.some((m) => !inside.has(`${f.entry.id}@${m.index}:${m.index + m.length}`)),
  );
}

/**
 * Names a post gives in parentheses as examples of what it asks for: "an RTOS (FreeRTOS, Zephyr, ThreadX)".
 * Only a list of two or more short names counts; a parenthesis that qualifies the line ("ACLS within 6 months
 * of hire", "or equivalent state certification", "OSHA 30 preferred") is not an alternative.
 */
function namedExamples(line: string): string[] {
  const names: string[] = [];
  for (const [, inside] of line.matchAll(/\(([^()]*)\)/g)) {
    const items = (inside ?? '')
      .replace(/\b(?:e\.g\.|i\.e\.|etc\.?|or similar|or equivalent|or comparable)/gi, ',')
      .split(/,|\bor\b|\band\b/)
      .map((item) => item.trim())
      .filter(Boolean);
    const short = items.every((item) => item.split(/\s+/).length <= 3 && /^[\p{Lu}\d]/u.test(item));
    if (items.length >= 2 && short) names.push(...items);
  }
  return names;
}

/** A requirement line the dictionary knows nothing in, kept as the phrases a resume would have to show. */
function topicRequirement(line: string, kind: PostSectionKind): TopicRequirement | undefined {
  if (
    softSkills.test(line) ||
    yearsPattern.test(line) ||
    workArrangement.test(line) ||
    employerProvides.test(line) ||
    equalOpportunity.test(line) ||
    invitesApplicants(line)
  )
    return undefined;
  // Examples in parentheses are alternatives a resume may name instead ("an RTOS (FreeRTOS, Zephyr,
  // ThreadX)", "a WMS (Manhattan, Blue Yonder or similar)"); a fragment the post calls a plus is not a must.
  const phrases = [withoutAsides(line, ' '), ...namedExamples(line)]
    .join(', ')
    .split(/[,;:.]|\b(?:or|and|such as|e\.g\.|including|like|especially)\b/i)
    .filter((fragment) => !aPlus.test(fragment))
    .map((fragment) => {
      let out = fragment.trim();
      // No phrase a resume would show is this long, and stripping its fillers one at a time is quadratic.
      if (out.length > maxFragment) return '';
      for (let previous = ''; previous !== out;) {
        previous = out;
        out = out.replace(filler, '').replace(trailingFiller, '').trim();
      }
      return out.toLowerCase();
    })
    .filter((fragment) => {
      const words = stems(fragment);
      return (
        words.length >= 1 && words.length <= 6 && /[a-z]{3}/.test(fragment) && !placeholder.test(fragment)
      );
    });
  if (phrases.length === 0) return undefined;
  const { importance, origin } = placement(kind, line);
  const label = phrases.join(' / ');
  return {
    id: `topic:${slug(label)}`,
    kind: 'topic',
    label: label.length > 60 ? `${label.slice(0, 59)}…` : label,
    importance,
    weight: importance === 'must' ? skillWeights.topicMust : skillWeights.topicNice,
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

export function skillRequirements(
  title: string,
  sections: PostSection[],
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
      const id = skillRequirementId(entries.map((e) => e.id));
      const existing = drafts.get(id);
      if (!existing) {
        drafts.set(id, { entries, importance, weight, origin, mentions: 1, wording });
        continue;
      }
      existing.mentions++;
      if (weight > existing.weight) Object.assign(existing, { importance, weight, origin, wording });
      else if (existing.mentions <= 1 + skillWeights.maxRepeatBonus / skillWeights.repeatBonus)
        existing.weight += skillWeights.repeatBonus;
    }
  };

  consider(detectSkills(title), { section: 'title', line: title }, 'must', skillWeights.skillInTitle);
  // The opening paragraph usually describes the company ("one view of their containers"); it only speaks
  // for the job when the post has no requirement sections at all.
  const structured = sections.some((s) => s.kind === 'must-have' || s.kind === 'nice-to-have');
  for (const section of sections) {
    if (section.kind === 'ignored' || (section.kind === 'intro' && structured)) continue;
    for (const line of section.lines.flatMap((l) => items(section.kind, l))) {
      const named = outermostSkills(detectSkills(line));
      const found = affirmed(line, named);
      // A line that only rules skills out ("not a sales role, no quota") asks for nothing, not for a topic.
      if (named.length > 0 && found.length === 0) continue;
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

/**
 * A requirements paragraph written as one sentence of items ("High school diploma or GED; fluent English and
 * Spanish; 1+ year of customer service, call center preferred") is a list: each item is judged on its own,
 * so one item's "preferred" does not make the others optional.
 */
function items(kind: PostSectionKind, line: string): string[] {
  if (kind !== 'must-have' && kind !== 'nice-to-have') return [line];
  const parts = line
    .split(/;\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts : [line];
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
      const single = out.get(skillRequirementId([entry.id]));
      if (!single) continue;
      if (rank(single.importance) >= rank(group.importance))
        entries = entries.filter((e) => e.id !== entry.id);
      else out.delete(skillRequirementId([entry.id]));
    }
    if (entries.length === group.entries.length) continue;
    out.delete(groupId);
    if (entries.length === 0) continue;
    const id = skillRequirementId(entries.map((e) => e.id));
    if (!out.has(id)) out.set(id, { ...group, entries });
  }
  return out;
}

function placement(
  kind: PostSectionKind,
  line: string,
): { importance: RequirementImportance; weight: number; origin: RequirementOrigin } {
  if (kind === 'must-have' && !hedged.test(line)) {
    return { importance: 'must', weight: skillWeights.mustSkill, origin: { section: 'must-have', line } };
  }
  if (kind === 'must-have' || kind === 'nice-to-have') {
    return { importance: 'nice', weight: skillWeights.niceSkill, origin: { section: 'nice-to-have', line } };
  }
  return {
    importance: 'nice',
    weight: skillWeights.mentionedSkill,
    origin: { section: 'responsibilities', line },
  };
}

/**
 * The most years of experience the post asks for. In a requirements list any "N+ years" asks for experience
 * ("4+ years developing production firmware in C", "3+ years in customer success"); elsewhere only a line
 * that says it is about experience counts ("founded 20 years ago" is about the company).
 */
export function yearsRequired(requirementLines: string[], otherLines: string[] = []): number | undefined {
  let best: number | undefined;
  const lines = [
    ...requirementLines.map((line) => ({ line, listed: true })),
    ...otherLines.map((line) => ({ line, listed: false })),
  ];
  for (const { line, listed } of lines) {
    const match = yearsPattern.exec(line);
    if (!match?.[1] || notAboutExperience.test(line)) continue;
    if (!listed && !/experience|background|working|building|professional|industry|track record/i.test(line))
      continue;
    const years = countFrom(match[1]);
    if (Number.isFinite(years) && years > 0 && years <= 25) best = Math.max(best ?? 0, years);
  }
  return best;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const maxFragment = 300;
