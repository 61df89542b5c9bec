// Text helpers shared by the scorers: tokenising for BM25, finding dictionary phrases, cutting snippets.

const stopwords = new Set(
  (
    'a an and are as at be been but by for from has have in into is it its of on or our that the their this to ' +
    'was we were will with you your they them he she his her i me my us who what which when where how all any ' +
    'can could should would may might must do does did not no so than too very just also about over under more ' +
    'most other some such only own same then there these those through during before after above below up down ' +
    'out off again further once here why both each few nor am being having doing until while against between ' +
    'role team work working company years year experience strong ability including etc using used'
  ).split(' '),
);

// Keeps "c++", "c#", "node.js" and "ci/cd" whole: the default word splitter would turn them into noise.
const tokenPattern = /[a-z0-9][a-z0-9+#]*(?:[./][a-z0-9+#]+)*/g;

// The same in any script: "embarqué" and "técnico" stay words instead of falling apart into "embarqu" and
// "t", "cnico" (which then matched the same fragments of unrelated words).
const anyScriptTokenPattern = /[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[./][\p{L}\p{N}+#]+)*/gu;

/**
 * Lower-cased content words, light plural folding, stopwords removed. Used for every BM25 index and query:
 * `anyScript` for the scorer's keyword relevance; plain BM25, the baseline, reads ASCII words as it always has.
 */
export function tokenize(text: string, anyScript = false): string[] {
  const tokens = text.toLowerCase().match(anyScript ? anyScriptTokenPattern : tokenPattern) ?? [];
  const out: string[] = [];
  for (const token of tokens) {
    if (stopwords.has(token)) continue;
    out.push(foldPlural(token));
  }
  return out;
}

function foldPlural(token: string): string {
  if (
    token.length > 4 &&
    token.endsWith('s') &&
    !token.endsWith('ss') &&
    !token.endsWith('us') &&
    !/\d/.test(token)
  ) {
    return token.endsWith('ies') ? `${token.slice(0, -3)}y` : token.slice(0, -1);
  }
  return token;
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const wordChar = '[\\p{L}\\p{N}+#]';

const compiled = new Map<string, RegExp>();

/** A case-insensitive matcher for a dictionary phrase: whole words, any spacing or hyphen between words, optional plural. */
export function phrasePattern(phrase: string): RegExp {
  const cached = compiled.get(phrase);
  if (cached) return cached;
  const regex = new RegExp(`(?<!${wordChar})${phraseBody(phrase)}(?!${wordChar})`, 'giu');
  compiled.set(phrase, regex);
  return regex;
}

function phraseBody(phrase: string): string {
  const parts = phrase
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .map(escapeRegExp);
  const plural = /[a-z]$/.test(phrase) ? '(?:e?s)?' : '';
  return `${parts.join('[\\s-]+')}${plural}`;
}

/**
 * A test for whether a text holds any of the phrases, as `findMentions` would find them: one expression for
 * them all, for asking the same list of many lines.
 */
export function anyPhraseTest(phrases: readonly string[]): (text: string) => boolean {
  if (phrases.length === 0) return () => false;
  const regex = new RegExp(`(?<!${wordChar})(?:${phrases.map(phraseBody).join('|')})(?!${wordChar})`, 'iu');
  return (text) => regex.test(text);
}

function casePattern(source: string): RegExp {
  const key = `\u0000${source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const regex = new RegExp(source, 'gu');
  compiled.set(key, regex);
  return regex;
}

export type Mention = { index: number; length: number; matched: string };

/** Every place where one of the phrases or case-sensitive patterns occurs, in text order. */
export function findMentions(
  text: string,
  phrases: readonly string[],
  patterns: readonly string[] = [],
): Mention[] {
  const mentions: Mention[] = [];
  const lower = lowerCased(text);
  // Most phrases are absent from most resumes: a substring check is far cheaper than a Unicode regex.
  const present = phrases.filter((phrase) => lower.includes(firstWord(phrase)));
  const regexes = [...present.map(phrasePattern), ...patterns.map(casePattern)];
  for (const regex of regexes) {
    for (const match of text.matchAll(regex)) {
      mentions.push({ index: match.index, length: match[0].length, matched: match[0] });
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

let lastText = '';
let lastLower = '';
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

const firstWords = new Map<string, string>();
function firstWord(phrase: string): string {
  let word = firstWords.get(phrase);
  if (word === undefined) {
    word =
      phrase
        .trim()
        .toLowerCase()
        .split(/[\s-]+/)[0] ?? '';
    firstWords.set(phrase, word);
  }
  return word;
}

const maxSnippet = 180;

/** The line around a position, trimmed to a readable length with the match kept in view. */
export function snippetAt(text: string, index: number, length = 0): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index + length);
  const lineEnd = newline === -1 ? text.length : newline;
  let start = lineStart;
  let end = lineEnd;
  if (end - start > maxSnippet) {
    start = Math.max(lineStart, index - Math.floor((maxSnippet - length) / 2));
    end = Math.min(lineEnd, start + maxSnippet);
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > lineStart ? '…' : ''}${body}${end < lineEnd ? '…' : ''}`;
}

export function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const stemSuffixes = ['ations', 'ation', 'ings', 'ing', 'ers', 'er', 'ies', 'es', 'ed', 's', 'ly'];

/**
 * A crude stemmer for requirement phrases the dictionary does not know: "recommender", "recommendations"
 * and "recommend" meet, as do "ranking" and "ranker". Applied the same way to both sides, consistency
 * matters more than linguistics.
 */
export function stem(word: string): string {
  let out = word.toLowerCase();
  for (let pass = 0; pass < 2; pass++) {
    const suffix = stemSuffixes.find((s) => out.endsWith(s) && out.length - s.length >= 3);
    if (!suffix) break;
    out = out.slice(0, -suffix.length);
  }
  return out.length > 3 && out.endsWith('e') ? out.slice(0, -1) : out;
}

/** Stems of the content words of a text. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9+#]*/g) ?? []).filter((w) => !stopwords.has(w)).map(stem);
}

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
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** A count as posts and resumes write it, in digits or in words ("9", "nine"): for regular expressions. */
export const countPattern = `(\\d{1,2}|${Object.keys(numberWords).join('|')})`;

/** The number a count written in digits or words stands for ("nine" → 9, "12" → 12). */
export function countFrom(written: string): number {
  return numberWords[written.toLowerCase()] ?? Number(written);
}

/**
 * `text.replace(/\(.*?\)/g, mask)` in linear time: that expression rescans to the end of the line from every
 * "(" no ")" follows. An aside ends at a line break, as `.` does.
 */
export function withoutAsides(text: string, mask: string): string {
  return text
    .split(/([\n\r\u2028\u2029])/)
    .map((part, i) => (i % 2 === 1 ? part : asidesOfLine(part, mask)))
    .join('');
}

function asidesOfLine(line: string, mask: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('(', from);
    if (open < 0) break;
    const close = line.indexOf(')', open + 1);
    if (close < 0) break;
    out += line.slice(from, open) + mask;
    from = close + 1;
  }
  return out + line.slice(from);
}
