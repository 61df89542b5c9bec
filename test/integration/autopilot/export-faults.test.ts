import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import { collect } from '../../../greenhouse/client';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { uniqueTaskQueue } from '../../support/services';
import { sandboxConnectionSettings } from '../../../sandbox';

// Exactly once, whatever happens: the worker is killed mid-export, Greenhouse answers 503s and bursts of 429s.
describe('exports survive crashes and a bad day at Greenhouse without duplicates', () => {
  let h: AutopilotHarness;
  let jobId: number;
  const people: { personId: string; email: string }[] = [];
  const children: ChildProcess[] = [];

  // A real worker process (scripts/worker.ts) on its own task queue, pointed at the test services.
  const startWorkerProcess = (taskQueue: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: inject('temporalNamespace'),
        TEMPORAL_TASK_QUEUE: taskQueue,
        ...sandboxConnectionSettings(h.sandbox),
        JOB_SYNC_INTERVAL_MINUTES: '600',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    h = await startAutopilotHarness();
    await sql`truncate greenhouse_connection`.execute(h.db).catch(() => {});
    await h.client.workflow.execute('syncJobs', {
      taskQueue: h.taskQueue,
      workflowId: `sync-${h.taskQueue}`,
      args: [{}],
    });
    const job = await h.db
      .selectFrom('job')
      .select('id')
      .where('status', '=', 'open')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    jobId = job.id;
    for (let i = 0; i < 6; i += 1) {
      const email = `exactly.once.${i}@example.org`;
      const { personId } = await addPersonToJob(
        h.db,
        jobId,
        {
          firstName: `Pat${i}`,
          lastName: 'Exactly',
          emails: [email],
          resumeText: 'Platform engineer, Kubernetes, Go',
        },
        { kind: 'import' },
      );
      people.push({ personId, email });
    }
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await h?.close();
  });

  it('a worker killed in the middle of exports is replaced and every person lands exactly once', async () => {
    const taskQueue = uniqueTaskQueue('crash');
    // Slow Greenhouse so the kill lands while creates are in flight.
    await fetch(`${h.sandbox.controlUrl}/faults`, {
      method: 'PUT',
      body: JSON.stringify({ latencyMs: 400 }),
      headers: { 'content-type': 'application/json' },
    });
    const first = startWorkerProcess(taskQueue);
    const handles = await Promise.all(
      people.slice(0, 3).map(({ personId }) =>
        h.client.workflow.start('exportCandidate', {
          taskQueue,
          workflowId: exportWorkflowId(jobId, personId),
          args: [
            {
              jobId,
              personId,
              target: { kind: 'candidate', stageId: null },
              requestedBy: 'riley@example.com',
            },
          ],
        }),
      ),
    );
    await eventually('an export in flight', async () => {
      const row = await h.db
        .selectFrom('export_ledger')
        .select('job_id')
        .where('job_id', '=', jobId)
        .where('greenhouse_candidate_id', 'is not', null)
        .executeTakeFirst();
      return row;
    });
    first.kill('SIGKILL');
    await fetch(`${h.sandbox.controlUrl}/faults`, { method: 'DELETE' });
    startWorkerProcess(taskQueue);

    for (const handle of handles) await handle.result();
    for (const { email } of people.slice(0, 3)) {
      const found = await collect(h.harvest.listCandidates({ email }));
      expect(found, email).toHaveLength(1);
      const applications = await collect(h.harvest.listApplications({ candidate_ids: [found[0]!.id] }));
      expect(
        applications.filter((a) => a.job_id === jobId),
        email,
      ).toHaveLength(1);
      const attachments = await collect(
        h.harvest.listAttachments({ application_ids: [applications[0]!.id] }),
      );
      expect(
        attachments.filter((a) => a.type === 'resume'),
        email,
      ).toHaveLength(1);
      // A first attempt skips the list before each create; a retry after a kill must not.
      const notes = await collect(h.harvest.listNotes({ candidate_ids: [found[0]!.id] }));
      expect(
        notes.filter((n) => (n.body ?? '').includes('Pilothouse')),
        email,
      ).toHaveLength(1);
    }
  });

  it('503s and a burst of 429s are retried until every export is done, still exactly once', async () => {
    await fetch(`${h.sandbox.controlUrl}/faults`, {
      method: 'PUT',
      body: JSON.stringify({ serverErrorRate: 0.3, rateLimitBurst: 10, retryAfterSeconds: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    try {
      const handles = await Promise.all(
        people.slice(3).map(({ personId }) =>
          h.client.workflow.start('exportCandidate', {
            taskQueue: h.taskQueue,
            workflowId: exportWorkflowId(jobId, personId),
            args: [
              {
                jobId,
                personId,
                target: { kind: 'candidate', stageId: null },
                requestedBy: 'riley@example.com',
              },
            ],
          }),
        ),
      );
      for (const handle of handles) await handle.result();
    } finally {
      await fetch(`${h.sandbox.controlUrl}/faults`, { method: 'DELETE' });
    }
    for (const { email, personId } of people.slice(3)) {
      const found = await collect(h.harvest.listCandidates({ email }));
      expect(found, email).toHaveLength(1);
      const applications = await collect(h.harvest.listApplications({ candidate_ids: [found[0]!.id] }));
      expect(
        applications.filter((a) => a.job_id === jobId),
        email,
      ).toHaveLength(1);
      const ledger = await h.db
        .selectFrom('export_ledger')
        .selectAll()
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      expect(ledger.status).toBe('exported');
      expect(ledger.greenhouse_candidate_id).toBe(found[0]!.id);
    }
  });
});
