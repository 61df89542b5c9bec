import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { Db } from '../database';
import type { ErasureReason } from '../tables/erasure';

// When Greenhouse erases a person (delete_candidate, candidate_anonymized) Pilothouse keeps none of
// their personal data either; when it merges two people, Pilothouse merges its records the same way.
// Erased Greenhouse ids are remembered, so a sweep can prove nothing came back.

/** Stored webhook payloads that carry this candidate (the v1 shapes embed the candidate). */
function payloadMentions(candidateId: number) {
  return sql<boolean>`(
    (payload #>> '{payload,application,candidate,id}')::bigint = ${candidateId}
    or (payload #>> '{payload,candidate,id}')::bigint = ${candidateId}
    or (payload #>> '{payload,person,id}')::bigint = ${candidateId}
    or (payload #>> '{payload,candidate_id}')::bigint = ${candidateId}
    or (payload #>> '{payload,person_id}')::bigint = ${candidateId}
    or (payload #>> '{payload,application,candidate_id}')::bigint = ${candidateId}
  )`;
}

export interface ErasureResult {
  /** People removed outright. */
  deleted: number;
  /** People kept as an id-only tombstone because the export ledger refers to them. */
  tombstoned: number;
  payloadsCleared: number;
}

/**
 * Erases everything personal Pilothouse holds about a Greenhouse candidate: pipelines, scores and their
 * explanations (resume snippets), approvals, outreach events, decision traces, notifications, stored
 * webhook payloads.
 * A person the export ledger refers to stays as a row of ids only — the ledger keeps the Greenhouse ids
 * so nobody is exported a second time — with every personal field emptied.
 */
// Erasing and merging open their own transaction: they take the database, not a transaction.
export async function eraseGreenhouseCandidate(
  db: Kysely<Database>,
  candidateId: number,
): Promise<ErasureResult> {
  return db.transaction().execute(async (trx) => {
    const people = await trx
      .selectFrom('person')
      .select('id')
      .where('greenhouse_candidate_id', '=', candidateId)
      .execute();
    const ids = people.map((p) => p.id);
    const cleared = await trx
      .updateTable('webhook_event')
      .set({ payload: null })
      .where('payload', 'is not', null)
      .where(payloadMentions(candidateId))
      .executeTakeFirst();
    const payloadsCleared = Number(cleared.numUpdatedRows);
    // Suggestions elsewhere that pointed at this candidate point at no one now.
    await trx
      .updateTable('job_person')
      .set({ greenhouse: sql`greenhouse - 'possibleMatches'` })
      .where(sql<boolean>`greenhouse->'possibleMatches' @> ${JSON.stringify([{ candidateId }])}::jsonb`)
      .execute();
    if (ids.length === 0) return { deleted: 0, tombstoned: 0, payloadsCleared };

    await trx.deleteFrom('job_person').where('person_id', 'in', ids).execute();
    await trx.deleteFrom('match_score').where('person_id', 'in', ids).execute();
    await trx.deleteFrom('approval_request').where('person_id', 'in', ids).execute();
    await trx.deleteFrom('outreach_event').where('person_id', 'in', ids).execute();
    await trx.deleteFrom('decision_trace').where('person_id', 'in', ids).execute();
    // A rule's notification names the person it is about; a tombstone keeps no such text.
    await trx.deleteFrom('notification').where('person_id', 'in', ids).execute();
    // Failure messages can quote what Greenhouse refused (an email, a name): ids and outcomes stay.
    await trx
      .updateTable('export_ledger')
      .set({ failure_message: null })
      .where('person_id', 'in', ids)
      .execute();
    // So can a recruiter's reason for declining them.
    await trx
      .updateTable('audit_event')
      .set({ details: sql`details - 'message' - 'reason'` })
      .where('person_id', 'in', ids)
      .execute();

    const inLedger = new Set(
      (await trx.selectFrom('export_ledger').select('person_id').where('person_id', 'in', ids).execute()).map(
        (row) => row.person_id,
      ),
    );
    const tombstones = ids.filter((id) => inLedger.has(id));
    const gone = ids.filter((id) => !inLedger.has(id));
    if (gone.length > 0) await trx.deleteFrom('person').where('id', 'in', gone).execute();
    if (tombstones.length > 0) {
      await trx
        .updateTable('person')
        .set({
          first_name: '',
          last_name: '',
          emails: JSON.stringify([]),
          phones: JSON.stringify([]),
          linkedin_url: null,
          location: null,
          title: null,
          company: null,
          past_jobs: JSON.stringify([]),
          education: JSON.stringify([]),
          skills: JSON.stringify([]),
          resume_text: null,
          updated_at: sql`now()`,
        })
        .where('id', 'in', tombstones)
        .execute();
    }
    return { deleted: gone.length, tombstoned: tombstones.length, payloadsCleared };
  });
}

/**
 * Greenhouse merged `fromCandidateId` into `intoCandidateId`. People of the merged candidate move onto
 * the remaining one; where Pilothouse already has a person for it, their pipelines, scores, approvals,
 * exports and events move to that person (what the remaining person already has wins) and the merged
 * person is removed, its blank fields first filling the remaining person's.
 */
export async function mergeGreenhouseCandidates(
  db: Kysely<Database>,
  fromCandidateId: number,
  intoCandidateId: number,
): Promise<{ repointed: number; merged: number }> {
  return db.transaction().execute(async (trx) => {
    const survivor = await trx
      .selectFrom('person')
      .selectAll()
      .where('greenhouse_candidate_id', '=', intoCandidateId)
      .orderBy('created_at')
      .executeTakeFirst();
    if (!survivor) {
      const repointed = await trx
        .updateTable('person')
        .set({ greenhouse_candidate_id: intoCandidateId, updated_at: sql`now()` })
        .where('greenhouse_candidate_id', '=', fromCandidateId)
        .executeTakeFirst();
      return { repointed: Number(repointed.numUpdatedRows), merged: 0 };
    }
    const losers = await trx
      .selectFrom('person')
      .selectAll()
      .where('greenhouse_candidate_id', '=', fromCandidateId)
      .where('id', '!=', survivor.id)
      .execute();
    for (const loser of losers) await mergePerson(trx, loser.id, survivor.id);
    return { repointed: 0, merged: losers.length };
  });
}

async function mergePerson(trx: Transaction<Database>, fromId: string, intoId: string): Promise<void> {
  // Rows keyed by (job, person): the remaining person's own row wins; the merged one's moves only
  // where the remaining person has none.
  await sql`update job_person set person_id = ${intoId}
    where person_id = ${fromId}
      and job_id not in (select job_id from job_person where person_id = ${intoId})`.execute(trx);
  await sql`update match_score set person_id = ${intoId}
    where person_id = ${fromId}
      and (job_id, profile_version) not in (select job_id, profile_version from match_score where person_id = ${intoId})`.execute(
    trx,
  );
  await sql`update export_ledger set person_id = ${intoId}
    where person_id = ${fromId}
      and job_id not in (select job_id from export_ledger where person_id = ${intoId})`.execute(trx);
  await sql`update approval_request set person_id = ${intoId}
    where person_id = ${fromId}
      and (status <> 'pending' or job_id not in
        (select job_id from approval_request where person_id = ${intoId} and status = 'pending'))`.execute(
    trx,
  );
  await trx
    .updateTable('outreach_event')
    .set({ person_id: intoId })
    .where('person_id', '=', fromId)
    .execute();
  await trx
    .updateTable('decision_trace')
    .set({ person_id: intoId })
    .where('person_id', '=', fromId)
    .execute();
  await trx.updateTable('audit_event').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
  await sql`update person as s set
      linkedin_url = coalesce(s.linkedin_url, l.linkedin_url),
      location = coalesce(s.location, l.location),
      title = coalesce(s.title, l.title),
      company = coalesce(s.company, l.company),
      resume_text = coalesce(s.resume_text, l.resume_text),
      emails = (select coalesce(jsonb_agg(distinct e), '[]'::jsonb) from jsonb_array_elements(s.emails || l.emails) e),
      phones = (select coalesce(jsonb_agg(distinct p), '[]'::jsonb) from jsonb_array_elements(s.phones || l.phones) p),
      updated_at = now()
    from person as l
    where s.id = ${intoId} and l.id = ${fromId}`.execute(trx);
  // What did not move (the remaining person already had it) goes with the merged person.
  await trx.deleteFrom('person').where('id', '=', fromId).execute();
}

/** Remembers an erased (or merged-away) Greenhouse id, so the sweep checks it later. */
export async function rememberErasedCandidate(
  db: Db,
  input: { candidateId: number; reason: ErasureReason; mergedInto: number | null },
): Promise<void> {
  await db
    .insertInto('erased_candidate')
    .values({
      greenhouse_candidate_id: input.candidateId,
      reason: input.reason,
      merged_into_candidate_id: input.mergedInto,
    })
    .onConflict((oc) =>
      oc.column('greenhouse_candidate_id').doUpdateSet((eb) => ({
        reason: eb.ref('excluded.reason'),
        merged_into_candidate_id: eb.ref('excluded.merged_into_candidate_id'),
        erased_at: sql`now()`,
      })),
    )
    .execute();
}

/** Erased Greenhouse ids to check again, the never-checked and longest-unchecked first. */
export async function erasedCandidatesToCheck(db: Db, limit: number) {
  return db
    .selectFrom('erased_candidate')
    .select(['greenhouse_candidate_id', 'reason', 'merged_into_candidate_id'])
    .orderBy(sql`checked_at nulls first`)
    .orderBy('greenhouse_candidate_id')
    .limit(limit)
    .execute();
}

export async function markErasureChecked(db: Db, candidateId: number): Promise<void> {
  await db
    .updateTable('erased_candidate')
    .set({ checked_at: sql`now()` })
    .where('greenhouse_candidate_id', '=', candidateId)
    .execute();
}

/** Whatever Pilothouse still holds about an erased (or merged-away) Greenhouse candidate: should be nothing. */
export async function erasureLeftovers(db: Db, candidateId: number, reason: string): Promise<boolean> {
  const person = sql`(select id from person where greenhouse_candidate_id = ${candidateId})`;
  const { rows } = await sql<{ left: boolean }>`select (
      ${
        reason === 'merged'
          ? sql`exists (select 1 from person where greenhouse_candidate_id = ${candidateId})`
          : sql`exists (select 1 from person where greenhouse_candidate_id = ${candidateId}
              and (first_name <> '' or last_name <> '' or emails <> '[]'::jsonb or phones <> '[]'::jsonb
                or linkedin_url is not null or location is not null or title is not null
                or company is not null or resume_text is not null or past_jobs <> '[]'::jsonb
                or education <> '[]'::jsonb
                or skills <> '[]'::jsonb))
            or exists (select 1 from job_person where person_id in ${person})
            or exists (select 1 from match_score where person_id in ${person})
            or exists (select 1 from approval_request where person_id in ${person})
            or exists (select 1 from outreach_event where person_id in ${person})
            or exists (select 1 from decision_trace where person_id in ${person})
            or exists (select 1 from export_ledger where person_id in ${person} and failure_message is not null)
            or exists (select 1 from webhook_event where payload is not null and ${payloadMentions(candidateId)})`
      }
    ) as left`.execute(db);
  return rows[0]?.left ?? false;
}
