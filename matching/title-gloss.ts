import { fieldPhrases, fieldWords, roleWords } from './data/title-words';

// A job title written in Spanish, German, French, Portuguese, Italian or Dutch, read word by word into English:
// what a recruiter who knows those words does with "Gerente de Redes Sociais" before comparing it with the
// post's "Social Media Manager". Only the title part of a line is read (before the employer, place and dates).

const connectors = new Set([
  ...['de', 'da', 'do', 'das', 'dos', 'del', 'des', 'du', 'la', 'en', 'em', 'für'],
  ...['di', 'della', 'dello', 'dei', 'degli', 'delle', 'per', 'van', 'voor'],
]);
/** Said after the noun in Spanish, French, Portuguese and Italian, before it in English. */
const adjectives = new Set(['embedded', 'financial', 'senior', 'junior']);
const phraseKeys = Object.keys(fieldPhrases).sort((a, b) => b.length - a.length);

/**
 * The English reading of a title line ("Gerente de Operaciones de Almacén — Grupo Bimbo (2019 – 2024)" →
 * "warehouse operations manager"), or null when the line has no role word of another language to read.
 */
export function glossTitle(line: string): string | null {
  // Asked of every short line of every resume, several times: most have no role word of these languages.
  if (!hasRoleWord.test(line)) return null;
  if (line.length > 200) return readTitle(line);
  let cached = glossed.get(line);
  if (cached === undefined) {
    if (glossed.size >= 10_000) glossed.clear();
    cached = readTitle(line);
    glossed.set(line, cached);
  }
  return cached;
}

const hasRoleWord = new RegExp(`(?<![\\p{L}])(?:${Object.keys(roleWords).join('|')})(?![\\p{L}])`, 'iu');
const glossed = new Map<string, string | null>();

function readTitle(line: string): string | null {
  let title = titlePartOf(line).toLowerCase();
  if (!title || title.length > 80) return null;
  for (const phrase of phraseKeys)
    title = title.split(phrase).join(` §${fieldPhrases[phrase]!.replace(/ /g, '_')} `);
  const words = title.split(/[\s\-/]+/).filter((w) => w.length > 0);
  let foreign = false;
  let roleAt = -1;
  const english = words.map((word, i) => {
    if (word.startsWith('§')) {
      foreign = true;
      return word.slice(1).replace(/_/g, ' ');
    }
    const role = roleWords[word];
    if (role !== undefined && roleAt < 0) {
      roleAt = i;
      if (role !== word) foreign = true;
      return role;
    }
    const field = fieldWords[word];
    if (field !== undefined && field !== word) foreign = true;
    return field ?? word;
  });
  if (roleAt < 0 || !foreign) return null;
  const role = english[roleAt]!;
  // German compounds put the role last ("Embedded-Linux-Entwickler"): the words before it read in order.
  const before = english.slice(0, roleAt).filter((w) => !connectors.has(w));
  // Romance titles put it first and nest what follows with "de" ("gerente de operaciones de almacén"):
  // the groups read in reverse, each with its adjectives in front ("software embebido" → "embedded software").
  const groups: string[][] = [[]];
  for (const word of english.slice(roleAt + 1)) {
    if (connectors.has(word)) groups.push([]);
    else groups[groups.length - 1]!.push(word);
  }
  const after = groups
    .reverse()
    .flatMap((group) => [
      ...group.filter((w) => w === 'senior' || w === 'junior'),
      ...group.filter((w) => adjectives.has(w) && w !== 'senior' && w !== 'junior'),
      ...group.filter((w) => !adjectives.has(w)),
    ]);
  return [...after, ...before, role].join(' ').replace(/\s+/g, ' ').trim();
}

/** The title part of a title line: before the employer, place and dates ("Gerente de Ventas — Bimbo (2019 – 2024)"). */
export function titlePartOf(line: string): string {
  return (line.split(/\s[—–|·@]\s|[,(|·]|\s(?:at|en|bei|chez|na|no|presso|bij)\s/)[0] ?? '').trim();
}
