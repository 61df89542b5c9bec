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
 * cuisine", "French toast", "Korean BBQ"), plus its own names (matched as aliases).
 */
function language(id: string, label: string, ownNames: string[], writtenAs?: string): SpokenLanguageEntry {
  const head = label.charAt(0);
  const name = `[${head}${head.toLowerCase()}]${escape(label.slice(1))}`;
  const notFood =
    '(?![- ](?:cuisine|food|restaurant|kitchen|dishes|cooking|bbq|BBQ|barbecue|toast|fries|press|doors?|pastry|bread))';
  return {
    id,
    label,
    aliases: ownNames,
    patterns: [`\\b${name}\\b${notFood}`],
    ...(writtenAs ? { writtenAs } : {}),
  };
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
  { id: 'polish', label: 'Polish', aliases: ['polski'], patterns: ['\\bPolish\\b'] },
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
