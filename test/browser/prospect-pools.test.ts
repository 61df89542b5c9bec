import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToJob } from '../../db/queries/people';
import { recordGreenhousePresence } from '../../db/queries/greenhouse-presence';
import { createUser } from '../../web/server/users.server';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';
import { inViewport } from './support/viewport';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-chooses-pools-42' };
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const PAGE_WAIT = { timeout: 15_000 };

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/prospect-pools-${name}.png` });

// An admin opens a job and chooses the Greenhouse prospect pools it also sources from — by name, in view
// at 1440 and 1024 px — then sets how often people not found in Greenhouse are looked up again, and reads
// on an uploaded person's profile when they were last looked up.
describe('an admin chooses a job’s prospect pools and the Greenhouse look-up schedule', () => {
  let stack: Stack;
  let job: { id: number; name: string };

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    const chosen = stack.sandbox.runtime.state.jobs.find((j) => j.status === 'open' && !j.confidential)!;
    job = { id: chosen.id, name: chosen.name };
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the pools by name in view at both widths, saves a choice, and says when an upload was looked up', async () => {
    const page = await signIn(stack, admin);
    await page.goto('/settings/greenhouse');
    await page
      .getByRole('button', { name: /^(Connect the demo sandbox|Reconnect and check scopes again)$/ })
      .click();
    await page.getByTestId('scopes-ok').waitFor(PAGE_WAIT);

    const pools = stack.sandbox.runtime.state.prospect_pools;
    await page.goto(`/jobs/${job.id}`);
    const choice = page.getByTestId('prospect-pools');
    await choice.waitFor(PAGE_WAIT);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await inViewport(page, choice), `the pool choice in view at ${size.width}px`).toBe(true);
      const text = (await choice.textContent()) ?? '';
      for (const pool of pools) {
        expect(text).toContain(pool.name);
        // Named, never numbered.
        expect(text).not.toMatch(new RegExp(`\\b${pool.id}\\b`));
      }
      await shot(page, `job-${size.width}`);
    }

    await page.setViewportSize(WIDTHS[1]);
    await choice.getByLabel('Silver Medalists').check();
    await choice.getByRole('button', { name: 'Save pools' }).click();
    const saved = choice.getByRole('status');
    await saved.waitFor(PAGE_WAIT);
    expect(await saved.textContent()).toContain('Saved: Silver Medalists.');
    expect(await inViewport(page, saved), 'the saved answer in view at 1024px').toBe(true);
    await shot(page, 'saved-1024');
    const stored = await stack.db
      .selectFrom('job_prospect_pool')
      .select(['pool_name', 'chosen_by'])
      .where('job_id', '=', job.id)
      .execute();
    expect(stored).toEqual([{ pool_name: 'Silver Medalists', chosen_by: admin.email }]);
    await page.reload();
    await choice.waitFor(PAGE_WAIT);
    expect(await choice.getByLabel('Silver Medalists').isChecked()).toBe(true);

    // The admin looks for people not found in Greenhouse again every week instead of every day.
    await page.goto('/settings/greenhouse');
    const schedule = page.getByTestId('look-up-schedule');
    await schedule.getByRole('combobox').selectOption('weekly');
    await schedule.getByRole('button', { name: 'Save' }).click();
    await schedule.getByRole('status').waitFor(PAGE_WAIT);
    expect(await schedule.getByRole('status').textContent()).toContain('within a week');
    await schedule.scrollIntoViewIfNeeded();
    await shot(page, 'schedule-1024');

    // Someone uploaded and looked up yesterday: their profile says when, and when they are looked up again.
    const { personId } = await addPersonToJob(
      stack.db,
      job.id,
      { firstName: 'Femi', lastName: 'Adeyemi', emails: ['femi.adeyemi@example.org'] },
      { kind: 'import' },
    );
    await recordGreenhousePresence(stack.db, {
      jobId: job.id,
      personId,
      presence: { kind: 'none', checkedAt: new Date(Date.now() - 86_400_000).toISOString() },
      standing: 'refresh',
    });
    await page.goto(`/jobs/${job.id}/people/${personId}/why`);
    const lookUp = page.getByTestId('profile-look-up');
    await lookUp.waitFor(PAGE_WAIT);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await inViewport(page, lookUp), `the last look-up in view at ${size.width}px`).toBe(true);
      const said = (await lookUp.textContent()) ?? '';
      expect(said).toContain('not found by email or LinkedIn');
      expect(said).toContain('Looked up again after');
      expect(said).toContain('(every week)');
      await shot(page, `person-${size.width}`);
    }
  });
});
