// Every rule evaluation stored (decision_trace): the event, the decisions and the trace — the "why".
import type { Kysely, Transaction } from 'kysely';
import type { Evaluation, FlowEvent } from '../../rules';
import type { Database } from '../schema';
import type { LoadedPlan } from './rule-plans';

type Db = Kysely<Database> | Transaction<Database>;

/** The "why" of one evaluation: the event, the decisions and the trace, with the plan they were made under. */
export async function recordDecisionTrace(
  db: Db,
  input: {
    jobId: number;
    personId: string | null;
    loaded: LoadedPlan;
    event: FlowEvent;
    evaluation: Evaluation;
  },
): Promise<number> {
  const { loaded, evaluation } = input;
  const { id } = await db
    .insertInto('decision_trace')
    .values({
      job_id: input.jobId,
      person_id: input.personId,
      // The default flow is no published flow.
      flow_id: loaded.version === null ? null : loaded.flowId,
      rule_version: loaded.version,
      plan_hash: loaded.plan.hash,
      event: JSON.stringify(input.event),
      decisions: JSON.stringify(evaluation.decisions),
      trace: JSON.stringify(evaluation.trace),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** The decisions of one trace row, with whom and which job they are about. */
export async function decisionsOf(db: Db, traceId: number) {
  const row = await db
    .selectFrom('decision_trace')
    .select(['job_id', 'person_id', 'decisions', 'plan_hash'])
    .where('id', '=', traceId)
    .executeTakeFirst();
  return row
    ? {
        jobId: Number(row.job_id),
        personId: row.person_id,
        planHash: row.plan_hash,
        decisions: row.decisions,
      }
    : null;
}

/** People a published version already decided about on the job. */
export async function peopleDecidedUnder(
  db: Db,
  input: { jobId: number; flowId: string; version: number },
): Promise<Set<string | null>> {
  const rows = await db
    .selectFrom('decision_trace')
    .select('person_id')
    .where('job_id', '=', input.jobId)
    .where('flow_id', '=', input.flowId)
    .where('rule_version', '=', input.version)
    .where('person_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
