// Rule actions that failed after their retries (rule_action_failure), listed in Ops with Retry.
import type { Db } from '../database';
import { sql } from 'kysely';

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

export async function ruleActionFailure(db: Db, id: string) {
  return db.selectFrom('rule_action_failure').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The last 200 failed or retrying steps, most recent first, with the job and person; `jobIds` null: every job. */
export async function unresolvedRuleActionFailures(db: Db, jobIds: number[] | null) {
  let query = db
    .selectFrom('rule_action_failure as f')
    .innerJoin('job as j', 'j.id', 'f.job_id')
    .leftJoin('person as p', 'p.id', 'f.person_id')
    .select([
      'f.id',
      'f.job_id',
      'f.person_id',
      'f.decision_type',
      'f.workflow_id',
      'f.failure_type',
      'f.failure_message',
      'f.attempts',
      'f.status',
      'f.updated_at',
      'p.first_name',
      'p.last_name',
      'j.name as job_name',
    ])
    .where('f.status', 'in', ['failed', 'retrying']);
  if (jobIds) query = query.where('f.job_id', 'in', jobIds);
  return query.orderBy('f.updated_at', 'desc').limit(200).execute();
}

/**
 * Marks a failed step as being retried by `workflowId`; false when it is not failed (any more). Claimed
 * before the retry starts, so the retry's own outcome (done, or failed again) is never overwritten, and two
 * presses claim it once.
 */
export async function claimRuleActionRetry(db: Db, id: string, workflowId: string): Promise<boolean> {
  const claimed = await db
    .updateTable('rule_action_failure')
    .set({ status: 'retrying', workflow_id: workflowId, attempts: sql`attempts + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Gives back a claim whose retry could not start: the step is failed again, under its earlier workflow. */
export async function releaseRuleActionRetry(db: Db, id: string, workflowId: string): Promise<void> {
  await db
    .updateTable('rule_action_failure')
    .set({ status: 'failed', workflow_id: workflowId })
    .where('id', '=', id)
    .execute();
}

/** Every failed rule step about one person on one job, retried or not, keyed by the trace and decision it carried out. */
export async function ruleActionFailuresAbout(db: Db, jobId: number, personId: string) {
  return db
    .selectFrom('rule_action_failure')
    .select(['trace_id', 'decision_index', 'status', 'failure_type', 'failure_message'])
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .execute();
}
