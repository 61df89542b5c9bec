import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../../db/queries/people';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import {
  greenhouseCandidatesWithEmail,
  setCandidateCreateScope,
} from '../../browser/support/sandbox-greenhouse';
import { eventually, startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';
import { sandboxConnectionSettings } from '../../../sandbox';
import { adminAdds, firstAdminSignsUp, greenhouseUserWhoSees, signedIn, type Teammate } from './support/team';
import { startWebApp, type Visitor, type WebApp } from './support/web-visitor';

const olu: Teammate = {
  name: 'Olu Ops',
  email: 'olu@pilothouse.test',
  password: 'olu-retries-exports-42',
  role: 'ops',
};
const morgan = { firstName: 'Morgan', lastName: 'Reyes', email: 'morgan.reyes@example.org' };

describe('ops: an export Greenhouse refused is retried from the Ops page once the cause is fixed', () => {
  let h: AutopilotHarness;
  let web: WebApp;
  let ops: Visitor;
  let jobId: number;
  let personId: string;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    await sql`truncate app_user, app_session, sign_in_attempt, greenhouse_connection cascade`.execute(h.db);
    web = await startWebApp({ TEMPORAL_TASK_QUEUE: h.taskQueue, ...sandboxConnectionSettings(h.sandbox) });
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
    // Olu's account is linked to a Greenhouse user who sees the job: an ops account linked to nobody sees none.
    await adminAdds(await firstAdminSignsUp(web.url), olu, await greenhouseUserWhoSees(h.harvest, [jobId]));
    ops = await signedIn(web.url, olu);

    ({ personId } = await addPersonToJob(
      h.db,
      jobId,
      { ...morgan, emails: [morgan.email], resumeText: 'Product manager for public APIs' },
      { kind: 'import' },
    ));
  });

  afterAll(async () => {
    await setCandidateCreateScope(h.sandbox, true).catch(() => {});
    await web?.close();
    await h?.close();
  });

  const ledger = () =>
    h.db
      .selectFrom('export_ledger')
      .select(['status', 'failure_type', 'failure_message', 'greenhouse_candidate_id'])
      .where('job_id', '=', jobId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();

  /** Every Temporal UI link on an Ops page opens a workflow that exists (described through the Temporal client). */
  async function expectEveryTemporalLinkResolves(html: string, atLeast: number) {
    const ids = [...html.matchAll(/href="[^"]*\/namespaces\/[^/"]+\/workflows\/([^/"]+)[^"]*"/g)].map((m) =>
      decodeURIComponent(m[1]!.replaceAll('&amp;', '&')),
    );
    expect(ids.length).toBeGreaterThanOrEqual(atLeast);
    for (const id of new Set(ids)) {
      await expect(
        h.client.workflow.getHandle(id).describe(),
        `the Ops link to ${id}`,
      ).resolves.toBeDefined();
    }
  }

  it('the export fails with 403 while the credential lacks the scope, and Ops shows who and why', async () => {
    await setCandidateCreateScope(h.sandbox, false);
    // Morgan was approved: the autopilot starts her export (here started directly, as it does).
    const failed = await h.client.workflow
      .execute('exportCandidate', {
        taskQueue: h.taskQueue,
        workflowId: exportWorkflowId(jobId, personId),
        args: [
          {
            jobId,
            personId,
            target: { kind: 'candidate', stageId: null },
            requestedBy: 'riley@pilothouse.test',
          },
        ],
      })
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect(failed, 'the export workflow failed').toBeInstanceOf(Error);
    expect(await ledger()).toMatchObject({ status: 'failed', failure_type: 'GreenhousePermissionDenied' });

    const page = await ops.get('/ops');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Morgan Reyes');
    expect(page.html).toContain('GreenhousePermissionDenied');
    expect(page.html).toContain('Missing required scope: harvest:candidates:create');
    expect(await greenhouseCandidatesWithEmail(h.sandbox, morgan.email)).toEqual([]);
    // The failed export's "Open in Temporal" link names the workflow that really ran.
    await expectEveryTemporalLinkResolves(page.html, 1);
  });

  it('with the scope granted again, Retry exports Morgan, and she is in Greenhouse once', async () => {
    await setCandidateCreateScope(h.sandbox, true);
    const retried = await ops.submit('/ops', { intent: 'retry', jobId: String(jobId), personId });
    expect(retried.status).toBe(200);

    const done = await eventually('the retried export to finish', async () => {
      const row = await ledger();
      return row.status === 'exported' ? row : undefined;
    });
    expect(done.greenhouse_candidate_id).not.toBeNull();
    const inGreenhouse = await greenhouseCandidatesWithEmail(h.sandbox, morgan.email);
    expect(inGreenhouse).toHaveLength(1);
    expect(inGreenhouse[0]!.applications.filter((a) => a.job_id === jobId)).toHaveLength(1);

    const audit = await h.db
      .selectFrom('audit_event')
      .select(['actor', 'workflow_id'])
      .where('action', '=', 'export.retried')
      .execute();
    expect(audit).toEqual([{ actor: olu.email, workflow_id: exportWorkflowId(jobId, personId) }]);
    const after = await ops.get('/ops');
    expect(after.html).toContain('No failed exports.');
    // The audit log's link for the retry names the export workflow it started.
    await expectEveryTemporalLinkResolves(after.html, 1);
    // In words, about whom: the retry and the candidate Greenhouse created, named, not as codes.
    const auditLog = after.html.slice(after.html.indexOf('data-testid="audit-log"'));
    expect(auditLog).toContain('Retried an export to Greenhouse');
    expect(auditLog).toContain('Created the candidate in Greenhouse');
    expect(auditLog).toContain('Morgan Reyes');
    expect(auditLog).not.toMatch(/export\.retried|greenhouse\.candidate\.created/);
  });

  it('pressing Retry again (a stale page) starts nothing and creates nobody', async () => {
    const runsBefore = await runsOfExport();
    const again = await ops.submit('/ops', { intent: 'retry', jobId: String(jobId), personId });
    expect(again.status).toBe(200);
    expect(await runsOfExport()).toBe(runsBefore);
    expect(await greenhouseCandidatesWithEmail(h.sandbox, morgan.email)).toHaveLength(1);
  });

  async function runsOfExport(): Promise<number> {
    let runs = 0;
    for await (const _ of h.client.workflow.list({
      query: `WorkflowId = '${exportWorkflowId(jobId, personId)}'`,
    }))
      runs += 1;
    return runs;
  }
});
