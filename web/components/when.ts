import { createContext, useContext, useMemo } from 'react';

/**
 * Every date on every screen in one format ("4 Dec 2026, 14:28"), in the time zone of the person
 * reading it. The zone comes from the root loader (the browser's own zone, reported in a cookie) through
 * TimeZoneContext, so the server and the browser render the same text.
 */
export function formatWhen(iso: string | null | undefined, timeZone: string = 'UTC'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? '—'
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

/** A day without the time, in the same format and zone as formatWhen: "10 Dec 2026". */
export function formatDay(iso: string | null | undefined, timeZone: string = 'UTC'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? '—'
    : date.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone });
}

/** The reader's time zone, as the root loader decided it (UTC outside the app, e.g. in a test render). */
export const TimeZoneContext = createContext('UTC');

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** formatWhen and formatDay bound to the reader's time zone. */
export function useWhen() {
  const timeZone = useTimeZone();
  return useMemo(
    () => ({
      when: (iso: string | null | undefined) => formatWhen(iso, timeZone),
      day: (iso: string | null | undefined) => formatDay(iso, timeZone),
      timeZone,
    }),
    [timeZone],
  );
}
