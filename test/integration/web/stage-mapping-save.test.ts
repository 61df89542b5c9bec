// Saving the stage mapping screen: the mapping is stored as the admin chose it (stage links and status
// outcomes), and every published flow of the job that reads it is compiled again and published as its
// next version. Real web app and PostgreSQL; that the saved status outcomes decide at run time is shown
// in test/integration/rules/rule-runtime.test.ts (job D).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStageMapping, loadValidationContext } from '../../../activities/autopilot/rule-plans';
import type { Db } from '../../../db/database';
import type { RulePlan, RuleFlow } from '../../../rules';
import { flowOf, mappedStage, tag, trigger } from '../../unit/rules/fixtures/build-flow';
import { publishRules } from '../../support/publish-rules';
import { testDb } from '../../support/services';
import { firstAdminSignsUp } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_301;
const REVIEW = 6_990_301;
const SCREEN = 6_990_302;

describe('saving the stage mapping screen', () => {
  let db: Db;
  let web: WebApp;
  let admin: Visitor;
  let flowId: string;

  beforeAll(async () => {
    db = testDb();
    await sql`truncate app_user, app_session, sign_in_attempt cascade`.execute(db);
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    web = await startWebApp();
    admin = await firstAdminSignsUp(web.url);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Mapping Engineer', status: 'open' });
    await db
      .insertInto('job_stage')
      .values([
        { id: REVIEW, job_id: JOB_ID, name: 'Application Review', sort_order: 0 },
        { id: SCREEN, job_id: JOB_ID, name: 'Phone Screen', sort_order: 1 },
      ])
      .execute();
    // "When an application moves to the stage we call exported → tag": its plan holds that stage's id.
    const flow: RuleFlow = {
      ...flowOf(
        trigger.stageChanged(null, mappedStage('exported')),
        [tag('reached exported', 'pilothouse')],
        {
          id: randomUUID(),
        },
      ),
      jobId: JOB_ID,
    };
    flowId = await publishRules(db, flow, 'admin@example.com', await loadValidationContext(db, JOB_ID));
  });

  afterAll(async () => {
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await web?.close();
    await db?.destroy();
  });

  const exportedStageOf = async (version: number) => {
    const row = await db
      .selectFrom('rule_version')
      .select('plan')
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .executeTakeFirst();
    const trigger = (row?.plan as RulePlan | undefined)?.steps[0].trigger;
    return trigger?.kind === 'stageChanged' ? (trigger.to?.stageId ?? null) : undefined;
  };

  it('stores what the admin chose and publishes the job’s flows again, compiled against it', async () => {
    const before = await exportedStageOf(1);
    expect([REVIEW, SCREEN]).toContain(before);
    const other = before === REVIEW ? SCREEN : REVIEW;
    const mapping = await loadStageMapping(db, JOB_ID);
    mapping.links = mapping.links.map((link) =>
      link.pipelineStage === 'exported' ? { ...link, greenhouseStageId: other, setBy: 'admin' } : link,
    );
    mapping.statusOutcomes.rejected = 'ignored';

    const answer = await admin.submit(`/jobs/${JOB_ID}/stages`, { mapping: JSON.stringify(mapping) });
    expect(answer.status).toBe(200);

    const stored = await loadStageMapping(db, JOB_ID);
    expect(stored.statusOutcomes.rejected).toBe('ignored');
    expect(stored.links.find((l) => l.pipelineStage === 'exported')?.greenhouseStageId).toBe(other);
    // Recompiled: version 2 of the flow starts at the stage the mapping now calls "exported".
    expect(await exportedStageOf(2)).toBe(other);
    expect(await exportedStageOf(1)).toBe(before);

    // Saved again unchanged: nothing to publish.
    const again = await admin.submit(`/jobs/${JOB_ID}/stages`, { mapping: JSON.stringify(stored) });
    expect(again.status).toBe(200);
    expect(await exportedStageOf(3)).toBeUndefined();
  });
});
