import type { GreenhouseProfile as Profile } from '../server/person-profile.server';
import { Badge } from './ui';
import { useWhen } from './when';

const STATUS_WORD = {
  in_process: 'Active',
  rejected: 'Rejected',
  hired: 'Hired',
  converted: 'Made a candidate',
} as const;

/** What Greenhouse says about the person, and how to reach them: the profile a recruiter checks first. */
export function GreenhouseProfile({ profile, resumeHref }: { profile: Profile; resumeHref: string }) {
  const { when } = useWhen();
  const { greenhouse, contact, background, resume, recruiter, lookUp } = profile;
  const inGreenhouse = greenhouse.kind !== 'none';
  const where =
    greenhouse.kind === 'none'
      ? greenhouse.profileUrl
        ? 'Exported: Greenhouse’s record is read at the next cycle'
        : 'Not in Greenhouse'
      : greenhouse.kind === 'prospect'
        ? `Prospect ${greenhouse.onThisJob ? 'considered for this job' : 'not on this job'}`
        : `Applicant ${greenhouse.onThisJob ? 'on this job' : 'on another job'}`;
  return (
    <section className="panel profile" aria-labelledby="profile-heading" data-testid="greenhouse-profile">
      <div className="row spread">
        <h2 id="profile-heading">Greenhouse profile</h2>
        {greenhouse.profileUrl ? (
          <a
            className="button"
            href={greenhouse.profileUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="open-in-greenhouse"
          >
            Open in Greenhouse ↗
          </a>
        ) : null}
      </div>
      <div className="profile-columns">
        <dl className="facts" data-testid="profile-greenhouse">
          <dt>In Greenhouse</dt>
          <dd>
            <Badge tone={inGreenhouse ? (greenhouse.onThisJob ? 'good' : 'info') : 'neutral'}>{where}</Badge>
          </dd>
          {lookUp ? (
            <>
              <dt>Looked up</dt>
              <dd data-testid="profile-look-up">
                {lookUp.found && lookUp.lastAt ? (
                  <>Found in Greenhouse at the look-up of {when(lookUp.lastAt)}</>
                ) : lookUp.lastAt === null ? (
                  <span className="muted">
                    Not yet: the job’s next cycle looks for them by email and LinkedIn.
                  </span>
                ) : (
                  <>
                    {when(lookUp.lastAt)}, not found by email or LinkedIn
                    {lookUp.againAfter ? (
                      <div className="small muted">
                        Looked up again after {when(lookUp.againAfter)} ({lookUp.schedule})
                      </div>
                    ) : null}
                  </>
                )}
              </dd>
            </>
          ) : null}
          {inGreenhouse ? (
            <>
              <dt>Stage</dt>
              <dd>{greenhouse.stageName ?? '—'}</dd>
              <dt>Status</dt>
              <dd>
                {greenhouse.status
                  ? (STATUS_WORD[greenhouse.status as keyof typeof STATUS_WORD] ?? greenhouse.status)
                  : '—'}
              </dd>
              <dt>Last activity</dt>
              <dd>{greenhouse.lastActivityAt ? when(greenhouse.lastActivityAt) : '—'}</dd>
              <dt>Recruiter</dt>
              <dd data-testid="profile-recruiter">
                {recruiter?.state === 'named'
                  ? recruiter.name
                  : recruiter?.state === 'unassigned'
                    ? 'None assigned in Greenhouse'
                    : recruiter?.state === 'unknown'
                      ? 'Assigned, but Greenhouse’s user list could not be read'
                      : 'Known after the next cycle reads Greenhouse'}
              </dd>
            </>
          ) : null}
        </dl>
        <dl className="facts" data-testid="profile-contact">
          <dt>Email</dt>
          <dd>
            {contact.emails.length === 0
              ? '—'
              : contact.emails.map((email) => (
                  <div key={email}>
                    <a href={`mailto:${email}`}>{email}</a>
                  </div>
                ))}
          </dd>
          <dt>Phone</dt>
          <dd>
            {contact.phones.length === 0
              ? '—'
              : contact.phones.map((phone) => (
                  <div key={phone}>
                    <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
                  </div>
                ))}
          </dd>
          <dt>LinkedIn</dt>
          <dd>
            {contact.linkedin?.href ? (
              <a href={contact.linkedin.href} target="_blank" rel="noreferrer">
                {contact.linkedin.text} ↗
              </a>
            ) : (
              (contact.linkedin?.text ?? '—')
            )}
          </dd>
          {background.pastJobs.length > 0 ? (
            <>
              <dt>Past jobs</dt>
              <dd data-testid="profile-past-jobs">
                {background.pastJobs.map((job, i) => (
                  <div key={i}>{job}</div>
                ))}
              </dd>
            </>
          ) : null}
          {background.education.length > 0 ? (
            <>
              <dt>Education</dt>
              <dd data-testid="profile-education">
                {background.education.map((entry, i) => (
                  <div key={i}>{entry}</div>
                ))}
              </dd>
            </>
          ) : null}
          <dt>Resume</dt>
          <dd data-testid="profile-resume">
            {resume.file ? (
              <>
                <a href={resumeHref} target="_blank" rel="noreferrer" data-testid="resume-link">
                  {resume.file.filename}
                </a>{' '}
                <span className="small muted">
                  in Greenhouse{resume.file.addedAt ? ` since ${when(resume.file.addedAt)}` : ''}
                </span>
              </>
            ) : resume.unavailable ? (
              <span className="muted">{resume.unavailable}</span>
            ) : inGreenhouse ? (
              <span className="muted">Greenhouse holds no resume for them.</span>
            ) : (
              <span className="muted">None in Greenhouse.</span>
            )}
          </dd>
        </dl>
      </div>
      {resume.text ? (
        <details className="resume-text" data-testid="resume-text">
          <summary>The resume text Pilothouse read and scored</summary>
          <pre>{resume.text}</pre>
        </details>
      ) : null}
    </section>
  );
}
