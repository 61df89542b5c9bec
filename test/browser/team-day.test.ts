import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../web/server/users.server';
import { autopilotWorkflowId, resumeSignal, statusQuery } from '../../temporal/autopilot-api';
import { createDefaultFlow } from '../../rules';
import { eventually } from '../support/autopilot-harness';
import { publishRules } from '../support/publish-rules';
import { seedPendingApprovals } from './support/seed-approvals';
import { hydrated, signIn, SCREENSHOTS, startStack, type Stack } from './support/stack';
import { boxOf, inViewport } from './support/viewport';

const recruiter = {
  name: 'Riley Recruiter',
  email: 'riley@pilothouse.test',
  password: 'riley-approves-people-42',
};
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const PAGE_WAIT = { timeout: 15_000 };
const WORKFLOW_WAIT = { timeout: 180_000, interval: 1_000 };

const view = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/team-day-${name}.png` });

// A recruiter's morning: 72 people waiting across three jobs, decided from the keyboard.
describe('the approvals inbox holds 72 requests across three jobs in a page a recruiter can work through', () => {
  let stack: Stack;
  let jobs: { id: number; name: string }[];
  const seeded = new Map<number, { personId: string; name: string; score: number }[]>();

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    // The first job has a written post, so its autopilot's cycle can train and reach its approvals.
    jobs = await stack.db
      .selectFrom('job')
      .leftJoin('job_post', 'job_post.job_id', 'job.id')
      .select(['job.id', 'job.name'])
      .distinctOn(['job.id'])
      .where('job.status', '=', 'open')
      .where('job.confidential', '=', false)
      .orderBy('job.id')
      .execute()
      .then(async (open) => {
        const withPost = await stack.db
          .selectFrom('job_post')
          .select('job_id')
          .where('content', '!=', '')
          .execute();
        const posted = new Set(withPost.map((p) => p.job_id));
        return [...open].sort((a, b) => Number(posted.has(b.id)) - Number(posted.has(a.id))).slice(0, 3);
      });
    expect(jobs).toHaveLength(3);
    // Published rules (the default ones, as version 1): a request names the version it was created under.
    for (const [index, job] of jobs.entries()) {
      await publishRules(stack.db, createDefaultFlow({ jobId: job.id, flowId: randomUUID() }));
      seeded.set(job.id, await seedPendingApprovals(stack.db, job.id, 24, `Job${index + 1}P`));
    }
    const context = { db: stack.db, env: stack.env } as Parameters<typeof createUser>[0];
    // Linked to the sandbox's site admin, who sees every non-confidential job: a recruiter linked to
    // nobody would see no job at all.
    const siteAdmin = stack.sandbox.runtime.state.users.find((u) => u.site_admin && !u.deactivated)!;
    await createUser(context, { ...recruiter, role: 'recruiter', greenhouseUserId: siteAdmin.id });
  });

  afterAll(async () => {
    await stack?.close();
  });

  for (const size of WIDTHS) {
    it(`at ${size.width} px: one line per person, 20 per page, grouped by job, each saying what Approve does`, async () => {
      const page = await signIn(stack, recruiter);
      await page.setViewportSize(size);
      await page.goto('/approvals');
      await page.getByTestId('approvals').waitFor(PAGE_WAIT);
      await hydrated(page);
      const cards = page.getByTestId('approval');
      expect(await cards.count()).toBe(20);
      expect(await page.getByTestId('inbox-range').textContent()).toBe('1–20 of 72');
      // 72 expanded cards made a 24,000 px page; 20 one-line cards fit in a few screens.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(size.height * 2.5);
      for (const card of (await cards.all()).slice(0, 5)) {
        expect((await boxOf(card)).height).toBeLessThan(60);
        expect(await card.getByTestId('approve-effect').textContent()).toMatch(
          /^Approve → export to Greenhouse at “.+”$/,
        );
        // All of it shows: the stage it names is the point (a laptop once saw "…at “Applica").
        const clipped = await card
          .getByTestId('approve-effect')
          .evaluate((e) => [e, ...e.children].some((x) => x.scrollWidth > x.clientWidth + 1));
        expect(clipped, 'what Approve does is cut off').toBe(false);
      }
      // Grouped by job, in job-name order (the first job's 20 best fill page 1), sorted by score, best first.
      const firstJob = [...jobs].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)[0]!;
      expect(await page.getByTestId('approval-group').count()).toBe(1);
      expect(await page.getByTestId('approval-group').locator('h2').textContent()).toContain(firstJob.name);
      const scores = await page.locator('[data-testid="approval"] .score').allTextContents();
      expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));
      // Nothing sideways: the page is as wide as the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      // The keys act once the list has the focus: the recruiter clicks the first person.
      await cards.first().locator('.person-name').click();
      // The evidence opens on demand, in view.
      await page.keyboard.press('e');
      const details = page.getByTestId('approval-details').first();
      await details.waitFor(PAGE_WAIT);
      expect(await inViewport(page, details)).toBe(true);
      expect(await details.textContent()).toContain('Ran Kubernetes clusters for 4 years');
      await view(page, `inbox-${size.width}`);
      // The keyboard highlight follows j to the last card of the page and stays in view all the way.
      const toolbar = page.getByRole('toolbar', { name: 'Decide' });
      for (let i = 1; i < 20; i++) {
        await page.keyboard.press('j');
        const focused = page.locator('[data-testid="approval"].focused');
        expect(await focused.getAttribute('data-person-name')).toBe(
          await cards.nth(i).getAttribute('data-person-name'),
        );
        expect(await inViewport(page, focused, toolbar)).toBe(true);
      }
      await view(page, `inbox-highlight-last-${size.width}`);
      // Page 2 and 3 hold the rest; the job filter shows one job's 24 only.
      await page.getByRole('link', { name: 'Next →' }).click();
      await expect.poll(() => page.getByTestId('inbox-range').textContent(), PAGE_WAIT).toBe('21–40 of 72');
      await page.locator('select[name="job"]').selectOption(String(jobs[2]!.id));
      await page.waitForURL(new RegExp(`job=${jobs[2]!.id}`));
      await expect.poll(() => page.getByTestId('inbox-range').textContent(), PAGE_WAIT).toBe('1–20 of 24');
      const names = await page
        .getByTestId('approval')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-person-name')));
      expect(names.every((name) => name?.startsWith('Job3P'))).toBe(true);
      await page.context().close();
    });
  }

  it('a highlighted person scrolled out of view is not decided; a bulk approve keeps the highlight in view and follows the exports into Greenhouse', async () => {
    const job = jobs[0]!;
    // The job's autopilot takes the seeded requests into its cycle (its own selection returns the pending ones).
    await stack.client.workflow.signalWithStart('jobAutopilot', {
      workflowId: autopilotWorkflowId(job.id),
      taskQueue: stack.taskQueue,
      args: [{ jobId: job.id }],
      signal: resumeSignal,
      signalArgs: [{ by: 'test' }],
    });
    await stack.db.updateTable('job').set({ autopilot_enabled: true }).where('id', '=', job.id).execute();
    await eventually(
      'the autopilot to hold the 24 requests',
      async () => {
        // A query may time out while the worker is busy with the cycle: ask again.
        const status = await stack.client.workflow
          .getHandle(autopilotWorkflowId(job.id))
          .query(statusQuery)
          .catch(() => undefined);
        return status && status.pendingApprovals.length >= 24 ? true : undefined;
      },
      { timeoutMs: WORKFLOW_WAIT.timeout },
    );
    const page = await signIn(stack, recruiter);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/approvals?job=${job.id}`);
    await page.getByTestId('approvals').waitFor(PAGE_WAIT);
    await hydrated(page);
    const toolbar = page.getByRole('toolbar', { name: 'Decide' });
    await page.getByTestId('approval').first().locator('.person-name').click();
    for (let i = 0; i < 15; i++) await page.keyboard.press('j');
    const focused = page.locator('[data-testid="approval"].focused');
    const highlightedName = await focused.getAttribute('data-person-name');
    // The cycle may have asked about a sandbox applicant too: the count is read, not assumed.
    const waiting = Number((await page.getByTestId('inbox-range').textContent())!.split(' of ')[1]);
    expect(waiting).toBeGreaterThanOrEqual(24);
    // The recruiter scrolls away and presses a: nothing is decided, the highlighted person is brought back.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inViewport(page, focused, toolbar)).toBe(false);
    await page.keyboard.press('a');
    await page
      .getByText('The highlighted person was out of view, so nothing was decided.')
      .waitFor(PAGE_WAIT);
    expect(await inViewport(page, focused, toolbar)).toBe(true);
    expect(await page.getByTestId('decision-results').count()).toBe(0);
    expect(await page.getByTestId('inbox-range').textContent()).toBe(`1–20 of ${waiting}`);

    // Bulk: three selected with x, approved with a.
    const chosen: string[] = [];
    const effects = new Map<string, string | null>();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('x');
      const name = (await focused.getAttribute('data-person-name'))!;
      chosen.push(name);
      effects.set(name, await focused.getAttribute('data-effect'));
      await page.keyboard.press('j');
    }
    await view(page, 'inbox-before-bulk-approve-1024');
    expect(await page.getByTestId('decision-target').textContent()).toBe('3 selected');
    await page.keyboard.press('a');
    await expect
      .poll(() => page.locator('[data-testid="decision-result"][data-outcome="approved"]').count(), PAGE_WAIT)
      .toBe(3);
    // Each card said what Approve would do; the answer says what it did: an export for each "export" card.
    for (const name of chosen) {
      const result = page.locator(`[data-testid="decision-result"][data-person-name="${name}"]`);
      expect(
        `${name}: ${await result.getAttribute('data-export')}`,
        `${name}: ${await result.textContent()} (card said ${effects.get(name)})`,
      ).toBe(`${name}: ${effects.get(name) === 'export' ? 'queued' : 'none'}`);
    }
    expect(chosen.filter((name) => effects.get(name) === 'export').length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('inbox-range').textContent(), PAGE_WAIT)
      .toBe(`1–20 of ${waiting - 3}`);
    // The highlight is still on screen after the decided rows vanished.
    expect(await inViewport(page, page.locator('[data-testid="approval"].focused'), toolbar)).toBe(true);
    expect(chosen).toContain(highlightedName);
    // Their outcome is followed live until they are in Greenhouse, with a link to each profile.
    for (const name of chosen.filter((n) => effects.get(n) === 'export')) {
      const row = page.locator(`[data-testid="recent-decision"][data-person-name="${name}"]`);
      await expect.poll(() => row.getAttribute('data-state'), WORKFLOW_WAIT).toBe('in-greenhouse');
      expect(await row.getByRole('link', { name: 'In Greenhouse ↗' }).getAttribute('href')).toMatch(
        /\/people\/\d+$/,
      );
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await view(page, 'inbox-after-bulk-approve-1024');
    await page.context().close();
  });

  it('no page threw in the browser', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
