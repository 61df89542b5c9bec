import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GreenhouseProfile } from '../../../web/components/greenhouse-profile';
import { GreenhouseStatus } from '../../../web/components/people';
import type { GreenhouseBadge } from '../../../web/server/job-people.server';
import type { GreenhouseProfile as Profile } from '../../../web/server/person-profile.server';

const applicant: GreenhouseBadge = {
  kind: 'applicant',
  candidateId: 100_000_123,
  onThisJob: true,
  stageName: 'Phone Screen',
  status: 'in_process',
  lastActivityAt: '2026-12-01T09:30:00Z',
  recruiterName: 'Priya Natarajan',
  profileUrl: 'https://app.eu.greenhouse.io/people/100000123',
  possibleMatches: [],
};
const profile = (overrides: Partial<Profile> = {}): Profile => ({
  greenhouse: applicant,
  recruiter: { state: 'named', name: 'Priya Natarajan' },
  contact: {
    emails: ['ines@example.org'],
    phones: ['+351 21 000 0000'],
    linkedin: { text: 'linkedin.com/in/ines', href: 'https://www.linkedin.com/in/ines' },
  },
  background: { pastJobs: [], education: [] },
  lookUp: null,
  resume: {
    file: { filename: 'Ines_CV.pdf', addedAt: '2026-11-30T12:00:00Z' },
    unavailable: null,
    text: null,
  },
  ...overrides,
});
/** What a reader sees: the text, without markup. */
const seen = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

// What the person's Greenhouse profile says, drawn on the server as the page first arrives.
describe('a person’s Greenhouse profile in words', () => {
  it('names the stage, the status, the recruiter and the resume file; links the account’s own host; shows no id', () => {
    const html = renderToStaticMarkup(
      <GreenhouseProfile profile={profile()} resumeHref="/jobs/1/people/p/resume" />,
    );
    const text = seen(html);
    expect(text).toContain('Applicant on this job');
    expect(text).toContain('Stage Phone Screen');
    expect(text).toContain('Status Active');
    expect(text).toContain('Last activity 1 Dec 2026, 09:30');
    expect(text).toContain('Recruiter Priya Natarajan');
    expect(text).toContain('Ines_CV.pdf in Greenhouse since 30 Nov 2026, 12:00');
    expect(html).toContain('href="https://app.eu.greenhouse.io/people/100000123"');
    expect(html).toContain('href="/jobs/1/people/p/resume"');
    expect(text).not.toContain('100000123');
  });

  it('says when nobody recruits them, when the name cannot be read, and why there is no resume', () => {
    expect(
      seen(
        renderToStaticMarkup(
          <GreenhouseProfile profile={profile({ recruiter: { state: 'unassigned' } })} resumeHref="" />,
        ),
      ),
    ).toContain('Recruiter None assigned in Greenhouse');
    const unreadable = profile({
      recruiter: { state: 'unknown' },
      resume: { file: null, unavailable: 'Greenhouse could not be read: timed out', text: 'Ten years of Go' },
    });
    const text = seen(renderToStaticMarkup(<GreenhouseProfile profile={unreadable} resumeHref="" />));
    expect(text).toContain('Assigned, but Greenhouse’s user list could not be read');
    expect(text).toContain('Resume Greenhouse could not be read: timed out');
    expect(text).toContain('The resume text Pilothouse read and scored Ten years of Go');
  });

  it('lists the past jobs and education Pilothouse holds as a list writes them, and no row when there are none', () => {
    const text = seen(
      renderToStaticMarkup(
        <GreenhouseProfile
          profile={profile({
            background: {
              pastJobs: ['Backend Engineer at Shipfast (2016–2021)'],
              education: ['University of Waterloo — BSc, Computer Science (2012–2016)'],
            },
          })}
          resumeHref=""
        />,
      ),
    );
    expect(text).toContain('Past jobs Backend Engineer at Shipfast (2016–2021)');
    expect(text).toContain('Education University of Waterloo — BSc, Computer Science (2012–2016)');
    expect(seen(renderToStaticMarkup(<GreenhouseProfile profile={profile()} resumeHref="" />))).not.toContain(
      'Education',
    );
  });

  it('says when someone from an upload was last looked up in Greenhouse, and when they are looked up again', () => {
    const notFound = profile({
      greenhouse: { ...applicant, kind: 'none', profileUrl: null, stageName: null, status: null },
      recruiter: null,
      lookUp: {
        lastAt: '2026-12-03T08:00:00Z',
        found: false,
        againAfter: '2026-12-04T08:00:00Z',
        schedule: 'every day',
      },
    });
    expect(seen(renderToStaticMarkup(<GreenhouseProfile profile={notFound} resumeHref="" />))).toContain(
      'Looked up 3 Dec 2026, 08:00, not found by email or LinkedIn Looked up again after 4 Dec 2026, 08:00 (every day)',
    );
    const never = profile({ ...notFound, lookUp: { ...notFound.lookUp!, lastAt: null, againAfter: null } });
    expect(seen(renderToStaticMarkup(<GreenhouseProfile profile={never} resumeHref="" />))).toContain(
      'Looked up Not yet: the job’s next cycle looks for them by email and LinkedIn.',
    );
    const found = profile({ lookUp: { ...notFound.lookUp!, found: true, againAfter: null } });
    expect(seen(renderToStaticMarkup(<GreenhouseProfile profile={found} resumeHref="" />))).toContain(
      'Looked up Found in Greenhouse at the look-up of 3 Dec 2026, 08:00',
    );
  });

  it('calls a prospect from a pool a prospect not on this job, never "on another job"', () => {
    const pooled = profile({
      greenhouse: { ...applicant, kind: 'prospect', onThisJob: false, stageName: null },
    });
    const text = seen(renderToStaticMarkup(<GreenhouseProfile profile={pooled} resumeHref="" />));
    expect(text).toContain('In Greenhouse Prospect not on this job');
    expect(text).not.toContain('another job');
    const badge = seen(
      renderToStaticMarkup(
        <GreenhouseStatus synced presence={{ ...applicant, kind: 'prospect', onThisJob: false }} />,
      ),
    );
    expect(badge).toContain('Prospect (not on this job)');
  });

  it('links a possible Greenhouse match by words, never by its id', () => {
    const html = renderToStaticMarkup(
      <GreenhouseStatus
        synced={false}
        presence={{
          ...applicant,
          kind: 'none',
          profileUrl: null,
          possibleMatches: [
            { candidateId: 100_000_777, profileUrl: 'https://app.greenhouse.io/people/100000777' },
          ],
        }}
      />,
    );
    expect(seen(html)).toContain(
      'Possibly already there (same name, company and title): the Greenhouse profile ↗',
    );
    expect(seen(html)).not.toContain('100000777');
  });
});
