import { profileToText } from './candidate-text';
import { detectSkills, detectTitles } from './dictionary';
import { escapeRegExp } from './text';
import type {
  BlindedCandidate,
  ExtractionFailure,
  ExtractionResult,
  RedactionKind,
  SourceProfile,
} from './types';

// Blinding removes what says who a person is, or hints at a protected group, before any scorer reads the
// text: names, contact details, street addresses and postal codes (a zip code is a proxy for race),
// links (profile URLs carry names and photos), graduation years and ages (proxies for age), pronouns and
// honorifics (gender). City, region and country stay: a job's location requirement needs them.

export type KnownIdentity = {
  names?: string[];
  emails?: string[];
  phones?: string[];
};

export type BlindedText = {
  text: string;
  redactions: Partial<Record<RedactionKind, number>>;
};

type Redactor = { kind: RedactionKind; apply: (text: string, count: (n?: number) => void) => string };

// Linear: every run of address characters is matched once, as a whole, with its domain when it has one.
// The earlier form (`[…]+@domain`) restarted at each character of a run without an @, so one
// 1 M-character token took about 20 minutes.
const emailOrWord = /[\p{L}\p{N}._%+-]+(@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
const links = [
  /\bhttps?:\/\/[^\s)>\]]+/gi,
  /\bwww\.[^\s)>\]]+/gi,
  /\b(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|kaggle\.com|about\.me)\/[^\s)>\]]*/gi,
  /\b[a-z0-9-]{1,63}\.(?:com|io|dev|me|net|org|co|ai|app|page|site)\/[^\s)>\]]+/gi,
];
// Each stops at the next bracket of its kind: a resume of 100 000 "<img " or "![" is read in linear time.
const images = [/!\[[^[\]]*\]\([^()]*\)/g, /<img\b[^<>]*>/gi];
const phoneCandidate = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{7,}\d(?![\p{L}\p{N}])/gu;
const yearLike = /(?<!\d)(?:19|20)\d\d(?!\d)/g;
const streetAddress =
  /\b\d{1,6}[A-Za-z]?\s+(?:[A-Z0-9][\p{L}'.-]*\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|#)\.?\s*[\w-]+)?/gu;
const europeanStreet =
  /\b[\p{Lu}][\p{L}-]{0,60}(?:straße|strasse|str\.|weg|allee|platz|gasse|laan|straat|gatan|vej)\s+\d+[a-z]?\b/giu;
const usStates =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|PR|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const usStateZip = new RegExp(`\\b(${usStates}),?\\s+\\d{5}(?:-\\d{4})?\\b`, 'g');
const labelledPostal = /\b(?:zip|zip code|postal code|postcode)\s*(?:[:#]\s*)?[A-Z0-9][A-Z0-9 -]{2,9}\b/gi;
const ukPostcode = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
const canadianPostcode = /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/g;
const europeanPostcodeBeforeCity = /\b\d{5}(?=\s+[\p{Lu}][\p{Ll}]+)/gu;
const ages = [
  /\b(?:age|aged)\s*(?::\s*)?\d{2}\b/gi,
  /\b\d{2}\s*(?:years|yrs)\s+old\b/gi,
  /\b(?:date of birth|birth date|birthdate|born(?: on| in)?|dob|d\.o\.b\.)\s*:?\s*[^\n,;]{0,30}/gi,
];
const educationWords =
  /\b(?:university|universit\p{L}+|college|school|institute|academy|bachelor'?s?|master'?s|masters|degree|diploma|graduated|graduation|class of|bootcamp|gpa|coursework|alumn\p{L}+)\b/iu;
const degreeAbbreviations =
  /\b(?:B\.?S\.?c?|B\.A\.?|BA|M\.S\.?c?|MSc|M\.A\.|MBA|Ph\.?D\.?|BEng|MEng|B\.Tech|M\.Tech|A\.A\.|AAS)\b/;
const sectionHeading =
  /^\s*(?:education|academic background|academics|certifications?|experience|work experience|employment|professional experience|work history|skills|technical skills|projects|summary|profile|languages|interests|publications|awards)\s*:?\s*$/i;
const educationHeading = /^\s*(?:education|academic background|academics)\s*:?\s*$/i;
const honorific = /\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?=[\p{Lu}[])/gu;
const pronouns: [RegExp, string][] = [
  [/\b(?:he|she)\b/gi, 'they'],
  [/\b(?:him)\b/gi, 'them'],
  // "her" is "him" before a pause or a preposition ("describe her as calm"), "his" before a noun ("her team").
  [
    /\bher\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:as|to|for|with|and|or|in|on|at|about|from|by|that|because|when|into|over)\b)/gim,
    'them',
  ],
  [/\b(?:his|her)\b/gi, 'their'],
  [/\b(?:hers)\b/gi, 'theirs'],
  [/\b(?:himself|herself)\b/gi, 'themself'],
];
// Words that make a header line a job title or a heading rather than a name.
const notNameWords =
  /\b(?:resume|résumé|curriculum|vitae|cv|profile|summary|engineer|developer|manager|scientist|analyst|designer|executive|director|consultant|specialist|recruiter|nurse|architect|lead|senior|junior|intern|contact|experience|education|skills|remote|objective|portfolio)\b/i;

function replaceAll(text: string, pattern: RegExp, mask: string, count: (n?: number) => void): string {
  return text.replace(pattern, () => {
    count();
    return mask;
  });
}

// Run before names: masking "jamal" inside "jamal.jones@mail.com" would hide the address from its pattern.
const contactRedactors: Redactor[] = [
  { kind: 'photo', apply: (text, count) => images.reduce((t, p) => replaceAll(t, p, '', count), text) },
  {
    kind: 'email',
    apply: (text, count) =>
      text.replace(emailOrWord, (match, domain: string | undefined) => {
        if (!domain) return match;
        count();
        return '[email]';
      }),
  },
  { kind: 'link', apply: (text, count) => links.reduce((t, p) => replaceAll(t, p, '[link]', count), text) },
];

const proxyRedactors: Redactor[] = [
  {
    kind: 'phone',
    apply: (text, count) =>
      text.replace(phoneCandidate, (match) => {
        const digits = match.replace(/\D/g, '').length;
        // Date ranges ("2015 - 2019", "2018.01 – 2021.03") look like phone numbers to a regex.
        if (digits < 9 || digits > 15 || (match.match(yearLike)?.length ?? 0) >= 2) return match;
        count();
        return '[phone]';
      }),
  },
  {
    kind: 'address',
    apply: (text, count) =>
      [streetAddress, europeanStreet].reduce((t, p) => replaceAll(t, p, '[address]', count), text),
  },
  {
    kind: 'postal-code',
    apply: (text, count) => {
      let out = text.replace(usStateZip, (_match, state: string) => {
        count();
        return `${state} [postal code]`;
      });
      out = [labelledPostal, ukPostcode, canadianPostcode].reduce(
        (t, p) => replaceAll(t, p, '[postal code]', count),
        out,
      );
      // "10115 Berlin" style codes only in the contact header, where a bare number before a town is an address.
      const headerEnd = nthLineEnd(out, 6);
      return (
        replaceAll(out.slice(0, headerEnd), europeanPostcodeBeforeCity, '[postal code]', count) +
        out.slice(headerEnd)
      );
    },
  },
  { kind: 'age', apply: (text, count) => ages.reduce((t, p) => replaceAll(t, p, '[age]', count), text) },
  { kind: 'graduation-year', apply: maskEducationYears },
  { kind: 'school', apply: maskSchools },
  {
    kind: 'affiliation',
    apply: (text, count) => replaceAll(text, affinityGroup, '[affiliation]', count),
  },
  { kind: 'honorific', apply: (text, count) => replaceAll(text, honorific, '', count) },
  {
    kind: 'pronoun',
    apply: (text, count) =>
      pronouns.reduce(
        (t, [pattern, neutral]) =>
          t.replace(pattern, (match) => {
            count();
            return match[0] === match[0]?.toUpperCase()
              ? neutral[0]!.toUpperCase() + neutral.slice(1)
              : neutral;
          }),
        text,
      ),
  },
];

/** Masks identity and protected-group proxies in free text. `identity` adds names and contacts known from elsewhere. */
export function blindText(text: string, identity: KnownIdentity = {}): BlindedText {
  const redactions: Partial<Record<RedactionKind, number>> = {};
  const counter =
    (kind: RedactionKind) =>
    (n = 1) => {
      redactions[kind] = (redactions[kind] ?? 0) + n;
    };

  let out = text;
  // Literal contacts first: a known phone number in an odd format would slip past the pattern.
  for (const known of identity.emails ?? []) out = replaceLiteral(out, known, '[email]', counter('email'));
  for (const known of identity.phones ?? []) out = replaceLiteral(out, known, '[phone]', counter('phone'));
  for (const redactor of contactRedactors) out = redactor.apply(out, counter(redactor.kind));
  out = maskNames(out, [...(identity.names ?? []), ...namesFromHeader(out)], counter('name'));
  for (const redactor of proxyRedactors) out = redactor.apply(out, counter(redactor.kind));
  out = out.replace(/\[name\](?:[ \t,]+\[name\])+/g, '[name]').replace(/[ \t]{2,}/g, ' ');
  return { text: out, redactions };
}

// A line blinding left with nothing but masks and separators ("[name]", "[email] · [phone]"): a quote of the
// person's work reads better without it.
const onlyMasks = /^[\s·|,;:•–—-]*(?:\[[a-z ]+\][\s·|,;:•–—-]*)+$/;

/** The blinded text without lines that hold only masks, for quoting as evidence (never for scoring). */
export function withoutMaskOnlyLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !onlyMasks.test(line))
    .join('\n');
}

export type CandidateSources = {
  personId: string;
  /** Extracted resumes, failures included: they are reported, never scored as empty. */
  resumes?: ExtractionResult[];
  /** Plain resume text that did not come from a file (a pasted resume, an application answer). */
  resumeText?: string;
  profile?: SourceProfile;
  identity?: KnownIdentity;
};

export type PreparedCandidate =
  | { ok: true; candidate: BlindedCandidate; documentFailures: ExtractionFailure[] }
  | {
      ok: false;
      personId: string;
      reason: 'no-readable-documents';
      documentFailures: ExtractionFailure[];
      message: string;
    };

/** Joins a person's readable documents and blinds them. A person with nothing readable is a failure, not an empty text. */
/** Characters of a person's text that are blinded and scored. */
export const scoredTextChars = 100_000;

export function blindCandidate(sources: CandidateSources): PreparedCandidate {
  const documentFailures = (sources.resumes ?? []).filter((r): r is ExtractionFailure => !r.ok);
  const parts = [
    ...(sources.resumes ?? []).flatMap((r) => (r.ok ? [r.text] : [])),
    ...(sources.resumeText?.trim() ? [sources.resumeText.trim()] : []),
    ...(sources.profile ? [profileToText(sources.profile)] : []),
  ].filter((part) => part.trim().length > 0);

  if (parts.length === 0) {
    const why = documentFailures.map((f) => f.message).join('; ');
    return {
      ok: false,
      personId: sources.personId,
      reason: 'no-readable-documents',
      documentFailures,
      message: `Nothing to score for person ${sources.personId}: ${why || 'no resume, text or profile was given'}`,
    };
  }

  const original = parts.join('\n\n');
  // What is scored is bounded whatever the source (a listed person's text is not a read file, which the
  // resume reader cuts at this same length): far more than any real resume, and a bound on every reader of it.
  const scored = original.length > scoredTextChars ? original.slice(0, scoredTextChars) : original;
  const profile = sources.profile;
  const identity: KnownIdentity = {
    names: [...(sources.identity?.names ?? []), ...(profile?.name ? [profile.name] : [])],
    emails: [...(sources.identity?.emails ?? []), ...(profile?.emails ?? [])],
    phones: [...(sources.identity?.phones ?? []), ...(profile?.phones ?? [])],
  };
  const blinded = blindText(scored, identity);
  if (profile?.photoUrl) blinded.redactions.photo = (blinded.redactions.photo ?? 0) + 1;
  if (profile?.links?.length) blinded.redactions.link = (blinded.redactions.link ?? 0) + profile.links.length;

  return {
    ok: true,
    documentFailures,
    candidate: {
      personId: sources.personId,
      text: blinded.text,
      redactions: blinded.redactions,
      original: { text: original, ...(profile ? { profile } : {}) },
    },
  };
}

function maskNames(text: string, names: string[], count: (n?: number) => void): string {
  const tokens = new Set<string>();
  for (const name of names) {
    for (const token of name.split(/[\s,]+/)) {
      const clean = token.replace(/^[("'“]+|[)"'”.,]+$/g, '');
      if (clean.length >= 2 && !/\d/.test(clean) && !nameParticle.test(clean)) tokens.add(clean);
    }
  }
  let out = text;
  // Full names first, then single tokens, so "Jamal Jones" becomes one [name] rather than two.
  for (const name of names.filter((n) => n.trim().split(/\s+/).length > 1)) {
    const words = name
      .trim()
      .split(/[\s,]+/)
      .map(escapeRegExp)
      .join('[\\s,]+');
    out = replaceAll(
      out,
      new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu'),
      '[name]',
      count,
    );
  }
  for (const token of [...tokens].sort((a, b) => b.length - a.length)) {
    // A surname that is also a skill ("Ruby", "Scala") is only masked where it was part of the full name.
    if (isDictionaryTerm(token)) continue;
    // A single name word followed by a state or country is a town ("Austin, TX", "Florence, Italy"): a
    // job's location requirement needs it, and it says nothing of who the person is.
    out = out.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(token)}(?![\\p{L}\\p{N}])`, 'giu'),
      (match, offset: number, whole: string) => {
        if (townFollows.test(whole.slice(offset + match.length, offset + match.length + 40))) return match;
        count();
        return '[name]';
      },
    );
  }
  return out;
}

// Case-sensitive on purpose: "Austin, TX" is a town, "Austin in the team" is not.
const townFollows = new RegExp(
  `^,?\\s+(?:${usStates}|USA|US|United States|Canada|Mexico|UK|United Kingdom|England|Ireland|Germany|France|Spain|Italy|Portugal|Netherlands|Belgium|Switzerland|Austria|Poland|Sweden|Norway|Denmark|Finland|Brazil|Argentina|Colombia|Chile|Peru|India|China|Japan|Australia|New Zealand|South Africa|Nigeria|Kenya|Philippines|Vietnam)\\b`,
);

/**
 * Resumes open with the person's name: the first line, unless it is a "Resume" heading, if it reads like a name.
 * Written the many ways people write it: "Nguyen, Thi Minh Anh" (surname first), "de los Santos, Marisol"
 * (particles), "KOWALCZYK, Brianna M., BSN, RN" (initials and letters after the name), "Margaret "Maggie"
 * O'Sullivan" and "NOWICKI, Grzegorz ("Greg")" (a name they go by). Returns the name as written and in
 * reading order.
 */
function namesFromHeader(text: string): string[] {
  const firstLines = text
    .split('\n', 4)
    .map((l) => l.trim())
    .filter((l) => l && !/^(?:resume|résumé|curriculum vitae|cv)$/i.test(l));
  const line = firstLines[0] ?? '';
  const labelled = /^(?:name|full name)\s*:\s*(.+)$/i.exec(line);
  const header = (labelled?.[1] ?? line).split(/\s[|•·–—-]\s/)[0]?.trim() ?? '';
  const parts = header
    .slice(0, 300)
    .split(',')
    .map((p) => p.trim());
  // Letters after a name: known ones always, other capitals only when more than one part follows the name.
  while (
    parts.length > 1 &&
    (postNominal.test(parts.at(-1)!) ||
      (parts.length > 2 && /^[\p{Lu}][\p{Lu}.-]{1,6}$/u.test(parts.at(-1)!)))
  )
    parts.pop();
  const named = parts.slice(0, 2).join(', ');
  const goesBy = [...named.matchAll(goesByPattern)].map((m) => (m[1] ?? m[2] ?? '').trim());
  if (!goesBy.every((g) => g.split(/\s+/).every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w)))) return [];
  const [first = '', second] = named
    .replace(goesByPattern, ' ')
    .split(',')
    .map((p) => p.replace(/\s+/g, ' ').replace(rank, '').trim());
  // "Nguyen, Thi Minh Anh" is surname first; "Denise Carlisle, Hazleton, PA" is a name, then a town.
  const readings = parts.length === 2 ? [{ name: `${second} ${first}`, asWritten: named }] : [];
  readings.push({ name: first, asWritten: named.split(',')[0]!.replace(rank, '').trim() });
  const reading = readings.find(({ name }) => looksLikeName(name));
  return reading ? [...new Set([reading.asWritten, reading.name, ...goesBy])] : [];
}

/** A rank or title before a name ("CPT Jamal Whitfield", "Dr. Ana Ruiz") is not part of it: "CPT" is also a code set. */
const rank = /^(?:Dr|Prof|Capt|CPT|SGT|SSG|SFC|MSG|Sgt|LT|1LT|2LT|MAJ|Maj|COL|Col|CDR|LCDR|Cpl|CPL)\.?\s+/;

/** "Maggie" in `Margaret "Maggie" O'Sullivan`, "Greg" in `Grzegorz ("Greg")`, "Ngoc Tran" in "(Ngoc Tran)". */
const goesByPattern = /\(\s*["“]?([^"”()]{1,40}?)["”]?\s*\)|["“]([^"”]{1,40})["”]/g;

function looksLikeName(candidate: string): boolean {
  const words = candidate.split(/\s+/).filter(Boolean);
  // A particle joins the words after it ("de la Cruz"); last, it is a name ("Priyanka Das").
  const named = words.filter((w, i) => !(nameParticle.test(w) && i < words.length - 1) && !initial.test(w));
  return (
    named.length >= 2 &&
    words.length <= 7 &&
    words.every((w) => nameParticle.test(w) || /^[\p{Lu}][\p{L}'’-]*\.?$/u.test(w)) &&
    !notNameWords.test(candidate) &&
    detectTitles(candidate).length === 0 &&
    // "Harold Jenkins" and "Ruby Chen" are people; "Python Django" and "Customer Success" are not.
    !named.every((w) => isDictionaryTerm(w)) &&
    !detectSkills(candidate).some((skill) => skill.mentions.some((m) => /\s/.test(m.matched)))
  );
}

/** Letters after a name ("BSN", "RN", "CPA", "Ph.D.", "CMA (AAMA)"): credentials, kept for the scorer. */
const postNominal =
  /^(?:RN|LPN|LVN|BSN|MSN|DNP|APRN|NP|CNA|CMA|RMA|CPhT|PharmD|MD|DO|DDS|DMD|RDH|DPT|PT|OTR\/L|CPA|CFA|CIA|CISA|EA|MBA|MPA|MPH|MS|MSc|MA|BA|BS|BSc|MEng|PhD|Ph\.D\.|EdD|JD|Esq\.?|PE|P\.E\.|PMP|SHRM-[A-Z]{2,3}|PHR|SPHR|CSCP|CPIM|CISSP|Jr\.?|Sr\.?|II|III|IV)(?:\s*\([\p{Lu}.&\s]{2,12}\))?$/u;
const initial = /^[\p{Lu}]\.?$/u;

const nameParticle =
  /^(?:de|del|della|der|den|di|da|das|do|dos|du|la|las|le|los|van|von|y|e|al|el|bin|ibn|ben|mac|st\.?)$/i;

function isDictionaryTerm(token: string): boolean {
  return detectSkills(token).length > 0;
}

function maskEducationYears(text: string, count: (n?: number) => void): string {
  let inEducation = false;
  return text
    .split('\n')
    .map((line) => {
      if (sectionHeading.test(line)) inEducation = educationHeading.test(line);
      if (!inEducation && !educationWords.test(line) && !degreeAbbreviations.test(line)) return line;
      return replaceAll(
        line,
        /(?=['\d])(?:(?<!\d)(?:19|20)\d\d(?!\d)|(?<=class of\s+)'?\d\d\b|(?<=\s)'\d\d\b)/gi,
        '[year]',
        count,
      );
    })
    .join('\n');
}

// Which college someone went to is a proxy for race, class and age (HBCUs, women's colleges); what they
// studied stays. Only on education lines, so an employer ("North High School") and its level stay.
const institution =
  /(?:(?:[\p{Lu}][\p{L}'’&.-]{0,40}|of|the|at|and|for|de|del|da|do|di|la)[ \t]+){0,6}(?:University|College|Institute|Academy|Polytechnic|Universidad|Universität|Université|Universidade|Università|Hochschule|Politécnico|Politecnico)\b(?:[ \t]+(?:of|at|for|in|de|del|da|do|di)[ \t]+(?:the[ \t]+)?[\p{Lu}][\p{L}'’.-]*(?:[ \t]+[\p{Lu}][\p{L}'’.-]*){0,3})?(?:[ \t]+[\p{Lu}][\p{L}'’.-]*){0,2}/gu;
const degreeLine =
  /\b(?:bachelor'?s?|master'?s|masters|degree|diploma|graduated|graduation|class of|gpa|alumn\p{L}+|licenciad\p{L}*|máster|ph\.?d|doctor of)\b/iu;

function maskSchools(text: string, count: (n?: number) => void): string {
  let inEducation = false;
  return text
    .split('\n')
    .map((line) => {
      if (sectionHeading.test(line)) inEducation = educationHeading.test(line);
      if (!inEducation && !degreeLine.test(line) && !degreeAbbreviations.test(line)) return line;
      return line.replace(institution, (match) => {
        // "B.S. Computer Science, University of Illinois" keeps "B.S. Computer Science".
        if (!/[\p{Lu}]/u.test(match)) return match;
        count();
        return '[school]';
      });
    })
    .join('\n');
}

// Affinity groups, religious bodies and similar memberships say which group someone belongs to and nothing a
// job needs ("Society of Women Engineers", "Deacon, First Baptist Church"): the whole name goes.
const affinityGroup =
  /(?:(?:[\p{Lu}][\p{L}'’&.-]{0,40}|of|for|the|and|in|who)[ \t]+){0,6}(?:Women'?s?|Girls|Black|Latin[ao]s?|Latinx|Hispanic|LGBTQ?I?A?\+?|Queer|Pride|Lesbians?|Gay|Transgender|Muslims?|Islamic|Christians?|Catholics?|Jewish|Hindus?|Sikhs?|Buddhists?|Baptist|Methodist|Lutheran|Presbyterian|Evangelical|Mormon|Hillel|Chabad|Church|Mosque|Synagogue|Parish|Ministry|Ministries|Veterans?|Asian American|Native American|Indigenous|Deaf)(?![\p{L}])(?:'s)?(?:[ \t]+(?:[\p{Lu}][\p{L}'’&.-]*|of|in|for|and|the|who|&)(?![\p{L}]))*/gu;

function replaceLiteral(text: string, literal: string, mask: string, count: (n?: number) => void): string {
  const trimmed = literal.trim();
  if (trimmed.length < 4) return text;
  return replaceAll(text, new RegExp(escapeRegExp(trimmed), 'gi'), mask, count);
}

function nthLineEnd(text: string, n: number): number {
  let index = -1;
  for (let i = 0; i < n; i++) {
    index = text.indexOf('\n', index + 1);
    if (index === -1) return text.length;
  }
  return index;
}
