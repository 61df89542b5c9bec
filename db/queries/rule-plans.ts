// The plans the autopilot evaluates: the job's published versions (rule_version) and every plan a
// decision was made under, kept by hash (rule_plan).
import type { Db } from '../database';
import type { RulePlan } from '../../rules';

/** A plan the autopilot evaluates, with the published version it came from (null: the default flow). */
export interface LoadedPlan {
  flowId: string;
  version: number | null;
  plan: RulePlan;
}

/** The job's latest published version of each flow. */
export async function publishedPlansOfJob(db: Db, jobId: number): Promise<LoadedPlan[]> {
  const published = await db
    .selectFrom('rule_version as v')
    .select(['v.flow_id', 'v.version', 'v.plan'])
    .where('v.job_id', '=', jobId)
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('rule_version as latest')
          .select(({ fn }) => fn.max('latest.version').as('max'))
          .whereRef('latest.flow_id', '=', 'v.flow_id'),
      ),
    )
    .execute();
  return published.map((row) => ({ flowId: row.flow_id, version: row.version, plan: row.plan }));
}

/** One published version of a flow (of the job, when given). */
export async function publishedVersionPlan(
  db: Db,
  input: { flowId: string; version: number; jobId?: number },
): Promise<LoadedPlan | null> {
  let query = db
    .selectFrom('rule_version')
    .select(['plan'])
    .where('flow_id', '=', input.flowId)
    .where('version', '=', input.version);
  if (input.jobId !== undefined) query = query.where('job_id', '=', input.jobId);
  const row = await query.executeTakeFirst();
  return row ? { flowId: input.flowId, version: input.version, plan: row.plan } : null;
}

/** Keeps the plan addressable by its hash, so decisions made under it are carried out under it later. */
export async function keepPlan(db: Db, jobId: number, loaded: LoadedPlan): Promise<void> {
  await db
    .insertInto('rule_plan')
    .values({
      hash: loaded.plan.hash,
      job_id: jobId,
      flow_id: loaded.flowId,
      rule_version: loaded.version,
      plan: JSON.stringify(loaded.plan),
    })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

/** A plan kept by its hash (rule_plan) only; null when it was never kept. */
export async function keptPlan(db: Db, hash: string): Promise<RulePlan | null> {
  const row = await db.selectFrom('rule_plan').select('plan').where('hash', '=', hash).executeTakeFirst();
  return row ? row.plan : null;
}

/** The plan a decision was made under: kept by hash; else its published version. */
export async function planDecidedUnder(db: Db, hash: string): Promise<LoadedPlan | null> {
  const kept = await db
    .selectFrom('rule_plan')
    .select(['flow_id', 'rule_version', 'plan'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  if (kept) return { flowId: kept.flow_id, version: kept.rule_version, plan: kept.plan };
  const published = await db
    .selectFrom('rule_version')
    .select(['flow_id', 'version', 'plan'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  return published ? { flowId: published.flow_id, version: published.version, plan: published.plan } : null;
}
