import type { TitleEntry } from './data/title-aliases';
import { seniorityOf, titleFamilyMention, titleTerms } from './dictionary';
import { splitPostSections } from './job-post-html';
import { learnFromOutcomes, type Outcome } from './learn-from-outcomes';
import { skillRequirements, yearsPattern, yearsRequired } from './post-skills';
import { versionProfile } from './profile-version';
import { tokenize, withoutAsides } from './text';
import {
  jobDataSchema,
  jobPostSchema,
  type JobData,
  type JobPost,
  type JobProfile,
  type Requirement,
  type SeniorityLevel,
  type WorkArrangement,
} from './types';

// Starting weights before any outcome is known; skill weights are in post-skills.ts.
const weights = {
  title: 4,
  seniority: 2,
  years: 2,
  location: 2,
  remote: 0.5,
};

/** Characters of a post's HTML that are read. */
const postChars = 200_000;

const remoteWords = /\b(remote|work from (home|anywhere)|distributed team|remote-first|fully remote)\b/i;
// "Hybrid" as a way of working ("hybrid from our Seattle office", "Hybrid: three days", "(hybrid)"), not a
// thing the work has: a cath lab's "hybrid OR" made an on-site nurse's post "Hybrid in Omaha".
const hybridWords =
  /\bhybrid\b(?=\s*(?:[:),.;–-]|$|(?:from|in|at|with|within|schedule|role|position|work\w*|arrangement|setup|option)\b))/i;

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
  // A real post is a few kilobytes; what is read of one is bounded, since anyone who may edit a job in
  // Greenhouse writes it.
  const sections = splitPostSections(post.content.slice(0, postChars));
  const title = post.title || job.title;

  const requirements: Requirement[] = [];
  const named = titleFamilyMention(title) ?? titleFamilyMention(job.title);
  const family = named?.entry;
  // A title the dictionary does not know is matched as written, without its level, team or the languages it
  // asks for ("Senior Registered Nurse, ICU" → "registered nurse"; "Bilingual Teller (English/Spanish)" →
  // "teller": the language is a requirement of its own, read from the title by skillRequirements).
  const bareTitle =
    withoutAsides(title, '')
      .replace(/\b(bilingual|(?:spanish|french|mandarin)[- ]speaking)\s+/gi, '')
      .split(/,| - | – /)[0]
      ?.replace(/\b(senior|sr\.?|junior|jr\.?|staff|lead|principal|head of|associate)\s+/gi, '')
      .trim() || title;
  requirements.push({
    id: `title:${family?.id ?? slug(bareTitle)}`,
    kind: 'title',
    label: named ? titleLabel(named.entry, named.written) : bareTitle,
    importance: 'must',
    weight: weights.title,
    origin: { section: 'title', line: title },
    // A title the trade chose the family for ("Area Manager" of a ship dock) is also met as written.
    terms: named
      ? [...new Set([...titleTerms(named.entry), ...(named.byTrade ? [named.written.toLowerCase()] : [])])]
      : [bareTitle.toLowerCase()],
    related: family?.related ?? [],
  });

  const mustLines = sections.filter((s) => s.kind === 'must-have').flatMap((s) => s.lines);
  const minYears = yearsRequired(
    mustLines,
    sections.filter((s) => s.kind === 'intro').flatMap((s) => s.lines),
  );
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
 * A title requirement speaks the post's words when they name the family by another title of several words: a
 * Technical Account Manager's post asks for a "Technical Account Manager", not the family's "Customer Success
 * Manager". An abbreviation ("RN, ICU") reads better under the family's name ("Registered Nurse").
 */
function titleLabel(family: TitleEntry, written: string): string {
  const words = written.trim().split(/\s+/);
  // A title turned around ("Software Engineer, Backend") is the family's name said another way.
  if (words.length < 2 || written.includes(',') || written.toLowerCase() === family.label.toLowerCase())
    return family.label;
  return words
    .map((w) => (/[A-Z]/.test(w) || /^(?:of|and|for|the|in|to|at|a|&)$/.test(w) ? w : capitalise(w)))
    .join(' ');
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

/**
 * At most this many post keywords: far more than a real post has (the labelled posts give 13–147), so it only
 * bounds the query a hostile post can make.
 */
const maxPostKeywords = 300;

/**
 * Words from the post's requirement and duty lines that the dictionary does not cover ("payments", "latency"),
 * all of them, most frequent first. Once it kept the 30 most frequent: in a long post that dropped the words it
 * names once ("FloQast", "SNOMED", "Develocity"), the rarest among resumes and so the ones BM25 weighs most.
 */
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
    .slice(0, maxPostKeywords)
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
