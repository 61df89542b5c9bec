import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStageMapping } from '../../activities/autopilot/rule-plans';
import { createUser } from '../../web/server/users.server';
import { createDefaultFlow } from '../../rules';
import { publishRules } from '../support/publish-rules';
import { seedPendingApprovals } from './support/seed-approvals';
import { signIn, SCREENSHOTS, startStack, type Stack } from './support/stack';
import { inViewport } from './support/viewport';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-publishes-rules-42' };
const WIDTHS = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;
const PAGE_WAIT = { timeout: 20_000 };

// "Also apply to people already handled" is a choice the admin makes with the number in front of them:
// the publish dialog says how many people the new version would act on, asks to confirm, and only then
// publishes it for them.
describe('publishing rules to the people a job already handled', () => {
  let stack: Stack;
  let jobId: number;
  const SEEDED = 6;

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    jobId = (
      await stack.db
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'open')
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    // The admin saved the Stage mapping screen's suggestions: the default flow's export stage resolves.
    await stack.db
      .insertInto('stage_mapping')
      .values({
        job_id: jobId,
        mapping: JSON.stringify(await loadStageMapping(stack.db, jobId)),
        updated_by: admin.email,
      })
      .execute();
    // Version 1 (approve good matches, then export), and six people it already scored and sent for approval.
    await publishRules(stack.db, createDefaultFlow({ jobId, flowId: randomUUID(), threshold: 75 }));
    await seedPendingApprovals(stack.db, jobId, SEEDED, 'Handled');
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  for (const size of WIDTHS) {
    it(`at ${size.width} px the dialog shows, in view, how many people the version would act on and asks before publishing`, async () => {
      const page = await signIn(stack, admin);
      await page.setViewportSize(size);
      await page.goto(`/jobs/${jobId}/rules`);
      await page.getByTestId('publish').click();
      const dialog = page.getByTestId('publish-dialog');
      await page.getByTestId('publish-diff').waitFor(PAGE_WAIT);
      const choice = page.getByTestId('retroactive');
      expect(await choice.isDisabled()).toBe(false);
      const label = page.locator('label.check', { has: choice });
      expect(await label.textContent()).toContain(`(${SEEDED} would be acted on)`);
      // Off by default: only new events.
      expect(await choice.isChecked()).toBe(false);
      expect(await page.getByTestId('confirm-publish').textContent()).toMatch(/^Publish version 2$/);

      await choice.check();
      const confirm = page.getByTestId('retroactive-confirm');
      await confirm.waitFor(PAGE_WAIT);
      expect(await confirm.textContent()).toContain(
        `This applies the new version to ${SEEDED} people already handled`,
      );
      const button = page.getByTestId('confirm-publish');
      expect(await button.textContent()).toBe(`Publish version 2 and apply to ${SEEDED} people`);
      for (const [what, locator] of [
        ['the confirmation', confirm],
        ['the publish button', button],
        ['the choice', choice],
      ] as const)
        expect(await inViewport(page, locator), `${what} is in view at ${size.width} px`).toBe(true);
      expect(await dialog.isVisible()).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/publish-retroactive-${size.width}.png` });

      if (size.width === 1024) {
        // Changing one's mind: unticked, the button goes back to publishing for new events only.
        await choice.uncheck();
        expect(await button.textContent()).toBe('Publish version 2');
        return;
      }
      await button.click();
      const published = page.getByTestId('published-version');
      await published.waitFor(PAGE_WAIT);
      expect(await published.textContent()).toBe('Version 2 published');
      expect(await inViewport(page, published)).toBe(true);
      const version = await stack.db
        .selectFrom('rule_version')
        .select(['version', 'retroactive', 'published_by'])
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow();
      expect(version).toEqual({ version: 2, retroactive: true, published_by: admin.email });
    });
  }
});
