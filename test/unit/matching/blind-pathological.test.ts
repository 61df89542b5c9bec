import { describe, expect, it } from 'vitest';
import { blindCandidate, blindText } from '../../../matching';
import { tokenResume, unclosedImagesResume } from '../../fixtures/pathological-inputs';

// The email pattern restarted at every character of a long run without an @: one 1 M-character token
// held the event loop for about 20 minutes (`npm run bench:pathological` prints the figures).
describe('blinding crafted resumes', () => {
  it('blinds a resume that is one 1 M-character token', () => {
    const { text, redactions } = blindText(tokenResume());
    expect(text).toHaveLength(tokenResume().length);
    expect(redactions.email ?? 0).toBe(0);
  });

  it('still finds the addresses among long runs of address characters', () => {
    const run = 'x.'.repeat(50_000);
    const { text, redactions } = blindText(
      `${run} ada.lovelace+cv@mail.example.org, ${run}@nodomain and bob@ex.io`,
    );
    expect(text).toContain('[email], ');
    expect(text).toContain('@nodomain and [email]');
    expect(text).not.toMatch(/lovelace|bob@/);
    expect(redactions.email).toBe(2);
  });

  it('blinds a resume of 100 000 unclosed image openers, and still drops a real image', () => {
    const { text } = blindText(unclosedImagesResume());
    expect(text).toHaveLength(unclosedImagesResume().length);
    expect(blindText('Ada ![photo](me.jpg) <img src="me.png"> Go').text).not.toMatch(/me\.jpg|me\.png/);
  });

  it('scores at most the first 100 000 characters of a listed person’s 5 MB text, and keeps the whole for export', () => {
    const resumeText = `Welder, Gulf Fabrication (2015 – present)\n${'Stick and flux-core welding. '.repeat(180_000)}`;
    const prepared = blindCandidate({ personId: 'p1', resumeText });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.candidate.text.length).toBeLessThanOrEqual(100_000);
    expect(prepared.candidate.text).toContain('Welder, Gulf Fabrication');
    expect(prepared.candidate.original.text).toBe(resumeText.trim());
  });
});
