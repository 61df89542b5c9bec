import type { Db } from '../db/database';
import { recordAudit } from '../db/queries/audit';
import {
  eraseGreenhouseCandidate,
  erasedCandidatesToCheck,
  erasureLeftovers,
  markErasureChecked,
  mergeGreenhouseCandidates,
  rememberErasedCandidate,
  type ErasureResult,
} from '../db/queries/erasure';
import { expireWebhookPayloads } from '../db/queries/webhooks';
import type { CandidateErasureInput } from '../temporal/autopilot-api';
import type { ActivityDeps } from './deps';

const DEFAULT_WEBHOOK_RETENTION_DAYS = 30;

/** Carries out one erasure or merge and remembers the Greenhouse id, so the sweep can check it later. */
async function eraseOrMerge(
  db: Db,
  input: CandidateErasureInput,
): Promise<ErasureResult | { repointed: number; merged: number }> {
  await rememberErasedCandidate(db, {
    candidateId: input.candidateId,
    reason: input.kind,
    mergedInto: input.kind === 'merged' ? input.intoCandidateId : null,
  });
  if (input.kind === 'merged') {
    if (input.intoCandidateId === input.candidateId) return { repointed: 0, merged: 0 };
    return mergeGreenhouseCandidates(db, input.candidateId, input.intoCandidateId);
  }
  return eraseGreenhouseCandidate(db, input.candidateId);
}

export function erasureActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /** The `candidateErasure` workflow's one step: idempotent, so retried until it is done. */
    async eraseGreenhouseCandidateData(input: CandidateErasureInput) {
      const result = await eraseOrMerge(db, input);
      await recordAudit(db, {
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
      });
      return result;
    },

    /**
     * The proof behind every erasure: no erased Greenhouse id still has personal data here (a person
     * re-imported from a list, a payload stored after the erasure). What is found is erased again and
     * counted. Also lets stored webhook payloads expire after the retention period.
     */
    async sweepErasedCandidates(input: { limit?: number } = {}) {
      const due = await erasedCandidatesToCheck(db, input.limit ?? 1000);
      let erasedAgain = 0;
      for (const row of due) {
        const candidateId = row.greenhouse_candidate_id;
        if (await erasureLeftovers(db, candidateId, row.reason)) {
          const again: CandidateErasureInput =
            row.reason === 'merged' && row.merged_into_candidate_id !== null
              ? { kind: 'merged', candidateId, intoCandidateId: row.merged_into_candidate_id }
              : { kind: row.reason === 'anonymized' ? 'anonymized' : 'deleted', candidateId };
          await eraseOrMerge(db, again);
          await recordAudit(db, {
            actor: 'job-sync',
            action: 'person.erasure_repeated',
            details: { candidateId, reason: row.reason },
          });
          erasedAgain += 1;
        }
        await markErasureChecked(db, candidateId);
      }
      const retentionDays = deps.webhookPayloadRetentionDays ?? DEFAULT_WEBHOOK_RETENTION_DAYS;
      const payloadsExpired = await expireWebhookPayloads(db, retentionDays);
      return { checked: due.length, erasedAgain, payloadsExpired };
    },
  };
}
