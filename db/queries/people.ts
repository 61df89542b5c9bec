import { sql } from 'kysely';
import type { Db } from '../database';
import type { Education, JobPersonTable, PastJob } from '../tables/people';

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
  education?: Education[];
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
    const candidateId = incoming.greenhouseCandidateId ?? null;
    const matches = candidates.where((eb) => {
      const sameContact = eb.or([
        ...(incoming.linkedinUrl ? [eb('linkedin_url', '=', incoming.linkedinUrl)] : []),
        ...(emails.length ? [sql<boolean>`emails ?| ${sql.val(emails)}::text[]`] : []),
        sql<boolean>`false`,
      ]);
      if (candidateId === null) return sameContact;
      // Greenhouse's emails are not unique: a person linked to another Greenhouse candidate is someone
      // else, however alike their contact details (two candidates sharing an address were one person here,
      // with one's name and the other's LinkedIn, application and resume).
      return eb.or([
        eb('greenhouse_candidate_id', '=', candidateId),
        eb.and([eb('greenhouse_candidate_id', 'is', null), sameContact]),
      ]);
    });
    // The person already linked to this candidate comes before one who only shares an email with them.
    const existing = await (
      candidateId === null ? matches : matches.orderBy(sql`greenhouse_candidate_id = ${candidateId}`, 'desc')
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
          education: JSON.stringify(incoming.education ?? []),
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

export async function personById(db: Db, personId: string) {
  return db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
}

/** What a rule's note or message may name of the person ({{name}}, {{location}}). */
export async function personalDetailsOf(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['first_name', 'last_name', 'location'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** The Pilothouse person of a Greenhouse candidate. */
export async function personIdOfCandidate(db: Db, candidateId: number): Promise<string | null> {
  const person = await db
    .selectFrom('person')
    .select('id')
    .where('greenhouse_candidate_id', '=', candidateId)
    .executeTakeFirst();
  return person?.id ?? null;
}

export async function candidateIdOfPerson(db: Db, personId: string): Promise<number | null> {
  const person = await db
    .selectFrom('person')
    .select('greenhouse_candidate_id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return person?.greenhouse_candidate_id ?? null;
}

/**
 * Links the person to their Greenhouse candidate. `ifUnlinked`: a lookup's match never replaces a link
 * already made (an export, or the source step, knows better).
 */
export async function linkGreenhouseCandidate(
  db: Db,
  input: { personId: string; candidateId: number; ifUnlinked?: boolean },
): Promise<void> {
  let update = db
    .updateTable('person')
    .set({ greenhouse_candidate_id: input.candidateId })
    .where('id', '=', input.personId);
  if (input.ifUnlinked) update = update.where('greenhouse_candidate_id', 'is', null);
  await update.execute();
}

/** Keeps the resume text read from Greenhouse unless the person has one; true when it was kept. */
export async function addResumeText(db: Db, personId: string, text: string): Promise<boolean> {
  const added = await db
    .updateTable('person')
    .set({ resume_text: text })
    .where('id', '=', personId)
    .where('resume_text', 'is', null)
    .executeTakeFirst();
  return Number(added.numUpdatedRows) > 0;
}

/** The job's people known in Greenhouse, with where they stood when Pilothouse last acted on it. */
export async function greenhouseCandidatesOnJob(db: Db, jobId: number) {
  const rows = await db
    .selectFrom('person')
    .innerJoin('job_person', 'job_person.person_id', 'person.id')
    .select(['person.greenhouse_candidate_id', 'job_person.greenhouse_standing'])
    .where('job_person.job_id', '=', jobId)
    .where('person.greenhouse_candidate_id', 'is not', null)
    .execute();
  return rows.map((row) => ({
    candidateId: row.greenhouse_candidate_id!,
    standing: row.greenhouse_standing,
  }));
}

/** Pilothouse's person id for each of these Greenhouse candidates it knows. */
export async function personIdsByCandidate(
  db: Db,
  candidateIds: readonly number[],
): Promise<Map<number, string>> {
  // An empty list matches nobody (`in ()` is not valid SQL).
  const people = await db
    .selectFrom('person')
    .select(['id', 'greenhouse_candidate_id'])
    .where('greenhouse_candidate_id', 'in', candidateIds.length === 0 ? [-1] : [...candidateIds])
    .execute();
  return new Map(people.map((p) => [Number(p.greenhouse_candidate_id), p.id]));
}
