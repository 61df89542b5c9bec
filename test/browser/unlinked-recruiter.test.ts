import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../web/server/users.server';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-links-accounts-42' };
const recruiter = { name: 'Uma Unlinked', email: 'uma@pilothouse.test', password: 'uma-waits-for-ada-42' };
const PAGE_WAIT = { timeout: 15_000 };

/** Wholly inside the window: what she actually sees on arriving, without scrolling. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
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

// A recruiter whose account no admin has linked to a Greenhouse user yet signs in: no job (confidential
// ones among them) until Ada links her, and the Jobs screen says why and whom to ask.
describe('a recruiter linked to no Greenhouse user sees no job until an admin links her', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    const context = { db: stack.db, env: stack.env } as Parameters<typeof createUser>[0];
    await createUser(context, { ...admin, role: 'admin', greenhouseUserId: null });
    await createUser(context, { ...recruiter, role: 'recruiter', greenhouseUserId: null });
  });

  afterAll(async () => {
    await stack?.close();
  });

  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    it(`at ${size.width} px the Jobs screen says why it is empty and whom to ask, in view`, async () => {
      const page = await signIn(stack, recruiter);
      await page.setViewportSize(size);
      await page.goto('/jobs');
      const why = page.getByTestId('not-linked');
      await why.waitFor(PAGE_WAIT);
      expect(await inViewport(page, why)).toBe(true);
      expect(await why.textContent()).toContain('Your account is not linked to a Greenhouse user yet');
      expect(await why.textContent()).toContain('Ask an admin (Ada Admin) to link it under Users.');
      expect(await page.getByTestId('job-row').count()).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}/unlinked-jobs-${size.width}.png` });
      // A job's own address is refused too.
      const job = await stack.db.selectFrom('job').select('id').orderBy('id').executeTakeFirstOrThrow();
      const answer = await page.goto(`/jobs/${job.id}`);
      expect(answer?.status()).toBe(403);
      await page.context().close();
    });
  }

  it('once Ada links her to the site admin in Greenhouse, the jobs appear', async () => {
    const siteAdmin = stack.sandbox.runtime.state.users.find((u) => u.site_admin && !u.deactivated)!;
    await stack.db
      .updateTable('app_user')
      .set({ greenhouse_user_id: siteAdmin.id })
      .where('email', '=', recruiter.email)
      .execute();
    const page = await signIn(stack, recruiter);
    await page.goto('/jobs');
    await page.getByTestId('jobs-table').waitFor(PAGE_WAIT);
    expect(await page.getByTestId('job-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('not-linked').count()).toBe(0);
    await page.context().close();
  });

  it('no page threw in the browser', () => {
    // The refused job page is an answer (403), not an error thrown in the page.
    expect(stack.pageErrors).toEqual([]);
  });
});
