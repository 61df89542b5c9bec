import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen } from '../../../web/components/when';
import { TIME_ZONE_COOKIE, timeZoneFrom } from '../../../web/server/time-zone';

describe('dates are shown in the reader’s time zone', () => {
  const at = '2026-12-04T23:30:00.000Z';

  it('one format, moved to the zone: a late evening in UTC is the next morning in Tokyo', () => {
    expect(formatWhen(at, 'UTC')).toBe('4 Dec 2026, 23:30');
    expect(formatWhen(at, 'Asia/Tokyo')).toBe('5 Dec 2026, 08:30');
    expect(formatWhen(at, 'America/Los_Angeles')).toBe('4 Dec 2026, 15:30');
    expect(formatDay(at, 'Asia/Tokyo')).toBe('5 Dec 2026');
    expect(formatWhen(null, 'Asia/Tokyo')).toBe('—');
  });

  it('the zone is read from the browser’s cookie', () => {
    const cookie = `ph_session=abc; ${TIME_ZONE_COOKIE}=${encodeURIComponent('America/Los_Angeles')}; other=1`;
    expect(timeZoneFrom(cookie)).toBe('America/Los_Angeles');
  });

  it('without the cookie, or with anything that is not a zone, dates are in UTC', () => {
    expect(timeZoneFrom(null)).toBe('UTC');
    expect(timeZoneFrom('ph_session=abc')).toBe('UTC');
    expect(timeZoneFrom(`${TIME_ZONE_COOKIE}=Mars%2FOlympus_Mons`)).toBe('UTC');
    expect(timeZoneFrom(`${TIME_ZONE_COOKIE}=%E0%A4%A`)).toBe('UTC');
    expect(timeZoneFrom(`${TIME_ZONE_COOKIE}=${'A'.repeat(5000)}`)).toBe('UTC');
  });
});
