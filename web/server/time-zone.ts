/** The cookie the browser reports its time zone in (set by the root component, read by the root loader). */
export const TIME_ZONE_COOKIE = 'ph_tz';

/**
 * The reader's IANA time zone from the request's cookie, or UTC when there is none or it is not a zone
 * this runtime knows (the cookie is the browser's word, never trusted to be well-formed).
 */
export function timeZoneFrom(cookieHeader: string | null): string {
  const raw = cookieHeader
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${TIME_ZONE_COOKIE}=`))
    ?.slice(TIME_ZONE_COOKIE.length + 1);
  if (!raw || raw.length > 64) return 'UTC';
  let zone: string;
  try {
    zone = decodeURIComponent(raw);
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    return 'UTC';
  }
  return zone;
}
