import { randomUUID } from 'node:crypto';
import { loadValidationContext } from '../../activities/autopilot/rule-plans';
import type { Db } from '../../db/database';
import { compile, HARVEST_SCOPES_BY_ACTION, type RuleFlow, type ValidationContext } from '../../rules';

/** Stores a flow as the job's published version 1, as the canvas's "Publish" would. */
export async function publishRules(
  db: Db,
  flow: RuleFlow,
  publishedBy = 'admin@example.com',
  context: Partial<ValidationContext> = {},
  version = 1,
): Promise<string> {
  const flowId = flow.id || randomUUID();
  const compiled = compile(flow, {
    ...(await loadValidationContext(db, flow.jobId)),
    grantedScopes: [...new Set(Object.values(HARVEST_SCOPES_BY_ACTION).flat())],
    ...context,
  });
  if (!compiled.ok) throw new Error(`the test flow does not compile: ${JSON.stringify(compiled.issues)}`);
  if (version === 1)
    await db
      .insertInto('rule_flow')
      .values({
        id: flowId,
        job_id: flow.jobId,
        name: flow.name,
        draft: JSON.stringify(flow),
        updated_by: publishedBy,
      })
      .execute();
  await db
    .insertInto('rule_version')
    .values({
      flow_id: flowId,
      version,
      job_id: flow.jobId,
      flow: JSON.stringify(flow),
      plan: JSON.stringify(compiled.plan),
      hash: compiled.plan.hash,
      published_by: publishedBy,
    })
    .execute();
  return flowId;
}
