import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../../../web/server/safe-redirect';

const origin = 'https://pilothouse.example.com';

describe('where sign-in sends you afterwards', () => {
  it('a page of this app, with its query, is where you go', () => {
    expect(safeRedirect('/jobs/42?stage=sourced', origin)).toBe('/jobs/42?stage=sourced');
    expect(safeRedirect('/approvals#next', origin)).toBe('/approvals#next');
  });

  it.each([
    ['/\\evil.example', 'a backslash browsers read as //'],
    ['/%5Cevil.example'.replace('%5C', '\\'), 'the decoded form of /%5Cevil.example'],
    ['//evil.example/jobs', 'a protocol-relative URL'],
    ['/\t/evil.example', 'a tab browsers drop'],
    ['https://evil.example/', 'another origin'],
    ['javascript:alert(1)', 'a script URL'],
    ['http://pilothouse.example.com/jobs', 'this host over another scheme'],
  ])('%s (%s) goes to the jobs list instead', (to) => {
    expect(safeRedirect(to, origin)).toBe('/jobs');
  });

  it('nothing given: the jobs list', () => {
    expect(safeRedirect(undefined, origin)).toBe('/jobs');
    expect(safeRedirect('', origin)).toBe('/jobs');
  });
});
