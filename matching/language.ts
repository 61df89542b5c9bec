// Which language a resume is written in, roughly: enough to know when an English-only model cannot read it.
// Function words are the most frequent words of every language and rarely shared between these ones; a
// resume in telegraphic English still has more "and/of/with/for" than Spanish "de/y/con/para".

const functionWords: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'for', 'with', 'on', 'at', 'from', 'by', 'my', 'our', 'i', 'have', 'years'],
  es: ['de', 'la', 'el', 'y', 'en', 'los', 'las', 'con', 'para', 'por', 'del', 'años', 'experiencia', 'una'],
  de: ['und', 'der', 'die', 'das', 'mit', 'für', 'von', 'im', 'bei', 'jahre', 'erfahrung', 'zur', 'zum', 'auf', 'ich', 'am', 'nach', 'als', 'sowie'],
  fr: ['et', 'le', 'les', 'des', 'du', 'pour', 'avec', 'dans', 'au', 'aux', 'ans', 'expérience', 'une', 'sur'],
  pt: ['e', 'do', 'da', 'dos', 'das', 'com', 'em', 'para', 'no', 'na', 'anos', 'experiência', 'uma', 'pela'],
  it: ['il', 'di', 'della', 'delle', 'dei', 'degli', 'nel', 'nella', 'per', 'anni', 'esperienza', 'gli', 'sono', 'ho'],
  nl: ['het', 'een', 'van', 'voor', 'met', 'bij', 'ik', 'jaar', 'ervaring', 'naar', 'zijn', 'wij', 'ook'],
};

const languageOf = new Map<string, string[]>();
for (const [language, words] of Object.entries(functionWords)) {
  for (const word of words) languageOf.set(word, [...(languageOf.get(word) ?? []), language]);
}

/**
 * The language a text is written in when it is clearly not English: a code of `functionWords` ("es"), or
 * undefined for English or a text with too few function words to tell.
 */
export function writtenIn(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const language of languageOf.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const english = counts.get('en') ?? 0;
  const [language, other] = [...counts]
    .filter(([l]) => l !== 'en')
    .reduce<[string | undefined, number]>((best, [l, n]) => (n > best[1] ? [l, n] : best), [undefined, 0]);
  return other < 4 || other <= 2 * english ? undefined : language;
}

/** True when a text reads as English, or has too few function words to tell (then nothing changes). */
export function readsAsEnglish(text: string): boolean {
  return writtenIn(text) === undefined;
}
