import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestFromConnection } from '../../activities/harvest-factory';
import { addPersonToJob } from '../../db/queries/people';
import { presenceFromApplications } from '../../db/queries/greenhouse-presence';
import type { Application } from '../../greenhouse/schemas/applications';
import { createUser } from '../../web/server/users.server';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';
import { inViewport } from './support/viewport';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-watches-the-pipeline-7' };
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const PAGE_WAIT = { timeout: 15_000 };

// A recruiter has the job's screen open while a colleague moves one of its applicants to the next
// interview stage in Greenhouse. Greenhouse tells Pilothouse by webhook; the row says so on the open
// screen, in view, without a reload — at both widths, each move one after the other.
describe('a move in Greenhouse shows on the open job screen', () => {
  let stack: Stack;
  let job: { id: number; stages: { id: number; name: string }[] };
  let applicant: { personId: string; application: Application };

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    const { state } = stack.sandbox.runtime;
    // Greenhouse posts its webhooks to the web app, as `npm start` sets the sandbox up.
    stack.sandbox.runtime.webhookTargets.push({
      id: 1,
      url: `${stack.web.url}/webhooks/greenhouse`,
      secret_key: stack.env.PILOTHOUSE_DEMO_WEBHOOK_SECRET!,
      events: ['candidate_stage_change'],
      max_attempts: 3,
    });
    // An active applicant on an open job with at least three more stages to move through.
    const stagesOf = (jobId: number) =>
      state.job_interview_stages
        .filter((s) => s.job_id === jobId)
        .sort((a, b) => a.sort_order - b.sort_order);
    const application = state.applications.find((a) => {
      if (a.prospect || a.status !== 'in_process' || a.job_id === null) return false;
      const jobOf = state.jobs.find((j) => j.id === a.job_id);
      const stages = stagesOf(a.job_id);
      const at = stages.findIndex((s) => s.id === a.job_interview_stage_id);
      return jobOf?.status === 'open' && !jobOf.confidential && at >= 0 && at + 2 < stages.length;
    })!;
    expect(application, 'the sandbox has an applicant to move').toBeDefined();
    job = {
      id: application.job_id!,
      stages: stagesOf(application.job_id!).map((s) => ({ id: s.id, name: s.name })),
    };
    const candidate = state.candidates.find((c) => c.id === application.candidate_id)!;
    const { personId } = await addPersonToJob(
      stack.db,
      job.id,
      {
        firstName: candidate.first_name ?? 'Sam',
        lastName: candidate.last_name ?? 'Applicant',
        emails: [`live-${candidate.id}@stage.test`],
        greenhouseCandidateId: candidate.id,
      },
      { kind: 'inbound' },
    );
    await stack.db
      .updateTable('job_person')
      .set({
        greenhouse: JSON.stringify(presenceFromApplications(job.id, candidate.id, [application])),
      })
      .where('job_id', '=', job.id)
      .where('person_id', '=', personId)
      .execute();
    applicant = { personId, application };
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('the applicant’s row shows each new stage in view, without a reload, at 1440 and 1024 px', async () => {
    const page = await signIn(stack, admin);
    const harvest = await harvestFromConnection(stack.db, stack.env)();
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto(`/jobs/${job.id}`);
      const row = page.locator(`[data-person-id="${applicant.personId}"]`);
      await row.waitFor(PAGE_WAIT);
      // Where Greenhouse has the application now (the sandbox's own record of it).
      const current = stack.sandbox.runtime.state.applications.find(
        (a) => a.id === applicant.application.id,
      )!.job_interview_stage_id!;
      const next = job.stages[job.stages.findIndex((s) => s.id === current) + 1]!;
      expect(await row.textContent()).not.toContain(next.name);
      // Marks this page: a reload or navigation would lose the mark.
      await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

      await harvest.moveApplication(applicant.application.id, {
        from_stage_id: current,
        to_stage_id: next.id,
      });

      await row.getByText(next.name).waitFor(PAGE_WAIT);
      expect(
        await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
      ).toBe(true);
      await row.scrollIntoViewIfNeeded();
      expect(await inViewport(page, row), `the row in view at ${size.width}px`).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/stage-change-live-${size.width}.png` });
    }
  });
});
