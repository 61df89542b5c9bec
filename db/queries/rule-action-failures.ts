// Rule actions that failed after their retries (rule_action_failure), listed in Ops with Retry.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** A rule action that failed after its retries: one row per decision, listed in Ops with Retry. */
export async function recordRuleActionFailure(
  db: Db,
  input: {
    jobId: number;
    personId: string | null;
    traceId: number;
    index: number;
    decisionType: string;
    workflowId: string;
    failureType: string;
    message: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('rule_action_failure')
    .values({
      job_id: input.jobId,
      person_id: input.personId,
      trace_id: input.traceId,
      decision_index: input.index,
      decision_type: input.decisionType,
      workflow_id: input.workflowId,
      failure_type: input.failureType,
      failure_message: input.message,
    })
    .onConflict((oc) =>
      oc.columns(['trace_id', 'decision_index']).doUpdateSet({
        status: 'failed',
        workflow_id: input.workflowId,
        failure_type: input.failureType,
        failure_message: input.message,
        attempts: sql`rule_action_failure.attempts + 1`,
        updated_at: sql`now()`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ops' Retry finished: done, or failed again with a new reason. */
export async function finishRuleActionRetry(
  db: Db,
  input: {
    failureId: string;
    outcome: { ok: true } | { ok: false; failureType: string; message: string };
  },
): Promise<void> {
  await db
    .updateTable('rule_action_failure')
    .set(
      input.outcome.ok
        ? { status: 'done', updated_at: sql`now()` }
        : {
            status: 'failed',
            failure_type: input.outcome.failureType,
            failure_message: input.outcome.message,
            updated_at: sql`now()`,
          },
    )
    .where('id', '=', input.failureId)
    .execute();
}
