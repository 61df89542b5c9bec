import { describe, expect, it } from 'vitest';
import { blindText, trainJobProfile } from '../../../matching';
import { createLocalScorer } from '../../../matching/local-scorer';

// Resumes and job posts are written by anyone. Each text below made one pattern of the reader rescan the rest
// of the text from every position (a run with no terminator, openers with no closer): 200 000 characters
// took from 7 s to over a minute. Each is now read to the end; `npm run bench:pathological` prints times.

const size = 200_000;
const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const train = (content: string, title = 'Welder') =>
  trainJobProfile({
    job: { jobId: 'w', title: 'Welder', offices: ['Houston, TX'] },
    post: { title, content },
  });
const welder = train('<h3>Requirements</h3><ul><li>Python</li><li>MIG welding</li></ul>');
const score = (text: string) =>
  createLocalScorer().scoreWithDetails(welder, [{ personId: 'p', text }], {
    asOf: new Date('2025-07-01'),
  })[0]!;

describe('blinding a crafted resume', () => {
  it.each([
    ['a run of hyphenated letters, as a web address would start', fill('a-')],
    ['"age" then a run of form feeds', `age${fill('\f')}x`],
    ['"zip" then a run of form feeds', `zip${fill('\f')}!`],
    ['an education line of spaces', `university${fill(' ')}x`],
    ['an education line of capitals', `degree ${fill('A')}`],
    ['a line of capitals, as a society name would start', `x ${fill('A')}`],
  ])('reads %s to the end', (_what, text) => {
    expect(blindText(text).text.slice(-1)).toBe(text.slice(-1));
  });

  it('still masks what those patterns are for', () => {
    const { text } = blindText(
      'Age: 34 · zip: 73301 · portfolio ada-lovelace.dev/work\nBSc, Howard University (2012)\nMember, Society of Women Engineers',
    );
    expect(text).not.toMatch(/34|73301|ada-lovelace|Howard|Women/);
  });
});

describe('training a profile from a crafted post', () => {
  it.each([
    ['a bold paragraph followed by a run of spaces', `<p><b>x</b>${fill(' ')}y`],
    ['an unclosed bold lead-in of spaces', `<p><b>xx${fill(' ')}y`],
    ['a bold lead-in followed by a run of spaces', `<p><b>ab</b>${fill(' ')}y`],
    ['a requirement of commas between two skills', `<h3>Requirements</h3><p>Python${fill(',')}x Java</p>`],
    ['a requirement of opening parentheses', `<h3>Requirements</h3><p>${fill('(')}</p>`],
    ['a requirement of filler words', `<h3>Requirements</h3><p>${fill('a ')}zzz</p>`],
    [
      'a character reference past Unicode',
      '<h3>Requirements</h3><ul><li>Welding &#99999999; &#x110000;</li></ul>',
    ],
  ])('reads %s to the end', (_what, content) => {
    expect(train(content).requirements.map((r) => r.kind)).toContain('title');
  });

  it('reads the first 200 000 characters of a 5 MB post', () => {
    const content = `<h3>Requirements</h3><ul><li>MIG welding</li></ul><p>${'B2B SaaS sales '.repeat(350_000)}</p><ul><li>Kubernetes</li></ul>`;
    const labels = train(content).requirements.map((r) => r.label.toLowerCase());
    expect(labels.join(' | ')).toContain('mig');
    expect(labels.join(' | ')).not.toContain('kubernetes');
  });

  it('reads a title of opening parentheses', () => {
    expect(train('<ul><li>Welding</li></ul>', fill('(')).requirements[0]?.kind).toBe('title');
  });

  it('still reads the lead-ins, lists and asides those patterns are for', () => {
    const profile = train(
      '<p><strong>Requirements:</strong></p><ul><li>Python or Java (or both)</li></ul><p><b>Nice to have:</b> Go</p>',
    );
    expect(profile.requirements.map((r) => [r.label, r.importance])).toEqual(
      expect.arrayContaining([
        ['Python or Java', 'must'],
        ['Go', 'nice'],
      ]),
    );
  });
});

describe('scoring a crafted resume', () => {
  it.each([
    ['a line of one skill repeated', fill('python ')],
    ['a skills line of one skill repeated', `Skills: ${fill('python ')}`],
    ['a run of month names', fill('jan')],
  ])('reads %s to the end', (_what, text) => {
    expect(score(text).requirements.length).toBe(welder.requirements.length);
  });
});
