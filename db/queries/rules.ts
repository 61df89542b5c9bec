// A job's rule flows: the draft each admin edits (rule_flow) and the immutable versions published from it
// (rule_version). The plans the autopilot evaluates are read in rule-plans.ts.
import type { Db } from '../database';
import type { Kysely } from 'kysely';
import type { PublishedRuleVersion, RuleFlow } from '../../rules';
import type { Database } from '../schema';

/** The job's rule flow (the oldest, should there be several), as stored. */
export async function ruleFlowOfJob(db: Db, jobId: number) {
  return db
    .selectFrom('rule_flow')
    .selectAll()
    .where('job_id', '=', jobId)
    .orderBy('updated_at')
    .executeTakeFirst();
}

/** Every rule flow of the job, by id and name. */
export async function ruleFlowsOfJob(db: Db, jobId: number) {
  return db.selectFrom('rule_flow').select(['id', 'name']).where('job_id', '=', jobId).execute();
}

export async function createRuleFlow(db: Db, flow: RuleFlow, by: string): Promise<void> {
  await db
    .insertInto('rule_flow')
    .values({
      id: flow.id,
      job_id: flow.jobId,
      name: flow.name,
      draft: JSON.stringify(flow),
      updated_by: by,
    } as never)
    .execute();
}

/** Stores the flow as the draft of its job's flow; a flow of another job is left alone. */
export async function saveRuleDraft(db: Db, flow: RuleFlow, by: string): Promise<void> {
  await db
    .updateTable('rule_flow')
    .set({ draft: JSON.stringify(flow), name: flow.name, updated_by: by, updated_at: new Date() })
    .where('id', '=', flow.id)
    .where('job_id', '=', flow.jobId)
    .execute();
}

/**
 * Stores a published version and makes its flow the draft, in one transaction, so the draft and the latest
 * version never disagree about what was published. Opens that transaction itself, so it takes the
 * database, not a transaction (Kysely does not nest them).
 */
export async function recordRuleVersion(
  db: Kysely<Database>,
  input: {
    version: PublishedRuleVersion;
    flow: RuleFlow;
    diff: { lines: string[]; changesBehaviour: boolean };
    by: string;
  },
): Promise<void> {
  const { version, flow, diff, by } = input;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rule_version')
      .values({
        flow_id: version.flowId,
        version: version.version,
        job_id: version.jobId,
        flow: JSON.stringify(version.flow),
        plan: JSON.stringify(version.plan),
        hash: version.hash,
        retroactive: version.retroactive,
        diff: JSON.stringify({ lines: diff.lines, changesBehaviour: diff.changesBehaviour }),
        published_by: by,
      } as never)
      .execute();
    await trx
      .updateTable('rule_flow')
      .set({ draft: JSON.stringify(flow), name: flow.name, updated_by: by, updated_at: new Date() })
      .where('id', '=', flow.id)
      .execute();
  });
}

const linesOf = (diff: unknown): string[] => ((diff as { lines?: string[] }).lines ?? []) as string[];

export async function latestRuleVersion(db: Db, flowId: string): Promise<PublishedRuleVersion | null> {
  const row = await db
    .selectFrom('rule_version')
    .selectAll()
    .where('flow_id', '=', flowId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    flowId: row.flow_id,
    jobId: row.job_id,
    version: row.version,
    flow: row.flow as RuleFlow,
    plan: row.plan,
    hash: row.hash,
    publishedBy: { userId: null, name: row.published_by },
    publishedAt: new Date(row.published_at).toISOString(),
    retroactive: row.retroactive,
    changes: linesOf(row.diff),
  };
}

/** The flow's published versions, newest first. */
export async function ruleVersionHistory(db: Db, flowId: string, limit = 50) {
  const rows = await db
    .selectFrom('rule_version')
    .select(['version', 'hash', 'published_by', 'published_at', 'diff', 'retroactive'])
    .where('flow_id', '=', flowId)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, lines: linesOf(row.diff) }));
}
