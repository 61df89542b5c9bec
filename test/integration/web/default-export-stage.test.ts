// While nobody has saved a job's stage mapping, the autopilot's default flow exports at the stage the
// mapping suggests; the rules screen names that stage instead of leaving the admin to guess.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database';
import { loadStageMapping } from '../../../activities/autopilot/rule-plans';
import { suggestedExportStage } from '../../../web/server/default-export-stage.server';
import type { PilothouseContext } from '../../../web/server/load-context';
import { testDb } from '../../support/services';
import { upsertSyncedJob } from '../../../db/queries/jobs';

const JOB_ID = 4_990_101;

describe('where the default flow exports before the stage mapping is saved', () => {
  let db: Db;
  const context = () => ({ db }) as PilothouseContext;

  beforeAll(async () => {
    db = testDb();
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await upsertSyncedJob(db, { id: JOB_ID, name: 'Default Flow Engineer', status: 'open' });
    await db
      .insertInto('job_stage')
      .values([
        { id: 6_990_101, job_id: JOB_ID, name: 'Application Review', sort_order: 0 },
        { id: 6_990_102, job_id: JOB_ID, name: 'Phone Screen', sort_order: 1 },
      ])
      .execute();
  });

  afterAll(async () => {
    await sql`delete from job where id = ${JOB_ID}`.execute(db);
    await db.destroy();
  });

  it('names the suggested stage — the one the autopilot compiles the default flow with — until a mapping is saved', async () => {
    const stage = await suggestedExportStage(context(), JOB_ID);
    const used = (await loadStageMapping(db, JOB_ID)).links.find((l) => l.pipelineStage === 'exported');
    expect(stage).toBe('Application Review');
    expect(used?.greenhouseStageId).toBe(6_990_101);

    await db
      .insertInto('stage_mapping')
      .values({
        job_id: JOB_ID,
        mapping: JSON.stringify(await loadStageMapping(db, JOB_ID)),
        updated_by: 'admin@example.com',
      })
      .execute();
    // Saved: the canvas and the autopilot read the same links, and the screen shows them on the canvas.
    expect(await suggestedExportStage(context(), JOB_ID)).toBeNull();
  });
});
