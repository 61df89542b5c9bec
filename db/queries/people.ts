import { sql } from 'kysely';
import type { Db } from '../database';
import type { JobPersonTable, PastJob } from '../tables/people';

export interface IncomingPerson {
  firstName: string;
  lastName: string;
  emails?: string[];
  phones?: string[];
  linkedinUrl?: string | null;
  location?: string | null;
  title?: string | null;
  company?: string | null;
  pastJobs?: PastJob[];
  skills?: string[];
  resumeText?: string | null;
  greenhouseCandidateId?: number | null;
}

export interface IntakeResult {
  personId: string;
  /** False when the person was already in this job's pipeline. */
  addedToJob: boolean;
}

const normalizedEmails = (emails: readonly string[] = []) => [
  ...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean)),
];

/**
 * Where an incoming person comes from, as far as trusting it goes. Greenhouse (the default) is the
 * record: its details fill in what is missing. An uploaded list or an outreach tool is anyone's word:
 * it may name an existing person (by email or LinkedIn URL) but never adds to what is known about them
 * — an email typed into a CSV must not become a candidate's contact address — and, with
 * `visibleJobIds`, it only reaches people already on a job the uploader may see: a match on a job they
 * cannot see makes a separate person from the list's own data, so the upload reveals nothing.
 */
export type IntakeTrust = { untrusted: true; visibleJobIds: ReadonlySet<number> | null } | undefined;

/**
 * Adds a person to a job's pipeline, reusing the Pilothouse person with the same Greenhouse candidate id,
 * LinkedIn URL or email — so an upload, an outreach event and an inbound application for one human
 * make one person, not three. From Greenhouse, details already known are kept and empty ones are
 * filled in; from an untrusted source, nothing about a known person changes (see `IntakeTrust`).
 */
export async function addPersonToJob(
  db: Db,
  jobId: number,
  incoming: IncomingPerson,
  source: { kind: JobPersonTable['source_kind']; ref?: string | null },
  trust?: IntakeTrust,
): Promise<IntakeResult> {
  // Inside a caller's transaction (an upload is all or nothing) the caller's transaction is used.
  const intake = async (trx: Db) => {
    const emails = normalizedEmails(incoming.emails);
    let candidates = trx.selectFrom('person').select(['id']);
    // From an untrusted source, only someone already on a job the uploader may see (or on this one).
    if (trust?.untrusted && trust.visibleJobIds) {
      const jobs = [...trust.visibleJobIds, jobId];
      candidates = candidates.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('job_person as seen')
            .select('seen.person_id')
            .whereRef('seen.person_id', '=', 'person.id')
            .where('seen.job_id', 'in', jobs),
        ),
      );
    }
    const existing = await candidates
      .where((eb) =>
        eb.or([
          ...(incoming.greenhouseCandidateId
            ? [eb('greenhouse_candidate_id', '=', incoming.greenhouseCandidateId)]
            : []),
          ...(incoming.linkedinUrl ? [eb('linkedin_url', '=', incoming.linkedinUrl)] : []),
          ...(emails.length ? [sql<boolean>`emails ?| ${sql.val(emails)}::text[]`] : []),
          sql<boolean>`false`,
        ]),
      )
      .orderBy('created_at')
      .executeTakeFirst();

    let personId: string;
    if (existing && trust?.untrusted) {
      personId = existing.id;
    } else if (existing) {
      personId = existing.id;
      await trx
        .updateTable('person')
        .set({
          linkedin_url: sql`coalesce(linkedin_url, ${incoming.linkedinUrl ?? null})`,
          location: sql`coalesce(location, ${incoming.location ?? null})`,
          title: sql`coalesce(title, ${incoming.title ?? null})`,
          company: sql`coalesce(company, ${incoming.company ?? null})`,
          resume_text: sql`coalesce(resume_text, ${incoming.resumeText ?? null})`,
          greenhouse_candidate_id: sql`coalesce(greenhouse_candidate_id, ${incoming.greenhouseCandidateId ?? null})`,
          emails: sql`(select coalesce(jsonb_agg(distinct e), '[]'::jsonb) from jsonb_array_elements_text(emails || ${JSON.stringify(emails)}::jsonb) e)`,
          updated_at: sql`now()`,
        })
        .where('id', '=', personId)
        .execute();
    } else {
      const row = await trx
        .insertInto('person')
        .values({
          first_name: incoming.firstName,
          last_name: incoming.lastName,
          emails: JSON.stringify(emails),
          phones: JSON.stringify(incoming.phones ?? []),
          linkedin_url: incoming.linkedinUrl ?? null,
          location: incoming.location ?? null,
          title: incoming.title ?? null,
          company: incoming.company ?? null,
          past_jobs: JSON.stringify(incoming.pastJobs ?? []),
          skills: JSON.stringify(incoming.skills ?? []),
          resume_text: incoming.resumeText ?? null,
          greenhouse_candidate_id: incoming.greenhouseCandidateId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personId = row.id;
    }

    const added = await trx
      .insertInto('job_person')
      .values({
        job_id: jobId,
        person_id: personId,
        source_kind: source.kind,
        source_ref: source.ref ?? null,
      })
      .onConflict((oc) => oc.columns(['job_id', 'person_id']).doNothing())
      .returning('person_id')
      .executeTakeFirst();
    return { personId, addedToJob: added !== undefined };
  };
  return db.isTransaction ? intake(db) : db.transaction().execute(intake);
}
