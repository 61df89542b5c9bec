import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { upsertSyncedJob } from '../../../db/queries/jobs';
import { createDefaultFlow } from '../../../rules';
import type { PilothouseContext } from '../../../web/server/load-context';
import { loadDraft, saveDraft } from '../../../web/server/rules.server';
import { testDb } from '../../support/services';

const JOB = 7_700_301;

// An admin opens a job's rules to look. Nothing is saved by looking: the page said "Draft saved … by ada"
// when she had only opened it, and kept showing the default rules as they were that day after the product's
// default rules changed. Until someone saves, the draft is the default rules as they are now.
describe('opening the rules of a job nobody has drawn rules for', () => {
  const db = testDb();
  const context = {
    db,
    env: parseEnv({ NODE_ENV: 'test', SESSION_SECRET: 'rules-draft-test-secret-0123456789abcdef' }),
  } as unknown as PilothouseContext;

  beforeAll(async () => {
    await db.deleteFrom('job').where('id', '=', JOB).execute();
    await upsertSyncedJob(db, {
      id: JOB,
      name: 'Rules draft job',
      requisition_id: null,
      status: 'open',
      department_name: null,
      greenhouse_updated_at: null,
      deleted_at: null,
    });
  });

  afterAll(async () => {
    await db.deleteFrom('rule_flow').where('job_id', '=', JOB).execute();
    await db.deleteFrom('job').where('id', '=', JOB).execute();
    await db.destroy();
  });

  it('shows the current default rules, saved by nobody, until a person saves a draft', async () => {
    const first = await loadDraft(context, JOB);
    expect(first).toMatchObject({ updatedBy: null, updatedAt: null, damaged: false });
    expect(first.flow).toEqual(createDefaultFlow({ jobId: JOB, flowId: first.flow.id }));

    // The stored row holds whatever the default was on the first visit; a later visit shows today's.
    await db
      .updateTable('rule_flow')
      .set({ draft: JSON.stringify(createDefaultFlow({ jobId: JOB, flowId: first.flow.id, threshold: 70 })) })
      .where('id', '=', first.flow.id)
      .execute();
    const again = await loadDraft(context, JOB);
    expect(again.flow.id).toBe(first.flow.id);
    expect(again.flow).toEqual(createDefaultFlow({ jobId: JOB, flowId: first.flow.id }));
    expect(again.updatedBy).toBeNull();

    const edited = { ...again.flow, name: 'Referrals first' };
    await saveDraft(context, edited, 'ada@example.com');
    const saved = await loadDraft(context, JOB);
    expect(saved.flow.name).toBe('Referrals first');
    expect(saved.updatedBy).toBe('ada@example.com');
    expect(saved.updatedAt).not.toBeNull();
  });
});
