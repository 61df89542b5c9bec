import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startStack, type Stack } from './support/stack';
import { inViewport as wholly } from './support/viewport';

const inViewport = (page: Page, selector: string) => wholly(page, page.locator(selector).first());

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'correct horse battery staple' };

// A team opens a job's backtest from the job screen, runs it, and reads where its hires landed.
describe('backtest page in the browser', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    page = await stack.newPage();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the headline, the figures and the chart at 1440 and 1024 px', async () => {
    await page.goto('/setup');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Work email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Repeat the password').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL('**/settings/greenhouse');
    await page
      .getByRole('button', { name: /^(Connect the demo sandbox|Reconnect and check scopes again)$/ })
      .click();
    await page.getByTestId('scopes-ok').waitFor();
    await stack.syncJobs();
    const { state } = stack.sandbox.runtime;
    const applicants = (id: number) =>
      state.applications.filter((a) => a.job_id === id && !a.prospect).length;
    const job = state.jobs
      .filter((j) => j.status === 'open' && !j.confidential)
      .sort((a, b) => applicants(b.id) - applicants(a.id))[0]!;

    await page.goto(`/jobs/${job.id}`);
    await page.getByRole('link', { name: 'Backtest' }).click();
    await page.waitForURL(`**/jobs/${job.id}/backtest`);
    await page.getByRole('button', { name: 'Run the backtest' }).click();
    const headline = page.locator('#backtest-result');
    await headline.waitFor({ timeout: 120_000 });
    expect(await headline.textContent()).toMatch(
      new RegExp(
        `^(No hires on this job yet|Your (hire|\\d+ hires): \\d+ in the top 10 of ${applicants(job.id)} applications); (nobody advanced|\\d+ advanced or hired)`,
      ),
    );
    expect(await page.locator('main').textContent()).toContain(`Ranked ${applicants(job.id)} applications`);
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await inViewport(page, '#backtest-result'), `headline at ${width}px`).toBe(true);
      expect(await inViewport(page, 'dl.figures'), `figures at ${width}px`).toBe(true);
      const chart = await page.locator('svg.chart').boundingBox();
      expect(chart && chart.x + chart.width <= width, `chart fits across at ${width}px`).toBe(true);
      await screenshot(page, `backtest-${width}`);
    }
    expect(stack.pageErrors).toEqual([]);
  }, 240_000);
});
