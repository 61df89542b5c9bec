// The Greenhouse profile on a person's page: where they stand in Greenhouse (stage, status, last activity,
// the recruiter by name), the contact details Pilothouse holds, and the resume — the file Greenhouse holds
// now (read live: its links expire) and the text Pilothouse read from it.
import { z } from 'zod';
import { collect, currentResume, normalizeLinkedInUrl, type Attachment } from '../../greenhouse';
import { greenhouseLookUpSchedule, LOOK_UP_SCHEDULES } from '../../db/queries/app-settings';
import { personProfileOnJob } from '../../db/queries/person-profile';
import type { GreenhousePresence } from '../../db/tables/people';
import { greenhouseLinks, harvestClient } from './greenhouse.server';
import { greenhouseBadge, type GreenhouseBadge } from './job-people.server';
import type { PilothouseContext } from './load-context';
import { educationText } from '../../sourcing/education';
import { pastJobText } from '../../sourcing/past-jobs';

export interface GreenhouseProfile {
  greenhouse: GreenhouseBadge;
  /** The recruiter on the application: named, none assigned, or assigned but not nameable right now. */
  recruiter: { state: 'named'; name: string } | { state: 'unassigned' } | { state: 'unknown' } | null;
  /** LinkedIn: `href` only for a real LinkedIn profile address (anything else is shown, never linked). */
  contact: { emails: string[]; phones: string[]; linkedin: { text: string; href: string | null } | null };
  /** Past jobs and education as Pilothouse holds them, written as a list writes them. */
  background: { pastJobs: string[]; education: string[] };
  /**
   * For people from uploads or outreach: when Pilothouse last looked for them in Greenhouse (by email or
   * LinkedIn), and, while not found, after when it looks again. Null for people who came from Greenhouse.
   */
  lookUp: { lastAt: string | null; found: boolean; againAfter: string | null; schedule: string } | null;
  resume: {
    /** The resume file Greenhouse holds now; null when it holds none (or could not say). */
    file: { filename: string; addedAt: string | null } | null;
    /** Why Greenhouse could not say, in words; null when it answered. */
    unavailable: string | null;
    /** The text Pilothouse read from a resume (what it scored); null when it read none. */
    text: string | null;
  };
}

const personIdSchema = z.uuid();

/** A person id from a URL, or a 404 that says so (a malformed one never reaches the database). */
export function parsePersonId(raw: string | undefined, jobName: string): string {
  const parsed = personIdSchema.safeParse(raw);
  if (!parsed.success)
    throw new Response(`That person is not in the pipeline of ${jobName}.`, { status: 404 });
  return parsed.data;
}

/** The candidate and application a person is known by in Greenhouse, from what we hold. */
function greenhouseRecord(row: NonNullable<Awaited<ReturnType<typeof personProfileOnJob>>>) {
  const presence: GreenhousePresence = row.greenhouse ?? { kind: 'none' };
  const candidateId =
    presence.kind !== 'none'
      ? presence.candidateId
      : (row.exported_candidate_id ?? row.greenhouse_candidate_id ?? null);
  const applicationId = presence.kind !== 'none' ? (presence.applicationId ?? null) : null;
  return { presence, candidateId: candidateId === null ? null : Number(candidateId), applicationId };
}

/** The resume attachment Greenhouse holds for the candidate now, read live (links expire after 7 days). */
export async function greenhouseResume(
  context: PilothouseContext,
  candidateId: number,
  applicationId: number | null,
): Promise<{ resume: Attachment | null; unavailable: string | null }> {
  const harvest = await harvestClient(context).catch(() => null);
  if (!harvest) return { resume: null, unavailable: 'Greenhouse is not connected.' };
  try {
    const attachments = await collect(
      harvest.client.listAttachments({ candidate_ids: [candidateId], type: 'resume' }),
      100,
    );
    return { resume: currentResume(attachments, applicationId), unavailable: null };
  } catch (error) {
    return {
      resume: null,
      unavailable: `Greenhouse could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export async function loadGreenhouseProfile(
  context: PilothouseContext,
  jobId: number,
  personId: string,
): Promise<GreenhouseProfile | null> {
  const row = await personProfileOnJob(context.db, jobId, personId);
  if (!row) return null;
  const { presence, candidateId, applicationId } = greenhouseRecord(row);
  const [links, held, schedule] = await Promise.all([
    greenhouseLinks(context),
    candidateId === null
      ? { resume: null, unavailable: null }
      : greenhouseResume(context, candidateId, applicationId),
    greenhouseLookUpSchedule(context.db),
  ]);
  const greenhouse = greenhouseBadge(links, presence, candidateId);
  const checkedAt = (row.greenhouse as { checkedAt?: string } | null)?.checkedAt ?? null;
  // Someone in Greenhouse with no look-up on record was exported (or their record was re-read since): no
  // look-up to speak of.
  const lookedUp =
    checkedAt !== null ||
    ((row.source_kind === 'import' || row.source_kind === 'outreach') && presence.kind === 'none');
  const every = LOOK_UP_SCHEDULES[schedule];
  const recruiterId = presence.kind === 'none' ? undefined : presence.recruiterId;
  return {
    greenhouse,
    recruiter:
      presence.kind === 'none' || recruiterId === undefined
        ? null
        : recruiterId === null
          ? { state: 'unassigned' }
          : greenhouse.recruiterName
            ? { state: 'named', name: greenhouse.recruiterName }
            : { state: 'unknown' },
    lookUp: lookedUp
      ? {
          lastAt: checkedAt,
          found: presence.kind !== 'none',
          againAfter:
            checkedAt && presence.kind === 'none'
              ? new Date(Date.parse(checkedAt) + every.days * 86_400_000).toISOString()
              : null,
          schedule: every.label.toLowerCase(),
        }
      : null,
    contact: {
      emails: row.emails ?? [],
      phones: row.phones ?? [],
      linkedin: linkedIn(row.linkedin_url),
    },
    background: {
      pastJobs: (row.past_jobs ?? []).map(pastJobText),
      education: (row.education ?? []).map(educationText),
    },
    resume: {
      file: held.resume ? { filename: held.resume.filename, addedAt: held.resume.created_at ?? null } : null,
      unavailable: held.unavailable,
      text: row.resume_text?.trim() ? row.resume_text : null,
    },
  };
}

/** For the download route: the person's current Greenhouse resume, or why there is none to send. */
export async function resumeToSend(
  context: PilothouseContext,
  jobId: number,
  personId: string,
): Promise<{ resume: Attachment } | { missing: string }> {
  const row = await personProfileOnJob(context.db, jobId, personId);
  if (!row) return { missing: 'That person is not in this job’s pipeline.' };
  const { candidateId, applicationId } = greenhouseRecord(row);
  const name = `${row.first_name} ${row.last_name}`.trim();
  if (candidateId === null) return { missing: `${name} is not in Greenhouse: there is no resume there.` };
  const held = await greenhouseResume(context, candidateId, applicationId);
  if (held.unavailable) return { missing: held.unavailable };
  if (!held.resume) return { missing: `Greenhouse holds no resume for ${name}.` };
  return { resume: held.resume };
}

function linkedIn(stored: string | null): GreenhouseProfile['contact']['linkedin'] {
  if (!stored?.trim()) return null;
  const profile = normalizeLinkedInUrl(stored);
  return profile ? { text: profile, href: `https://www.${profile}` } : { text: stored, href: null };
}
