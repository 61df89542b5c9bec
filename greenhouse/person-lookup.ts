import type { HarvestClient } from './client';
import { candidateLinkedInUrls, normalizeLinkedInUrl } from './linkedin-url';
import type { Candidate } from './schemas/candidates';

export interface PersonKeys {
  emails?: readonly string[];
  linkedInUrl?: string;
}

export interface PersonMatch {
  candidate: Candidate;
  matchedBy: ('email' | 'linkedin')[];
}

/**
 * Everyone in Greenhouse who is this person by email or LinkedIn URL, best match first.
 *
 * Email uses `GET /candidates?email=` (exact, case-insensitive; not unique, so several people may
 * come back). LinkedIn has no filter in the public API: we ask `/candidates/search` for the
 * profile handle and keep only candidates whose social/website URLs normalize to the same
 * profile. (That endpoint is documented as reserved for Greenhouse's MCP clients; if Greenhouse
 * closes it, LinkedIn matching degrades to email only and this function still answers.)
 */
export async function findPeople(client: HarvestClient, keys: PersonKeys): Promise<PersonMatch[]> {
  const matches = new Map<number, PersonMatch>();
  const add = (candidate: Candidate, how: 'email' | 'linkedin') => {
    const match = matches.get(candidate.id) ?? { candidate, matchedBy: [] };
    if (!match.matchedBy.includes(how)) match.matchedBy.push(how);
    matches.set(candidate.id, match);
  };

  const emails = [...new Set((keys.emails ?? []).map((email) => email.trim().toLowerCase()).filter(Boolean))];
  for (const email of emails) {
    for await (const candidate of client.listCandidates({ email })) add(candidate, 'email');
  }

  const profile = keys.linkedInUrl ? normalizeLinkedInUrl(keys.linkedInUrl) : undefined;
  if (profile) {
    const handle = profile.split('/').slice(2).join('/');
    try {
      for await (const candidate of client.searchCandidates({ search: handle, per_page: 100 })) {
        if (candidateLinkedInUrls(candidate).includes(profile)) add(candidate, 'linkedin');
      }
    } catch (error) {
      // Search may be unavailable to partner credentials (403/404): fall back to email matches.
      if (!(isHttpStatus(error, 403) || isHttpStatus(error, 404))) throw error;
    }
  }

  return [...matches.values()].sort(byBestMatch);
}

export interface NameKeys {
  firstName: string;
  lastName: string;
  company: string | null | undefined;
  title: string | null | undefined;
}

/** A Greenhouse candidate who may be this person: a suggestion for a recruiter, never a link. */
export interface PossibleMatch {
  candidateId: number;
  matchedBy: ['name', 'company', 'title'];
}

/**
 * Greenhouse candidates with the same name, company and title as someone who has no email or LinkedIn
 * match. Names are not identities (two Maria Garcias may well both be engineers at one company), so
 * callers show these as "possible match in Greenhouse" and never link or export on them. Without a
 * company and a title there is nothing to go on, and nothing is suggested.
 */
export async function findPossibleMatches(client: HarvestClient, keys: NameKeys): Promise<PossibleMatch[]> {
  const first = normalizeName(keys.firstName);
  const last = normalizeName(keys.lastName);
  const company = normalizeName(keys.company ?? '');
  const title = normalizeName(keys.title ?? '');
  if (!first || !last || !company || !title) return [];
  const found: PossibleMatch[] = [];
  try {
    for await (const candidate of client.searchCandidates({
      search: `${keys.firstName.trim()} ${keys.lastName.trim()}`,
      per_page: 100,
    })) {
      if (
        normalizeName(candidate.first_name ?? '') === first &&
        normalizeName(candidate.last_name ?? '') === last &&
        normalizeName(candidate.company ?? '') === company &&
        normalizeName(candidate.title ?? '') === title &&
        !found.some((match) => match.candidateId === candidate.id)
      ) {
        found.push({ candidateId: candidate.id, matchedBy: ['name', 'company', 'title'] });
      }
    }
  } catch (error) {
    if (!(isHttpStatus(error, 403) || isHttpStatus(error, 404))) throw error;
  }
  return found.sort((a, b) => a.candidateId - b.candidateId);
}

/** Case, accents, punctuation and spacing do not make two names different. */
function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Both keys beat one; then the most recently active person; then the oldest record. */
function byBestMatch(a: PersonMatch, b: PersonMatch): number {
  if (a.matchedBy.length !== b.matchedBy.length) return b.matchedBy.length - a.matchedBy.length;
  const activity = (b.candidate.last_activity_at ?? '').localeCompare(a.candidate.last_activity_at ?? '');
  return activity !== 0 ? activity : a.candidate.id - b.candidate.id;
}

function isHttpStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === status;
}
