/**
 * One canonical spelling per LinkedIn profile, so `https://www.linkedin.com/in/Jane-Doe/?trk=x`,
 * `http://uk.linkedin.com/in/jane-doe` and `linkedin.com/in/jane-doe` all compare equal:
 * `linkedin.com/in/jane-doe`. Undefined for anything that is not a profile URL.
 */
export function normalizeLinkedInUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => safeDecode(segment).toLowerCase());
  const [kind, handle] = segments;
  if ((kind !== 'in' && kind !== 'pub') || !handle) return undefined;
  // Old /pub/ URLs carry extra path segments that are part of the identity.
  const identity = kind === 'pub' ? segments.slice(1).join('/') : handle;
  return `linkedin.com/${kind}/${identity}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The LinkedIn profiles a candidate lists, normalized (Greenhouse keeps them in social and website lists). */
export function candidateLinkedInUrls(candidate: {
  social_media_addresses?: readonly { value: string }[];
  website_addresses?: readonly { value: string }[];
}): string[] {
  const values = [...(candidate.social_media_addresses ?? []), ...(candidate.website_addresses ?? [])];
  return [
    ...new Set(values.map((entry) => normalizeLinkedInUrl(entry.value)).filter((url) => url !== undefined)),
  ];
}
