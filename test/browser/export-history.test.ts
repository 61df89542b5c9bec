import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../web/server/users.server';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';
import { inViewport } from './support/viewport';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-exports-careers-9' };
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const PAGE_WAIT = { timeout: 15_000 };
const EXPORT_WAIT = { timeout: 90_000 };

// A referral list names where people worked and studied. The admin imports it, exports one of them to
// Greenhouse by hand, and checks — on the person's page in Pilothouse and on their Greenhouse profile —
// that their career went with them, not only a PDF.
const list = [
  'First name,Last name,Email,Title,Company,Past jobs,Education',
  [
    'Priya',
    'Raman',
    'priya.raman@history.test',
    'Staff Engineer',
    'Northwind',
    '"Staff Engineer at Northwind (2022–present); Senior Engineer at Contoso (2018–2022); Engineer at Fabrikam (2014–2018)"',
    '"University of Waterloo — Bachelor\'s Degree, Computer Science (2010–2014)"',
  ].join(','),
].join('\n');

describe('an export carries the work history and education of a person Pilothouse found', () => {
  let stack: Stack;
  let job: { id: number; name: string };

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    const open = stack.sandbox.runtime.state.jobs.find((j) => j.status === 'open' && !j.confidential)!;
    job = { id: open.id, name: open.name };
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('imports, exports by hand, and shows what went with them at 1440 and 1024 px', async () => {
    const page = await signIn(stack, admin);
    await page.goto('/settings/greenhouse');
    await page
      .getByRole('button', { name: /^(Connect the demo sandbox|Reconnect and check scopes again)$/ })
      .click();
    await page.getByTestId('scopes-ok').waitFor(PAGE_WAIT);

    await page.goto(`/jobs/${job.id}/import`);
    await page.getByLabel(/CSV or JSON file/).setInputFiles({
      name: 'referrals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(list),
    });
    await page.getByRole('button', { name: 'Import people' }).click();
    await page.getByTestId('import-result').waitFor(PAGE_WAIT);
    expect(await page.getByTestId('import-result').textContent()).toContain(
      'referrals.csv: 1 added to the job',
    );

    await page.goto(`/jobs/${job.id}?q=Raman`);
    const row = page.getByTestId('person').filter({ hasText: 'Priya Raman' });
    await row.waitFor(PAGE_WAIT);
    // The export is asked for before anyone leaves the page (leaving would cancel the request).
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/jobs/${job.id}`)),
      row.getByRole('button', { name: 'Export Priya Raman to Greenhouse' }).click(),
    ]);
    await row.getByText('Export started').waitFor(PAGE_WAIT);

    await row.getByTestId('why-link').click();
    // (Reloading before the click's navigation has landed would reload the job screen.)
    await page.waitForURL(/\/why$/, PAGE_WAIT);
    const exported = page.getByTestId('why-export');
    await expect
      .poll(async () => {
        await page.reload();
        return exported.textContent();
      }, EXPORT_WAIT)
      .toContain('Their work history went with them (3 jobs)');
    expect(await exported.textContent()).toContain('Their education went with them (1 entry)');

    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await exported.scrollIntoViewIfNeeded();
      expect(await inViewport(page, exported), `the export's outcome in view at ${size.width}px`).toBe(true);
      const pastJobs = page.getByTestId('profile-past-jobs');
      await pastJobs.scrollIntoViewIfNeeded();
      expect(await inViewport(page, pastJobs), `the past jobs in view at ${size.width}px`).toBe(true);
      expect(await pastJobs.textContent()).toContain('Senior Engineer at Contoso');
      expect(await page.getByTestId('profile-education').textContent()).toContain('University of Waterloo');
      await page.screenshot({ path: `${SCREENSHOTS}/export-history-why-${size.width}.png`, fullPage: true });
    }

    // On Greenhouse's own profile (the sandbox's stand-in), where the recruiter looks next.
    const profileUrl = await page.getByTestId('open-in-greenhouse').getAttribute('href');
    await page.goto(profileUrl!);
    // Still where she works now: Greenhouse shows the latest employment as the candidate's title.
    expect(await page.locator('h1 + p').textContent()).toBe('Staff Engineer at Northwind');
    const employment = page.getByTestId('employment');
    expect(await employment.textContent()).toContain('Staff Engineer at Northwind (2022–now)');
    expect(await employment.textContent()).toContain('Senior Engineer at Contoso (2018–2022)');
    expect(await employment.textContent()).toContain('Engineer at Fabrikam (2014–2018)');
    expect(await page.getByTestId('education').textContent()).toContain(
      "University of Waterloo, Bachelor's Degree, Computer Science (2010–2014)",
    );
    await page.screenshot({ path: `${SCREENSHOTS}/export-history-greenhouse.png`, fullPage: true });
  });
});
