import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_PAGE_SIZE } from '../../db/queries/pipeline-people';
import { createUser } from '../../web/server/users.server';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';
import { inViewport } from './support/viewport';

// An admin sees every job without a Greenhouse user link, as the team's first user does.
const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-reads-every-page-7' };
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const EXTRA = 30;

// Someone on a busy job scrolls to the end of the list and goes on to the next page of people.
describe('the job screen lists a busy job a page at a time', () => {
  let stack: Stack;
  let jobId: number;
  let total: number;

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    jobId = stack.sandbox.runtime.state.jobs.find((j) => j.status === 'open' && !j.confidential)!.id;
    const people = await stack.db
      .insertInto('person')
      .values(
        Array.from({ length: PIPELINE_PAGE_SIZE + EXTRA }, (_, i) => ({
          first_name: `Applicant${i + 1}`,
          last_name: 'Busyjob',
        })),
      )
      .returning('id')
      .execute();
    await stack.db
      .insertInto('job_person')
      .values(
        people.map(({ id }, i) => ({
          job_id: jobId,
          person_id: id,
          source_kind: 'import' as const,
          pipeline_stage: 'matched' as const,
          score: 90 - (i % 60),
          greenhouse: JSON.stringify({ kind: 'none' }),
        })),
      )
      .execute();
    total = Number(
      (
        await stack.db
          .selectFrom('job_person')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('job_id', '=', jobId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows where the page stands and a pager in view at the end of the list, at 1440 and 1024 px', async () => {
    const page = await signIn(stack, admin);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto(`/jobs/${jobId}`);
      await expect(page.getByTestId('page-range').textContent()).resolves.toBe(
        `1–${PIPELINE_PAGE_SIZE} of ${total} people, best score first`,
      );
      expect(await page.getByTestId('person').count()).toBe(PIPELINE_PAGE_SIZE);

      const pager = page.getByTestId('pager');
      await pager.scrollIntoViewIfNeeded();
      expect(await inViewport(page, pager), `the pager at ${size.width} px`).toBe(true);
      await expect(pager.textContent()).resolves.toContain('Page 1 of 2');
      await page.screenshot({ path: `${SCREENSHOTS}/job-pages-end-${size.width}.png` });

      await pager.getByRole('link', { name: 'Next →' }).click();
      await page.waitForURL((url) => url.searchParams.get('page') === '2');
      const secondRange = `${PIPELINE_PAGE_SIZE + 1}–${total} of ${total} people, best score first`;
      await page.getByTestId('page-range').filter({ hasText: secondRange }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('person').count()).toBe(total - PIPELINE_PAGE_SIZE);
      expect(await inViewport(page, page.getByTestId('page-range')), `the range at ${size.width} px`).toBe(
        true,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/job-pages-second-${size.width}.png` });
    }
  });
});
