import { sql } from 'kysely';
import type { ListedPerson } from '../../sourcing/people-list';
import type { OutreachEvent } from '../../sourcing/outreach-event';
import type { Db } from '../database';
import { recordAudit } from './audit';
import { addPersonToJob } from './people';

export interface ImportResult {
  /** People new to this job's pipeline. */
  added: number;
  /** People already on the job (from Greenhouse, an earlier list or outreach): left as they were. */
  alreadyOnJob: number;
}

/**
 * Adds an uploaded list's people to a job, in one transaction: a failure half-way leaves no one
 * imported. The upload is audited with its file name and counts.
 */
export async function importPeopleList(
  db: Db,
  input: {
    jobId: number;
    fileName: string;
    people: ListedPerson[];
    by: string;
    /** The jobs the uploader may see (null: all): a list reaches only people on those. */
    visibleJobIds: ReadonlySet<number> | null;
  },
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const result: ImportResult = { added: 0, alreadyOnJob: 0 };
    for (const person of input.people) {
      const { addedToJob } = await addPersonToJob(
        trx,
        input.jobId,
        person,
        { kind: 'import', ref: `${input.fileName}#row-${person.row}` },
        { untrusted: true, visibleJobIds: input.visibleJobIds },
      );
      if (addedToJob) result.added += 1;
      else result.alreadyOnJob += 1;
    }
    await recordAudit(trx, {
      actor: input.by,
      action: 'people.imported',
      jobId: input.jobId,
      details: { fileName: input.fileName, ...result },
    });
    return result;
  });
}

export interface OutreachIntake {
  stored: number;
  /** Redeliveries of events already stored (same `event_id`). */
  duplicates: number;
  /** The jobs that received events, to be told there is new source data. */
  jobIds: number[];
}

/**
 * Stores outreach events, each with its person added to the job (as an outreach-sourced person when
 * new to it). Redelivered events are recognised by the tool's event id and stored once. Events for a
 * job Pilothouse does not know are refused as a whole request, before anything is written.
 */
export async function recordOutreachEvents(db: Db, events: OutreachEvent[]): Promise<OutreachIntake> {
  const jobIds = [...new Set(events.map((e) => e.job_id))];
  const known = await db.selectFrom('job').select('id').where('id', 'in', jobIds).execute();
  const unknown = jobIds.filter((id) => !known.some((row) => Number(row.id) === id));
  if (unknown.length) throw new UnknownJobError(unknown);

  return db.transaction().execute(async (trx) => {
    const intake: OutreachIntake = { stored: 0, duplicates: 0, jobIds };
    for (const event of events) {
      const already = await trx
        .selectFrom('outreach_event')
        .select('id')
        .where('event_id', '=', event.event_id)
        .executeTakeFirst();
      if (already) {
        intake.duplicates += 1;
        continue;
      }
      const { personId } = await addPersonToJob(
        trx,
        event.job_id,
        {
          firstName: event.person.first_name,
          lastName: event.person.last_name,
          emails: event.person.email ? [event.person.email] : [],
          linkedinUrl: event.person.linkedin_url ?? null,
          title: event.person.title ?? null,
          company: event.person.company ?? null,
          location: event.person.location ?? null,
        },
        { kind: 'outreach', ref: event.sequence ? `sequence:${event.sequence}` : `event:${event.event_id}` },
        // An outreach tool speaks for no Pilothouse account: it names people, never adds to them.
        { untrusted: true, visibleJobIds: null },
      );
      await trx
        .insertInto('outreach_event')
        .values({
          job_id: event.job_id,
          person_id: personId,
          kind: event.type,
          occurred_at: event.occurred_at,
          event_id: event.event_id,
          sequence: event.sequence ?? null,
        })
        .onConflict((oc) => oc.column('event_id').where('event_id', 'is not', null).doNothing())
        .execute();
      intake.stored += 1;
    }
    return intake;
  });
}

/** The outreach events of a job not yet put through its rules, oldest first. */
export async function pendingOutreachEvents(db: Db, jobId: number, limit = 500) {
  return db
    .selectFrom('outreach_event')
    .select(['id', 'person_id', 'kind', 'occurred_at', 'sequence'])
    .where('job_id', '=', jobId)
    .where('processed_at', 'is', null)
    .orderBy('occurred_at')
    .limit(limit)
    .execute();
}

/** The job's outreach events since `since`, processed or not, newest first. */
export async function outreachEventsSince(db: Db, input: { jobId: number; since: Date; limit: number }) {
  return db
    .selectFrom('outreach_event')
    .select(['person_id', 'kind', 'occurred_at'])
    .where('job_id', '=', input.jobId)
    .where('occurred_at', '>=', input.since)
    .orderBy('occurred_at', 'desc')
    .limit(input.limit)
    .execute();
}

export async function markOutreachProcessed(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db
    .updateTable('outreach_event')
    .set({ processed_at: sql`now()` })
    .where('id', 'in', ids)
    .execute();
}

export class UnknownJobError extends Error {
  constructor(readonly jobIds: number[]) {
    super(
      `No synced Greenhouse job with id ${jobIds.join(', ')}: check job_id (Pilothouse knows the jobs its Greenhouse connection can see).`,
    );
    this.name = 'UnknownJobError';
  }
}
