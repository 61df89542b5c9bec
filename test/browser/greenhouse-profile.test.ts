import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GreenhousePresence } from '../../db/tables/people';
import { createUser } from '../../web/server/users.server';
import { autopilotWorkflowId, resumeSignal } from '../../temporal/autopilot-api';
import { eventually } from '../support/autopilot-harness';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';
import { inViewport } from './support/viewport';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-checks-profiles-42' };
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const PAGE_WAIT = { timeout: 15_000 };

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/greenhouse-profile-${name}.png` });

// A recruiter opens an applicant on a job and checks them as they would in Greenhouse: where they stand,
// who recruits them, how to reach them, their resume. Then the admin points links at the account's own
// Greenhouse host and, finally, removes the connection.
describe('a person’s Greenhouse profile, the account’s web address and removing the connection', () => {
  let stack: Stack;
  let job: { id: number; name: string };
  let person: {
    personId: string;
    name: string;
    candidateId: number;
    recruiter: string;
    email: string;
    resume: { filename: string; content: Buffer };
  };

  beforeAll(async () => {
    stack = await startStack();
    await stack.syncJobs();
    const { state } = stack.sandbox.runtime;
    // The open job with the most applicants whose resume Greenhouse holds and who have a recruiter.
    const withResume = (jobId: number) =>
      state.applications.filter(
        (a) =>
          a.job_id === jobId &&
          !a.prospect &&
          a.recruiter_id &&
          state.attachments.some((f) => f.application_id === a.id && f.type === 'resume'),
      ).length;
    const chosen = state.jobs
      .filter((j) => j.status === 'open' && !j.confidential)
      .sort((a, b) => withResume(b.id) - withResume(a.id))[0]!;
    expect(withResume(chosen.id)).toBeGreaterThan(0);
    job = { id: chosen.id, name: chosen.name };
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
    // The cycle's source step writes where each applicant stands in Greenhouse, recruiter included.
    person = await eventually(
      'the source step to record an applicant with a recruiter and a resume in Greenhouse',
      async () => {
        const rows = await stack.db
          .selectFrom('job_person as jp')
          .innerJoin('person as p', 'p.id', 'jp.person_id')
          .select(['jp.person_id', 'jp.greenhouse', 'p.first_name', 'p.last_name', 'p.emails'])
          .where('jp.job_id', '=', job.id)
          .execute();
        for (const row of rows) {
          const presence = row.greenhouse as GreenhousePresence;
          if (presence.kind !== 'applicant' || !presence.onThisJob || !presence.recruiterId) continue;
          const resume = state.attachments.find(
            (f) => f.application_id === presence.applicationId && f.type === 'resume',
          );
          const user = state.users.find((u) => u.id === presence.recruiterId);
          if (!resume || !user || row.emails.length === 0) continue;
          const file = state.files.find((f) => f.attachment_id === resume.id)!;
          return {
            personId: row.person_id,
            name: `${row.first_name} ${row.last_name}`,
            candidateId: presence.candidateId,
            recruiter: user.name ?? `${user.first_name} ${user.last_name}`,
            email: row.emails[0]!,
            resume: { filename: resume.filename, content: Buffer.from(file.content, 'base64') },
          };
        }
        return undefined;
      },
      { timeoutMs: 180_000 },
    );
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the profile in view at 1440 and 1024 px, opens the resume through the app, then follows the web address and the removal', async () => {
    const page = await signIn(stack, admin);
    // The admin saves the sandbox connection (a stored credential, so there is one to remove later).
    await page.goto('/settings/greenhouse');
    await page
      .getByRole('button', { name: /^(Connect the demo sandbox|Reconnect and check scopes again)$/ })
      .click();
    await page.getByTestId('scopes-ok').waitFor(PAGE_WAIT);

    // On the job's list, the person's row names their recruiter too; "Why?" opens their page.
    await page.goto(`/jobs/${job.id}?q=${encodeURIComponent(person.name.split(' ').at(-1)!)}`);
    const row = page.locator(`[data-person-id="${person.personId}"]`);
    await row.waitFor(PAGE_WAIT);
    expect(await row.textContent()).toContain(`recruiter ${person.recruiter}`);
    const personPage = `/jobs/${job.id}/people/${person.personId}/why`;
    await row.getByTestId('why-link').click();
    await page.waitForURL(`**${personPage}`);
    const profile = page.getByTestId('greenhouse-profile');
    await profile.waitFor(PAGE_WAIT);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await inViewport(page, profile), `the profile in view at ${size.width}px`).toBe(true);
      expect(await page.getByTestId('profile-recruiter').textContent()).toBe(person.recruiter);
      expect(await page.getByTestId('profile-contact').textContent()).toContain(person.email);
      const resumeLink = page.getByTestId('resume-link');
      expect(await resumeLink.textContent()).toBe(person.resume.filename);
      expect(await inViewport(page, resumeLink), `the resume link in view at ${size.width}px`).toBe(true);
      // Nothing sideways: a long email or file name wraps inside the panel.
      const sticking = await page.evaluate(
        (width) =>
          [...document.querySelectorAll('body *')].some((e) => e.getBoundingClientRect().right > width + 1),
        size.width,
      );
      expect(sticking, `nothing sideways at ${size.width}px`).toBe(false);
      // No Greenhouse ids on screen: people, users and files are named.
      expect(await profile.textContent()).not.toContain(String(person.candidateId));
      await shot(page, `person-${size.width}`);
    }
    expect(await page.getByTestId('open-in-greenhouse').getAttribute('href')).toBe(
      `${stack.sandbox.url.replace(/\/$/, '')}/people/${person.candidateId}`,
    );

    // The resume opens through Pilothouse with the recruiter's session: the file Greenhouse holds, byte for byte.
    const opened = await page.request.get(`${stack.web.url}/jobs/${job.id}/people/${person.personId}/resume`);
    expect(opened.status()).toBe(200);
    expect(Buffer.from(await opened.body()).equals(person.resume.content)).toBe(true);
    expect(opened.headers()['content-disposition']).toContain(person.resume.filename);
    const logged = await stack.db
      .selectFrom('audit_event')
      .select(['actor', 'details'])
      .where('action', '=', 'person.resume.opened')
      .where('person_id', '=', person.personId)
      .execute();
    expect(logged).toEqual([{ actor: admin.email, details: { filename: person.resume.filename } }]);

    // An EU account: the admin types its web address; the person's link follows it.
    await page.setViewportSize(WIDTHS[0]);
    await page.goto('/settings/greenhouse');
    await page.getByLabel('Greenhouse web address').fill('https://app.eu.greenhouse.io');
    // Wait for the save's answer itself: the scopes shown before it are the last check's.
    await Promise.all([
      page.waitForResponse(
        (answer) => answer.request().method() === 'POST' && answer.url().includes('/settings/greenhouse'),
      ),
      page.getByRole('button', { name: 'Save and test' }).click(),
    ]);
    await page.getByTestId('scopes-ok').waitFor(PAGE_WAIT);
    await page.goto(personPage);
    expect(await page.getByTestId('open-in-greenhouse').getAttribute('href')).toBe(
      `https://app.eu.greenhouse.io/people/${person.candidateId}`,
    );

    // Removing the connection: asked first, the question and its answer in view at both widths.
    await page.goto('/settings/greenhouse');
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      const open = page.getByText('Remove connection…');
      await open.scrollIntoViewIfNeeded();
      if (!(await page.getByText('Remove the Greenhouse connection?').isVisible())) await open.click();
      const confirm = page.getByRole('button', { name: 'Yes, remove the connection' });
      await confirm.scrollIntoViewIfNeeded();
      expect(
        await inViewport(page, page.getByTestId('remove-connection')),
        `the question at ${size.width}px`,
      ).toBe(true);
      expect(await page.getByTestId('what-stops').textContent()).toContain('demo sandbox');
      await shot(page, `remove-${size.width}`);
    }
    await page.getByRole('button', { name: 'Yes, remove the connection' }).click();
    const removed = page.getByTestId('connection-removed');
    await removed.waitFor(PAGE_WAIT);
    await removed.scrollIntoViewIfNeeded();
    expect(await inViewport(page, removed)).toBe(true);
    expect(await removed.textContent()).toContain(
      'The saved connection is removed and its secrets are deleted.',
    );
    await shot(page, 'removed-1024');
    expect(await stack.db.selectFrom('greenhouse_connection').selectAll().execute()).toEqual([]);
    expect(
      await stack.db
        .selectFrom('audit_event')
        .select('actor')
        .where('action', '=', 'greenhouse.connection.removed')
        .execute(),
    ).toEqual([{ actor: admin.email }]);
    // The remove section is gone with the stored credential.
    expect(await page.getByTestId('remove-connection').count()).toBe(0);
    expect(stack.pageErrors).toEqual([]);
  }, 300_000);
});
