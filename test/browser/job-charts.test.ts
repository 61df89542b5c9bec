import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsForJob } from '../../db/queries/pipeline-counts';
import { createDefaultFlow } from '../../rules';
import { cycleTimeline } from '../../web/charts/phase-timeline';
import { scoreBins } from '../../web/charts/score-bins';
import { createUser } from '../../web/server/users.server';
import { autopilotWorkflowId, resumeSignal, statusQuery } from '../../temporal/autopilot-api';
import { eventually } from '../support/autopilot-harness';
import { publishRules } from '../support/publish-rules';
import { signIn, startStack, type Stack } from './support/stack';

// An admin: the job screen's widest header (five actions), the hardest to fit at 1024 px.
const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-reads-charts-42' };
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const PHASES = ['training', 'sourcing', 'matching', 'selecting', 'exporting', 'tracking'];

/** Scrolled to, then wholly inside the window: a person sees all of it at once, nothing cut off. */
async function shownWhole(page: Page, locator: Locator): Promise<boolean> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  return (
    !!box &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= view.width + 1 &&
    box.y + box.height <= view.height + 1
  );
}

// A recruiter opens a job the autopilot has run a cycle on and looks at its pictures instead of its lists.
describe('the job’s charts: funnel, scores against the rules’ line, the last cycle’s timeline', () => {
  let stack: Stack;
  let job: { id: number; name: string };

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    // A job with a written post, so the cycle can train, source, score and ask for approvals.
    job = await stack.db
      .selectFrom('job')
      .innerJoin('job_post', 'job_post.job_id', 'job.id')
      .select(['job.id', 'job.name'])
      .where('job.status', '=', 'open')
      .where('job_post.content', '!=', '')
      .orderBy('job.id')
      .executeTakeFirstOrThrow();
    await publishRules(stack.db, createDefaultFlow({ jobId: job.id, flowId: randomUUID(), threshold: 75 }));
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
    await stack.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', job.id).execute();
    await stack.client.workflow.signalWithStart('jobAutopilot', {
      workflowId: autopilotWorkflowId(job.id),
      taskQueue: stack.taskQueue,
      args: [{ jobId: job.id }],
      signal: resumeSignal,
      signalArgs: [{ by: 'test' }],
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows each chart whole at 1440 and 1024 px with the numbers of the job and of its cycle', async () => {
    const status = await eventually(
      'the autopilot to finish its first cycle',
      async () => {
        const seen = await stack.client.workflow
          .getHandle(autopilotWorkflowId(job.id))
          .query(statusQuery)
          .catch(() => undefined);
        return seen?.recentCycles?.some((c) => c.finishedAt !== null) ? seen : undefined;
      },
      { timeoutMs: 180_000 },
    );
    const cycle = cycleTimeline(status.recentCycles!.findLast((c) => c.finishedAt !== null)!)!;
    expect(cycle.spans.map((s) => s.phase)).toEqual(PHASES);
    const counts = await countsForJob(stack.db, job.id);
    expect(counts.funnel.matched, 'the cycle scored people').toBeGreaterThan(0);
    const scores = await stack.db
      .selectFrom('job_person')
      .select('score')
      .where('job_id', '=', job.id)
      .where('score', 'is not', null)
      .execute();
    const bins = scoreBins(scores.map((s) => Number(s.score)));
    const through = scores.filter((s) => Number(s.score) >= 75).length;

    const page = await signIn(stack, admin);
    await page.goto(`/jobs/${job.id}`);
    await page.getByTestId('charts-tab').click();
    await page.getByTestId('job-charts').waitFor({ timeout: 15_000 });

    // The funnel says what the header says: one source of counts.
    expect(await page.getByTestId('cycle-counts').textContent()).toContain(`${counts.total} people`);
    const funnel = page.getByTestId('funnel-chart');
    const drawn = await funnel
      .locator('[data-step]')
      .evaluateAll((steps) =>
        steps.map((s) => [s.getAttribute('data-step'), Number(s.getAttribute('data-people'))]),
      );
    expect(drawn).toEqual(Object.entries(counts.funnel));
    expect(await page.getByTestId('funnel-figure').locator('figcaption').textContent()).toContain(
      `sourced ${counts.total} → matched ${counts.funnel.matched} → awaiting approval ${counts.funnel.awaitingApproval}`,
    );

    const histogram = page.getByTestId('score-histogram');
    const drawnBins = await histogram
      .locator('[data-bin]')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-people'))));
    expect(drawnBins).toEqual(bins.map((b) => b.people));
    const line = histogram.getByTestId('score-threshold');
    expect(await line.count()).toBe(1);
    expect(await line.getAttribute('data-value')).toBe('75');
    expect(await line.locator('text').textContent()).toBe('Score at least 75');
    expect(await page.getByTestId('threshold-caption').textContent()).toContain(
      `Score at least 75: ${through} ${through === 1 ? 'person' : 'people'}`,
    );

    const timeline = page.getByTestId('cycle-timeline');
    expect(await timeline.getAttribute('data-cycle')).toBe(String(cycle.cycle));
    const phases = await timeline
      .locator('[data-phase]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-phase'), Number(r.getAttribute('data-duration-ms'))]),
      );
    expect(phases).toEqual(cycle.spans.map((s) => [s.phase, s.durationMs]));
    expect(await page.getByTestId('timeline-caption').textContent()).toMatch(
      new RegExp(`^Cycle ${cycle.cycle} took [0-9.]+ (s|min).*: Training .+, Tracking .+\\.$`),
    );

    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      // Nothing sideways; when something is, the message names what sticks out.
      const sticking = await page.evaluate((width) => {
        const wide = [...document.querySelectorAll('body *')].filter(
          (e) => e.getBoundingClientRect().right > width + 1,
        );
        return wide.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`);
      }, size.width);
      expect(sticking, `nothing sideways at ${size.width}px`).toEqual([]);
      for (const figure of ['funnel-figure', 'histogram-figure', 'timeline-figure']) {
        expect(await shownWhole(page, page.getByTestId(figure)), `${figure} whole at ${size.width}px`).toBe(
          true,
        );
      }
      // The rule's line and its words are inside the chart as drawn, not clipped by it.
      const chartBox = (await histogram.boundingBox())!;
      const labelBox = (await line.locator('text').boundingBox())!;
      expect(labelBox.x >= chartBox.x && labelBox.x + labelBox.width <= chartBox.x + chartBox.width).toBe(
        true,
      );
      expect(labelBox.y >= chartBox.y).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/charts-${size.width}.png`, fullPage: true });
    }
    expect(stack.pageErrors).toEqual([]);
  }, 300_000);
});
