// Where a recruiter's browser opens Greenhouse. Accounts live on more than one host (US:
// app.greenhouse.io, EU: app.eu.greenhouse.io), so links to a person are built from the connection's own
// web address, never from a host written into the code.

const DEFAULT_WEB_URL = 'https://app.greenhouse.io';

/**
 * The web address that goes with a Harvest URL, as a first guess for the connection form: Greenhouse
 * names its hosts in pairs (harvest.eu.greenhouse.io ↔ app.eu.greenhouse.io). Anything else — a proxy,
 * the sandbox — gets the US address, which the admin can change.
 */
export function greenhouseWebUrlFor(apiUrl: string): string {
  let host: string;
  try {
    host = new URL(apiUrl).hostname.toLowerCase();
  } catch {
    return DEFAULT_WEB_URL;
  }
  const paired = /^harvest\.((?:[a-z0-9-]+\.)*)greenhouse\.io$/.exec(host);
  return paired ? `https://app.${paired[1]}greenhouse.io` : DEFAULT_WEB_URL;
}

/**
 * An admin's entry for the web address, as the origin links are built on; or why it cannot be one.
 * Only the address is taken — a path would be silently dropped from every link, so it is refused.
 */
export function parseGreenhouseWebUrl(
  input: string,
): { ok: true; url: string } | { ok: false; error: string } {
  const example = 'e.g. https://app.greenhouse.io, or https://app.eu.greenhouse.io for an EU account';
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: `Enter the address your team opens Greenhouse at, ${example}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: `The Greenhouse address starts with https://, ${example}.` };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return {
      ok: false,
      error: `Enter only the address, without a page, sign-in or anything after it: ${url.origin}.`,
    };
  return { ok: true, url: url.origin };
}

/** A person's profile in Greenhouse, on the account's own host. */
export function greenhouseProfileUrl(webUrl: string, candidateId: number): string {
  return `${webUrl.replace(/\/+$/, '')}/people/${candidateId}`;
}
