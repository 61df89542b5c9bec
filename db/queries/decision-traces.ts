// Every rule evaluation stored (decision_trace): the event, the decisions and the trace — the "why".
import type { Db } from '../database';
import { sql } from 'kysely';
import type { Evaluation, FlowEvent } from '../../rules';
import type { LoadedPlan } from './rule-plans';

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

/** The job's rule flows that decided about people, with how many people each decided about, by name. */
export async function flowsThatDecided(db: Db, jobId: number) {
  return db
    .selectFrom('decision_trace as t')
    .innerJoin('rule_flow as f', 'f.id', 't.flow_id')
    .select(['f.id', 'f.name', sql<number>`count(distinct t.person_id)::int`.as('people')])
    .where('t.job_id', '=', jobId)
    .where('t.person_id', 'is not', null)
    .groupBy(['f.id', 'f.name'])
    .orderBy('f.name')
    .execute();
}

/**
 * The job's rule evaluations about people (of one flow, or of every flow), newest first, with what identifies
 * the person in a self-identification export: their Greenhouse candidate id and emails.
 */
export async function ruleDecisionsAboutPeople(
  db: Db,
  input: { jobId: number; flowId: string | null; limit: number },
) {
  let query = db
    .selectFrom('decision_trace as t')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .select(['t.person_id', 't.decisions', 'p.greenhouse_candidate_id', 'p.emails'])
    .where('t.job_id', '=', input.jobId)
    .where('t.flow_id', 'is not', null)
    .orderBy('t.id', 'desc')
    .limit(input.limit);
  if (input.flowId) query = query.where('t.flow_id', '=', input.flowId);
  return query.execute();
}

/** The latest rule evaluations about one person on one job, newest first (the "Why?" page). */
export async function decisionTracesAbout(db: Db, input: { jobId: number; personId: string; limit: number }) {
  return db
    .selectFrom('decision_trace')
    .select(['id', 'rule_version', 'decisions', 'trace', 'created_at'])
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
}
