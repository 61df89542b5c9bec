import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { countsForJob, jobCounts, pipelineCounts } from '../../../db/queries/pipeline-counts';
import { PIPELINE_STAGES } from '../../../db/queries/pipeline-tabs';
import type { PipelineStage } from '../../../db/tables/people';
import type { SignedInUser } from '../../../web/server/auth.server';
import { jobPeople } from '../../../web/server/job-people.server';
import { listJobs } from '../../../web/server/jobs.server';
import type { PilothouseContext } from '../../../web/server/load-context';
import { testDb } from '../../support/services';

const JOB = 7_700_001;
const OTHER_JOB = 7_700_002;
// A job mid-way: most people left out by the rules, a few waiting, exported, one exported and moved on.
const STAGES: [PipelineStage, number][] = [
  ['sourced', 2],
  ['unreadable', 1],
  ['matched', 3],
  ['pending_approval', 4],
  ['approved', 1],
  ['exported', 3],
  ['not_selected', 25],
  ['rejected', 2],
  ['approval_expired', 1],
  ['decided_in_greenhouse', 3],
];

describe('one count of a job’s people, used by the Jobs list, the job’s header, tabs and funnel', () => {
  const db = testDb();
  const context = {
    db,
    env: parseEnv({ NODE_ENV: 'test', SESSION_SECRET: 'job-counts-test-secret-0123456789abcdef' }),
  } as unknown as PilothouseContext;
  const admin = {
    id: 'u',
    email: 'ada@example.org',
    name: 'Ada',
    role: 'admin',
    greenhouse_user_id: null,
  } as SignedInUser;

  beforeAll(async () => {
    await db.deleteFrom('job').where('id', 'in', [JOB, OTHER_JOB]).execute();
    for (const id of [JOB, OTHER_JOB])
      await db
        .insertInto('job')
        .values({
          id,
          name: `Counting job ${id}`,
          requisition_id: null,
          status: 'open',
          department_name: null,
          greenhouse_updated_at: null,
          deleted_at: null,
        })
        .execute();
    let n = 0;
    for (const [stage, people] of STAGES) {
      for (let i = 0; i < people; i++) {
        n += 1;
        const person = await db
          .insertInto('person')
          .values({ first_name: `Count${n}`, last_name: 'Person' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const scored = stage !== 'sourced' && stage !== 'unreadable';
        const exported = stage === 'exported';
        await db
          .insertInto('job_person')
          .values({
            job_id: JOB,
            person_id: person.id,
            source_kind: 'import',
            pipeline_stage: stage,
            score: scored ? 50 + (n % 50) : null,
            // The first exported person has since moved to a later Greenhouse stage.
            greenhouse: JSON.stringify(
              exported
                ? {
                    kind: 'applicant',
                    candidateId: 900 + n,
                    onThisJob: true,
                    stageId: i === 0 ? 202 : 201,
                    status: 'in_process',
                  }
                : { kind: 'none' },
            ),
          })
          .execute();
        if (
          stage === 'pending_approval' ||
          stage === 'approved' ||
          stage === 'exported' ||
          stage === 'rejected'
        )
          await db
            .insertInto('approval_request')
            .values({
              job_id: JOB,
              person_id: person.id,
              workflow_id: 'autopilot-default-job-7700001',
              status:
                stage === 'pending_approval' ? 'pending' : stage === 'rejected' ? 'rejected' : 'approved',
              requested_from: null,
              reason: null,
              decided_by: null,
              decided_at: null,
              due_at: null,
            })
            .execute();
        if (exported || stage === 'approved')
          await db
            .insertInto('export_ledger')
            .values({
              job_id: JOB,
              person_id: person.id,
              workflow_id: `export-${n}`,
              status: exported ? 'exported' : 'failed',
              target: JSON.stringify({ kind: 'candidate', stageId: 201 }),
              requested_by: 'ada@example.org',
              greenhouse_candidate_id: exported ? 900 + n : null,
              greenhouse_application_id: null,
              resume_attachment_id: null,
              note_id: null,
              failure_type: exported ? null : 'validation',
              failure_message: exported ? null : 'Greenhouse refused the email',
            })
            .execute();
      }
    }
  });

  afterAll(async () => {
    await db.deleteFrom('job').where('id', 'in', [JOB, OTHER_JOB]).execute();
    await db.deleteFrom('person').where('first_name', 'like', 'Count%').execute();
    await db.destroy();
  });

  it('each tab counts exactly the people the tab lists, and the tabs add up to everyone', async () => {
    const counts = await countsForJob(db, JOB);
    expect(counts.total).toBe(45);
    expect(Object.values(counts.byTab).reduce((a, b) => a + b, 0)).toBe(45);
    for (const { key } of PIPELINE_STAGES) {
      const listed = await jobPeople(context, JOB, { stage: key, q: '' });
      expect(listed.people.length, `tab ${key}`).toBe(counts.byTab[key]);
      expect(listed.total, `tab ${key}`).toBe(counts.byTab[key]);
    }
    expect(counts.byTab).toEqual({
      sourced: 3,
      matched: 3,
      pending_approval: 4,
      approved: 1,
      exported: 3,
      left_to_greenhouse: 0,
      rejected: 31,
    });
  });

  it('the funnel counts everyone at each step they reached', async () => {
    const { funnel, failedExports } = await countsForJob(db, JOB);
    expect(funnel).toEqual({
      sourced: 45,
      matched: 42,
      awaitingApproval: 10,
      exported: 3,
      advanced: 1,
      hired: 0,
    });
    expect(failedExports).toBe(1);
  });

  it('the Jobs list and the autopilot’s cycle summary read the same counts; a job nobody is on counts zero', async () => {
    const listed = await listJobs(context, admin, { q: 'Counting job', status: 'all', autopilot: 'all' });
    const row = listed.find((j) => j.id === JOB)!;
    expect(row.counts).toEqual(await countsForJob(db, JOB));
    expect(row.failedExports).toBe(1);
    expect(listed.find((j) => j.id === OTHER_JOB)!.counts.total).toBe(0);
    expect((await jobCounts(db, [OTHER_JOB])).get(OTHER_JOB)!.byTab.exported).toBe(0);
    expect(await pipelineCounts(db, JOB)).toEqual({
      sourced: 45,
      matched: 42,
      pendingApproval: 4,
      exported: 3,
      failedExports: 1,
    });
  });
});
