import { describe, expect, it } from 'vitest';
import { greenhouseProfileUrl, greenhouseWebUrlFor, parseGreenhouseWebUrl } from '../../../greenhouse';

describe('where a recruiter opens Greenhouse', () => {
  it('guesses the web address that goes with the Harvest URL: EU with EU, US otherwise', () => {
    expect(greenhouseWebUrlFor('https://harvest.eu.greenhouse.io/v3')).toBe('https://app.eu.greenhouse.io');
    expect(greenhouseWebUrlFor('https://harvest.greenhouse.io/v3')).toBe('https://app.greenhouse.io');
    // A proxy or the sandbox says nothing about the account's host: the US one, for the admin to change.
    expect(greenhouseWebUrlFor('http://127.0.0.1:4010/v3')).toBe('https://app.greenhouse.io');
    expect(greenhouseWebUrlFor('not a url')).toBe('https://app.greenhouse.io');
    // Only Greenhouse's own hosts are paired: a look-alike domain is not.
    expect(greenhouseWebUrlFor('https://harvest.eu.greenhouse.io.evil.example/v3')).toBe(
      'https://app.greenhouse.io',
    );
  });

  it('links a person on the account’s own host', () => {
    expect(greenhouseProfileUrl('https://app.eu.greenhouse.io', 4711)).toBe(
      'https://app.eu.greenhouse.io/people/4711',
    );
    expect(greenhouseProfileUrl('http://127.0.0.1:4010/', 4711)).toBe('http://127.0.0.1:4010/people/4711');
  });

  it('takes an admin’s address as typed, trailing slash or not', () => {
    expect(parseGreenhouseWebUrl(' https://app.eu.greenhouse.io/ ')).toEqual({
      ok: true,
      url: 'https://app.eu.greenhouse.io',
    });
    expect(parseGreenhouseWebUrl('http://127.0.0.1:4010')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4010',
    });
  });

  it('refuses what would make broken links, saying what to type instead', () => {
    const refused = (input: string) => {
      const parsed = parseGreenhouseWebUrl(input);
      if (parsed.ok) throw new Error(`${input} was accepted`);
      return parsed.error;
    };
    expect(refused('app.eu.greenhouse.io')).toContain('https://app.eu.greenhouse.io for an EU account');
    expect(refused('ftp://app.greenhouse.io')).toContain('starts with https://');
    expect(refused('https://app.eu.greenhouse.io/people/12')).toBe(
      'Enter only the address, without a page, sign-in or anything after it: https://app.eu.greenhouse.io.',
    );
    expect(refused('https://me:pw@app.greenhouse.io')).toContain('only the address');
  });
});
