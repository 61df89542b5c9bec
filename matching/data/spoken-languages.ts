import type { SkillEntry } from './skill-aliases';

// Spoken languages a post can ask for ("fluent spoken and written English and Spanish", "Bilingual Customer
// Service Representative (English/Spanish)"): skills like any other, with two differences a recruiter would
// make. A "Languages: English, Spanish (native)" line is how people state a language, so it counts in full
// where a listed tool counts only partly; and a resume written in the language shows it. English is left out:
// every post here is written in it, and a resume that never says "English" is not missing anything.
// `writtenAs` is the code matching/language.ts gives a resume written in that language.

export type SpokenLanguageEntry = SkillEntry & { writtenAs?: string };

/**
 * The language's English name in either case, not the cuisine, the dish or the door named after it ("Italian
 * cuisine", "French toast", "Korean BBQ"), plus its own names exactly as written: as aliases they would take a
 * plural, and "Castellanos", a surname, would count as Spanish.
 */
function language(id: string, label: string, ownNames: string[], writtenAs?: string): SpokenLanguageEntry {
  const notFood =
    '(?![- ](?:cuisine|food|restaurant|kitchen|dishes|cooking|bbq|BBQ|barbecue|toast|fries|press|doors?|pastry|bread))';
  return {
    id,
    label,
    aliases: [],
    patterns: [`\\b${capitalisedOrNot(label)}\\b${notFood}`, ...ownNames.map(wholeWord)],
    ...(writtenAs ? { writtenAs } : {}),
  };
}

/** "Spanish" or "spanish". */
function capitalisedOrNot(name: string): string {
  const head = name.charAt(0);
  return `[${head.toUpperCase()}${head.toLowerCase()}]${escape(name.slice(1))}`;
}

/** An own name as written, capitalised or in capitals ("castellano", "Castellano", "CASTELLANO"), never inside a word. */
function wholeWord(name: string): string {
  return `(?<![\\p{L}\\p{N}])(?:${capitalisedOrNot(name)}|${escape(name.toUpperCase())})(?![\\p{L}\\p{N}])`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const spokenLanguages: SpokenLanguageEntry[] = [
  language('spanish', 'Spanish', ['español', 'espanol', 'castellano'], 'es'),
  language('french', 'French', ['français', 'francais'], 'fr'),
  language('german', 'German', ['deutsch'], 'de'),
  language('portuguese', 'Portuguese', ['português', 'portugues'], 'pt'),
  language('italian', 'Italian', ['italiano'], 'it'),
  language('mandarin', 'Mandarin', ['putonghua']),
  language('cantonese', 'Cantonese', []),
  language('japanese', 'Japanese', []),
  language('korean', 'Korean', []),
  language('vietnamese', 'Vietnamese', ['tiếng việt']),
  language('tagalog', 'Tagalog', ['filipino']),
  language('arabic', 'Arabic', []),
  language('russian', 'Russian', []),
  language('hindi', 'Hindi', []),
  // "polish the UI" is not the language: only the capitalised name counts.
  { id: 'polish', label: 'Polish', aliases: [], patterns: ['\\bPolish\\b', wholeWord('polski')] },
  language('haitian-creole', 'Haitian Creole', ['kreyòl', 'kreyol']),
  {
    id: 'american-sign-language',
    label: 'American Sign Language',
    aliases: ['american sign language'],
    patterns: ['\\bASL\\b'],
  },
];

const byId = new Map(spokenLanguages.map((entry) => [entry.id, entry]));

/** The spoken language a skill id names, if it names one. */
export function spokenLanguage(skillId: string): SpokenLanguageEntry | undefined {
  return byId.get(skillId);
}
