import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { CandidateErasureInput } from '../temporal/autopilot-api';
import type { ActivityDeps } from './deps';
import {
  eraseGreenhouseCandidate,
  mergeGreenhouseCandidates,
  payloadMentions,
  type ErasureResult,
} from './autopilot/privacy';

const DEFAULT_WEBHOOK_RETENTION_DAYS = 30;

/** Carries out one erasure or merge and remembers the Greenhouse id, so the sweep can check it later. */
async function eraseOrMerge(
  db: Db,
  input: CandidateErasureInput,
): Promise<ErasureResult | { repointed: number; merged: number }> {
  await db
    .insertInto('erased_candidate')
    .values({
      greenhouse_candidate_id: input.candidateId,
      reason: input.kind,
      merged_into_candidate_id: input.kind === 'merged' ? input.intoCandidateId : null,
    })
    .onConflict((oc) =>
      oc.column('greenhouse_candidate_id').doUpdateSet((eb) => ({
        reason: eb.ref('excluded.reason'),
        merged_into_candidate_id: eb.ref('excluded.merged_into_candidate_id'),
        erased_at: sql`now()`,
      })),
    )
    .execute();
  if (input.kind === 'merged') {
    if (input.intoCandidateId === input.candidateId) return { repointed: 0, merged: 0 };
    return mergeGreenhouseCandidates(db, input.candidateId, input.intoCandidateId);
  }
  return eraseGreenhouseCandidate(db, input.candidateId);
}

/** Whatever Pilothouse still holds about an erased (or merged-away) Greenhouse candidate: should be nothing. */
async function leftovers(db: Db, candidateId: number, reason: string): Promise<boolean> {
  const person = sql`(select id from person where greenhouse_candidate_id = ${candidateId})`;
  const { rows } = await sql<{ left: boolean }>`select (
      ${
        reason === 'merged'
          ? sql`exists (select 1 from person where greenhouse_candidate_id = ${candidateId})`
          : sql`exists (select 1 from person where greenhouse_candidate_id = ${candidateId}
              and (first_name <> '' or last_name <> '' or emails <> '[]'::jsonb or phones <> '[]'::jsonb
                or linkedin_url is not null or location is not null or title is not null
                or company is not null or resume_text is not null or past_jobs <> '[]'::jsonb
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

export function erasureActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /** The `candidateErasure` workflow's one step: idempotent, so retried until it is done. */
    async eraseGreenhouseCandidateData(input: CandidateErasureInput) {
      const result = await eraseOrMerge(db, input);
      await db
        .insertInto('audit_event')
        .values({
          actor: 'greenhouse-webhook',
          action:
            input.kind === 'deleted'
              ? 'person.erased.deleted_in_greenhouse'
              : input.kind === 'anonymized'
                ? 'person.erased.anonymized_in_greenhouse'
                : 'person.merged_in_greenhouse',
          details: {
            candidateId: input.candidateId,
            ...(input.kind === 'merged' ? { into: input.intoCandidateId } : {}),
            ...result,
          },
        })
        .execute();
      return result;
    },

    /**
     * The proof behind every erasure: no erased Greenhouse id still has personal data here (a person
     * re-imported from a list, a payload stored after the erasure). What is found is erased again and
     * counted. Also lets stored webhook payloads expire after the retention period.
     */
    async sweepErasedCandidates(input: { limit?: number } = {}) {
      const due = await db
        .selectFrom('erased_candidate')
        .select(['greenhouse_candidate_id', 'reason', 'merged_into_candidate_id'])
        .orderBy(sql`checked_at nulls first`)
        .orderBy('greenhouse_candidate_id')
        .limit(input.limit ?? 1000)
        .execute();
      let erasedAgain = 0;
      for (const row of due) {
        const candidateId = row.greenhouse_candidate_id;
        if (await leftovers(db, candidateId, row.reason)) {
          const again: CandidateErasureInput =
            row.reason === 'merged' && row.merged_into_candidate_id !== null
              ? { kind: 'merged', candidateId, intoCandidateId: row.merged_into_candidate_id }
              : { kind: row.reason === 'anonymized' ? 'anonymized' : 'deleted', candidateId };
          await eraseOrMerge(db, again);
          await db
            .insertInto('audit_event')
            .values({
              actor: 'job-sync',
              action: 'person.erasure_repeated',
              details: { candidateId, reason: row.reason },
            })
            .execute();
          erasedAgain += 1;
        }
        await db
          .updateTable('erased_candidate')
          .set({ checked_at: sql`now()` })
          .where('greenhouse_candidate_id', '=', candidateId)
          .execute();
      }
      const retentionDays = deps.webhookPayloadRetentionDays ?? DEFAULT_WEBHOOK_RETENTION_DAYS;
      const expired = await db
        .updateTable('webhook_event')
        .set({ payload: null })
        .where('payload', 'is not', null)
        .where('received_at', '<', sql<Date>`now() - make_interval(days => ${retentionDays})`)
        .executeTakeFirst();
      return { checked: due.length, erasedAgain, payloadsExpired: Number(expired.numUpdatedRows) };
    },
  };
}
