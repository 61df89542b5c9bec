import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { addPersonToJob } from '../../../db/queries/people';
import { createDefaultFlow } from '../../../rules';
import { collect } from '../../../greenhouse/client';
import {
  autopilotWorkflowId,
  decideApprovalsUpdate,
  newSourceDataSignal,
  statusQuery,
} from '../../../temporal/autopilot-api';
import {
  eventually,
  maybeRecordGoldenHistory,
  startAutopilotHarness,
  type AutopilotHarness,
} from '../../support/autopilot-harness';
import { publishRules } from '../../support/publish-rules';

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\s+/g, ' ');

describe('the autopilot cycle for one job, on the real dev server with the sandbox as Greenhouse', () => {
  let h: AutopilotHarness;
  let jobId: number;
  const strong = [
    { firstName: 'Avery', lastName: 'Quinn', email: 'avery.quinn@example.org' },
    { firstName: 'Jordan', lastName: 'Blake', email: 'jordan.blake@example.org' },
  ];

  beforeAll(async () => {
    h = await startAutopilotHarness();
    // 1. The job sync stores the sandbox's jobs, posts and stages.
    const synced = await h.client.workflow.execute('syncJobs', {
      taskQueue: h.taskQueue,
      workflowId: `sync-jobs-${h.taskQueue}`,
      args: [{ enableNewOpenJobs: false }],
    });
    expect(synced.jobs).toBeGreaterThan(5);
    const job = await h.db
      .selectFrom('job')
      .innerJoin('job_post', 'job_post.job_id', 'job.id')
      .select(['job.id', 'job.name', 'job_post.content'])
      .where('job.status', '=', 'open')
      .where('job_post.content', '!=', '')
      .orderBy('job.id')
      .executeTakeFirstOrThrow();
    jobId = job.id;
    await h.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', jobId).execute();

    // The admin published rules for this job: matches scoring 40 or more go to a recruiter for approval.
    await publishRules(
      h.db,
      createDefaultFlow({
        jobId,
        flowId: randomUUID(),
        threshold: 40,
        approvalTimeout: { amount: 2, unit: 'days' },
      }),
    );

    // 2. A recruiter uploads two people whose experience mirrors the job — ten years in the same role,
    // described in the post's own words — and one who does not fit.
    for (const person of strong) {
      await addPersonToJob(
        h.db,
        jobId,
        {
          ...person,
          emails: [person.email],
          resumeText: `${job.name} — Northwind Systems (2015 – present)\nExperience: ${plain(job.content)}`,
        },
        { kind: 'import' },
      );
    }
    await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Casey',
        lastName: 'Moss',
        emails: ['casey.moss@example.org'],
        resumeText: 'Pastry chef. Croissants, sourdough and wedding cakes for fifteen years.',
      },
      { kind: 'import' },
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  it('trains, sources, scores, asks for approval, exports the approved people and tracks their stage', async () => {
    const handle = await h.client.workflow.start('jobAutopilot', {
      taskQueue: h.taskQueue,
      workflowId: autopilotWorkflowId(jobId),
      args: [{ jobId, cadenceMinutes: 60 }],
    });

    // 3. The cycle scores everyone and sends the strong matches to a recruiter.
    const status = await eventually(
      'both strong matches awaiting approval',
      async () => {
        const current = await handle.query(statusQuery);
        const ids = await h.db
          .selectFrom('person')
          .select('id')
          .where(
            'first_name',
            'in',
            strong.map((p) => p.firstName),
          )
          .execute();
        const pending = current.pendingApprovals.filter((a) => ids.some((row) => row.id === a.personId));
        return pending.length === 2 && current.phase === 'sleeping' ? { current, pending } : undefined;
      },
      {
        explain: async () => ({
          status: await handle.query(statusQuery),
          people: await h.db
            .selectFrom('job_person')
            .innerJoin('person', 'person.id', 'job_person.person_id')
            .select(['person.first_name', 'job_person.pipeline_stage', 'job_person.score'])
            .where('job_person.job_id', '=', jobId)
            .execute(),
        }),
      },
    );
    expect(status.current.profileVersion).toBe(1);
    expect(status.current.lastError).toBeNull();
    expect(status.current.ruleVersions).toEqual([{ flowId: expect.any(String), version: 1 }]);
    const weak = await h.db
      .selectFrom('job_person')
      .innerJoin('person', 'person.id', 'job_person.person_id')
      .select(['job_person.pipeline_stage', 'job_person.score'])
      .where('person.first_name', '=', 'Casey')
      .executeTakeFirstOrThrow();
    expect(weak.pipeline_stage).toBe('not_selected');
    for (const approval of status.pending) expect(approval.score).toBeGreaterThan(weak.score ?? 0);

    // 4. The recruiter approves both; each decision starts an export.
    const results = await handle.executeUpdate(decideApprovalsUpdate, {
      args: [
        {
          decisions: status.pending.map((a) => ({
            personId: a.personId,
            decision: 'approved' as const,
            decidedBy: 'riley@example.com',
          })),
        },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(['approved', 'approved']);
    for (const result of results) {
      const exported = await h.client.workflow.getHandle(result.exportWorkflowId!).result();
      expect(exported.reusedExistingCandidate).toBe(false);
    }

    // 5. Both are candidates on the job in Greenhouse, with a resume and the match note.
    for (const person of strong) {
      const found = await collect(h.harvest.listCandidates({ email: person.email }));
      expect(found).toHaveLength(1);
      const applications = await collect(h.harvest.listApplications({ candidate_ids: [found[0]!.id] }));
      expect(applications.filter((a) => a.job_id === jobId)).toHaveLength(1);
      const attachments = await collect(
        h.harvest.listAttachments({ application_ids: [applications[0]!.id] }),
      );
      expect(attachments.map((a) => a.type)).toContain('resume');
      const notes = await collect(h.harvest.listNotes({ candidate_ids: [found[0]!.id] }));
      expect(
        notes.some((n) => /Exported by Pilothouse \(approved by riley@example.com\)/.test(n.body ?? '')),
      ).toBe(true);
    }

    // 6. Re-running an export changes nothing: no second person, no second application.
    const again = await h.client.workflow.execute('exportCandidate', {
      taskQueue: h.taskQueue,
      workflowId: results[0]!.exportWorkflowId!,
      args: [
        {
          jobId,
          personId: results[0]!.personId,
          target: { kind: 'candidate', stageId: null },
          requestedBy: 'ops@example.com',
        },
      ],
    });
    expect(again.alreadyExported).toBe(true);
    expect(await collect(h.harvest.listCandidates({ email: strong[0]!.email }))).toHaveLength(1);

    // 7. A recruiter moves one of them in Greenhouse; reconciliation brings the new stage to Pilothouse.
    const [candidate] = await collect(h.harvest.listCandidates({ email: strong[0]!.email }));
    const [application] = await collect(h.harvest.listApplications({ candidate_ids: [candidate!.id] }));
    const stages = await h.db
      .selectFrom('job_stage')
      .select(['id', 'name'])
      .where('job_id', '=', jobId)
      .orderBy('sort_order')
      .execute();
    const next = stages.find((s) => s.id !== application!.job_interview_stage_id)!;
    const moved = await fetch(`${h.sandbox.controlUrl}/recruiter/applications/${application!.id}/move`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to_stage_id: next.id }),
    });
    expect(moved.status).toBe(200);
    const movedPerson = await h.db
      .selectFrom('person')
      .select('id')
      .where('greenhouse_candidate_id', '=', candidate!.id)
      .executeTakeFirstOrThrow();
    await handle.signal(newSourceDataSignal, { reason: 'manual' });
    await eventually(
      'the new stage in Pilothouse',
      async () => {
        const row = await h.db
          .selectFrom('job_person')
          .select('greenhouse')
          .where('job_id', '=', jobId)
          .where('person_id', '=', movedPerson.id)
          .executeTakeFirstOrThrow();
        return row.greenhouse.kind !== 'none' && row.greenhouse.stageId === next.id ? row : undefined;
      },
      {
        explain: async () => ({
          status: await handle.query(statusQuery),
          movedTo: next.id,
          inGreenhouse: await collect(h.harvest.listApplications({ candidate_ids: [candidate!.id] })),
          row: await h.db
            .selectFrom('job_person')
            .select('greenhouse')
            .where('person_id', '=', movedPerson.id)
            .executeTakeFirst(),
        }),
      },
    );
    const counts = await eventually('the cycle to finish', async () => {
      const current = await handle.query(statusQuery);
      return current.phase === 'sleeping' ? current.counts : undefined;
    });
    expect(counts.exported).toBe(2);
    await handle.terminate('scenario finished');
    await maybeRecordGoldenHistory(h, handle.workflowId, 'job-autopilot-full-cycle');
    await maybeRecordGoldenHistory(h, results[0]!.exportWorkflowId!, 'export-candidate');
  });
});
