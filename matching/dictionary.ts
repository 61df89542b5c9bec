import { skillAliases, type SkillEntry } from './data/skill-aliases';
import { seniorityWords, titleAliases, titlesByTrade, type TitleEntry } from './data/title-aliases';
import { findMentions, type Mention } from './text';
import { seniorityLevels, type SeniorityLevel } from './types';

export const skillById = new Map(skillAliases.map((entry) => [entry.id, entry]));
export const titleById = new Map(titleAliases.map((entry) => [entry.id, entry]));

/** A skill requirement's id: its dictionary entries, any of which meets it ("skill:pytorch|tensorflow"). */
export function skillRequirementId(entryIds: readonly string[]): string {
  return `skill:${entryIds.join('|')}`;
}

/** The dictionary entries a skill requirement's id names. */
export function skillIdsOf(requirementId: string): string[] {
  return requirementId.slice('skill:'.length).split('|');
}

export function skillTerms(entry: SkillEntry): string[] {
  return [entry.label.toLowerCase(), ...entry.aliases].filter((term, i, all) => all.indexOf(term) === i);
}

export function titleTerms(entry: TitleEntry): string[] {
  return [entry.label.toLowerCase(), ...entry.aliases].filter((term, i, all) => all.indexOf(term) === i);
}

export type SkillMention = { entry: SkillEntry; mentions: Mention[] };

/** The dictionary skills a text mentions, in order of first mention. */
export function detectSkills(text: string): SkillMention[] {
  const found: SkillMention[] = [];
  for (const entry of skillAliases) {
    const mentions = findMentions(
      text,
      entry.patterns ? entry.aliases : skillTerms(entry),
      entry.patterns ?? [],
    );
    if (mentions.length > 0) found.push({ entry, mentions });
  }
  return found.sort((a, b) => (a.mentions[0]?.index ?? 0) - (b.mentions[0]?.index ?? 0));
}

export type TitleMention = { entry: TitleEntry; mentions: Mention[] };

export function detectTitles(text: string): TitleMention[] {
  const found: TitleMention[] = [];
  for (const entry of titleAliases) {
    const mentions = findMentions(text, titleTerms(entry));
    if (mentions.length > 0) found.push({ entry, mentions });
  }
  return found;
}

/** The title family a job title names; the longest matching alias wins ("software engineer, backend" over "software engineer"). */
export function titleFamilyOf(jobTitle: string): TitleEntry | undefined {
  return titleFamilyMention(jobTitle)?.entry;
}

/**
 * The title family a job title names and the words of the title that named it, as written; `byTrade` when the
 * rest of the title chose the family among those the words name in different trades.
 */
export function titleFamilyMention(
  jobTitle: string,
): { entry: TitleEntry; written: string; byTrade?: boolean } | undefined {
  let best: { entry: TitleEntry; mention: Mention } | undefined;
  for (const entry of titleAliases) {
    for (const mention of findMentions(jobTitle, titleTerms(entry))) {
      if (!best || mention.length > best.mention.length) best = { entry, mention };
    }
  }
  if (!best) return undefined;
  const written = jobTitle.slice(best.mention.index, best.mention.index + best.mention.length);
  const trade = titlesByTrade.find((t) => t.alias === written.toLowerCase() && t.trade.test(jobTitle));
  const entry = trade && titleById.get(trade.family);
  return entry ? { entry, written, byTrade: true } : { entry: best.entry, written };
}

/** The seniority a title states, if it states one. */
export function seniorityOf(title: string): SeniorityLevel | undefined {
  return seniorityWords.find(({ pattern }) => pattern.test(title))?.level;
}

export function seniorityRank(level: SeniorityLevel): number {
  return seniorityLevels.indexOf(level);
}
