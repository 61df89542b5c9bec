import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/autopilot-harness';
import { formatWhen } from '../../web/components/when';
import { greenhouseCandidatesWithEmail, setCandidateCreateScope } from './support/sandbox-greenhouse';
import { centerOf, dragBetween, hydrated, screenshot, signIn, startStack, type Stack } from './support/stack';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'correct horse battery staple' };
const recruiter = {
  name: 'Riley Recruiter',
  email: 'riley@pilothouse.test',
  password: 'riley-approves-people-42',
  role: 'recruiter',
};
const opsEngineer = {
  name: 'Olu Ops',
  email: 'olu@pilothouse.test',
  password: 'olu-retries-exports-42',
  role: 'ops',
};

// How long to wait for what a person would wait for: a page to settle, the workers to get to it.
// (Waits, not assertions on speed: the checks are on what the screen ends up showing.)
const PAGE_WAIT = { timeout: 15_000 };
const WORKFLOW_WAIT = { timeout: 120_000, interval: 1_000 };

// People whose résumés mirror the job's post, so the matcher has every reason to score them high.
const imported = [
  { firstName: 'Avery', lastName: 'Quinn', email: 'avery.quinn@example.org' },
  { firstName: 'Jordan', lastName: 'Blake', email: 'jordan.blake@example.org' },
  { firstName: 'Morgan', lastName: 'Reyes', email: 'morgan.reyes@example.org' },
];
type Imported = (typeof imported)[number];
const fullName = (p: Imported) => `${p.firstName} ${p.lastName}`;
const personRow = (on: Page, p: Imported) =>
  on.locator(`[data-testid="person"]:has(.person-name:text-is("${fullName(p)}"))`);
type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not on the screen`);
  return box;
};
const within = (inner: Box, outer: Box) =>
  inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** The ids of the steps the minimap lies on top of. */
async function stepsUnderMinimap(on: Page): Promise<string[]> {
  const minimap = await boxOf(on.locator('.react-flow__minimap'));
  const under: string[] = [];
  for (const node of await on.locator('.react-flow__node').all()) {
    if (overlaps(await boxOf(node), minimap)) under.push((await node.getAttribute('data-id')) ?? '?');
  }
  return under;
}
const WIDTHS = [1024, 1440] as const;
/** Whether the top of `locator` is on screen at the current viewport, with nothing cut off at the sides. */
async function inViewport(on: Page, locator: Locator): Promise<boolean> {
  const box = await boxOf(locator);
  const viewport = on.viewportSize()!;
  return box.y >= 0 && box.y < viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
}
/** A screenshot of what is in the viewport (not the whole page): what a person sees at that width. */
async function viewportShot(on: Page, name: string): Promise<void> {
  await on.screenshot({ path: `test-results/screenshots/${name}.png` });
}
const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\s+/g, ' ');

// One installation, used by one team from the first sign-up on; each step builds on the last.
describe('a recruiting team sets up Pilothouse, draws its rules and exports the people it approves', () => {
  let stack: Stack;
  let page: Page;
  let recruiterPage: Page;
  let jobId: number;
  let jobName: string;
  let jobPost: string;
  let recruiterLink: number;

  beforeAll(async () => {
    stack = await startStack();
    page = await stack.newPage();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('the first visit asks for the first admin, who lands on Connect Greenhouse', async () => {
    await page.goto('/jobs');
    await page.waitForURL('**/setup');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Work email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect
      .poll(() => page.locator('#password-error').textContent())
      .toContain('at least 12 characters');
    await screenshot(page, '01-setup-with-errors');

    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Repeat the password').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL('**/settings/greenhouse');
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Ada Admin · admin');
  });

  it('the admin connects the demo sandbox and sees every required scope granted', async () => {
    // In demo mode the sandbox may already be connected from the environment: then the button checks again.
    await page
      .getByRole('button', { name: /^(Connect the demo sandbox|Reconnect and check scopes again)$/ })
      .click();
    await page.getByTestId('scopes-ok').waitFor();
    expect(await page.locator('[data-state="missing"]').count()).toBe(0);
    // Connected: the sandbox panel no longer offers to connect, only to check again.
    expect(await page.getByRole('button', { name: 'Reconnect and check scopes again' }).count()).toBe(1);
    expect(await page.getByTestId('webhook-url').textContent()).toMatch(/\/webhooks\/greenhouse$/);
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/\S{20,}/);
    await screenshot(page, '02-connect-greenhouse');
  });

  it('after the job sync, the jobs page lists the sandbox’s open jobs', async () => {
    // The scheduled job sync (the lead's workflow), run now rather than waiting for the schedule.
    await stack.syncJobs();
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByTestId('jobs-table').waitFor();
    const rows = page.getByTestId('job-row');
    expect(await rows.count()).toBeGreaterThan(3);
    // A job with a written post, so there is a description for the imported people to match.
    const job = await stack.db
      .selectFrom('job')
      .innerJoin('job_post', 'job_post.job_id', 'job.id')
      .select(['job.id', 'job.name', 'job_post.content'])
      .where('job.status', '=', 'open')
      .where('job.confidential', '=', false)
      .where('job_post.content', '!=', '')
      .orderBy('job.id')
      .executeTakeFirstOrThrow();
    jobId = job.id;
    jobName = job.name;
    jobPost = job.content;
    await page.getByRole('searchbox', { name: 'Search jobs' }).fill(job.name);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId('job-row').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, '03-jobs');
  });

  // Saved before the rules are drawn: the canvas resolves "the stage we call Exported" only through a saved
  // mapping, never through the page's unsaved suggestion.
  it('the stage mapping shows Pilothouse and Greenhouse stages side by side and saves', async () => {
    await page.goto(`/jobs/${jobId}/stages`);
    await page.getByTestId('stage-mapping-canvas').waitFor();
    await expect.poll(() => page.getByTestId('pipeline-stage').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.getByTestId('greenhouse-stage').count()).toBeGreaterThan(0);
    await page.getByTestId('save-mapping').click();
    const outcome = page
      .locator('[data-testid="mapping-save-result"] .notice, [data-testid="route-error"]')
      .first();
    await outcome.waitFor();
    await screenshot(page, '08-stage-mapping');
    expect(await outcome.textContent()).toBe('Mapping saved.');
  });

  it('the admin draws "matched → score ≥ 40 → request approval → export" on the canvas', async () => {
    await page.goto(`/jobs/${jobId}/rules`);
    await page.getByTestId('rule-canvas').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    // Start from an empty canvas: select each step of the default flow and delete it with the keyboard.
    while ((await page.locator('.react-flow__node').count()) > 0) {
      await page.locator('.react-flow__node').first().click();
      await page.keyboard.press('Delete');
    }
    // The palette is taller than the editor: it scrolls inside itself to its last step.
    const palette = page.getByTestId('palette');
    expect(await palette.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await page.getByTestId('palette-action-stop').scrollIntoViewIfNeeded();
    expect(await palette.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(within(await boxOf(page.getByTestId('palette-action-stop')), await boxOf(palette))).toBe(true);

    const canvas = page.getByTestId('rule-canvas');
    const box = (await canvas.boundingBox())!;
    const drop = async (testId: string, x: number, y: number) => {
      await page.getByTestId(testId).dragTo(canvas, { targetPosition: { x, y } });
    };
    await drop('palette-trigger-personMatched', box.width / 2, 60);
    await drop('palette-condition-score', box.width / 2, 200);
    await drop('palette-action-requestApproval', box.width / 2 - 150, 360);
    await drop('palette-action-exportAsCandidate', box.width / 2 - 150, 520);
    await drop('palette-action-stop', box.width / 2 + 150, 360);
    await drop('palette-action-stop', box.width / 2 + 150, 520);
    expect(await page.locator('.react-flow__node').count()).toBe(6);

    const handle = (nodeId: string, handleId: string) =>
      `.react-flow__node[data-id="${nodeId}"] .react-flow__handle[data-handleid="${handleId}"]`;
    const connect = async (from: string, fromHandle: string, to: string) =>
      dragBetween(
        page,
        await centerOf(page, handle(from, fromHandle)),
        await centerOf(page, handle(to, 'in')),
      );
    await connect('personMatched-1', 'next', 'if-score-1');
    await connect('if-score-1', 'then', 'requestApproval-1');
    await connect('if-score-1', 'otherwise', 'stop-1');
    await connect('requestApproval-1', 'approved', 'exportAsCandidate-1');
    await connect('requestApproval-1', 'rejected', 'stop-2');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(5);

    // After "Zoom to fit" the minimap in the corner covers none of the steps.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await expect.poll(() => stepsUnderMinimap(page), PAGE_WAIT).toEqual([]);
    await screenshot(page, '04-rule-canvas');
  });

  it('the inspector names the selected step as people do, never by its internal id, at 1024 and 1440 px', async () => {
    const before = page.viewportSize()!;
    await page.locator('.react-flow__node[data-id="if-score-1"]').click();
    const name = page.getByTestId('inspector-step-name');
    await name.waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await name.scrollIntoViewIfNeeded();
      expect(await inViewport(page, name), `inspector step name at ${width} px`).toBe(true);
      expect(await name.textContent()).toBe('Score at least 40');
      expect(await page.getByTestId('inspector').textContent()).not.toContain('if-score-1');
      await viewportShot(page, `04b-inspector-${width}`);
    }
    await page.setViewportSize(before);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  });

  it('"Transfer to another job" offers the other synced jobs, then only the chosen job\'s stages', async () => {
    const canvas = page.getByTestId('rule-canvas');
    await page.getByTestId('palette-action-transferToJob').scrollIntoViewIfNeeded();
    await page
      .getByTestId('palette-action-transferToJob')
      .dragTo(canvas, { targetPosition: { x: 90, y: 120 } });
    const node = page.locator('.react-flow__node[data-id="transferToJob-1"]');
    await node.click();
    const jobPicker = page.getByTestId('transfer-job-picker');
    const stagePicker = page.getByTestId('transfer-stage-picker');
    expect(await stagePicker.isDisabled()).toBe(true);
    const others = await stack.db
      .selectFrom('job')
      .select(['id', 'name'])
      .where('id', '!=', jobId)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute();
    expect(others.length).toBeGreaterThan(0);
    const offered = await jobPicker
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(offered).toEqual(others.map((j) => String(j.id)));
    const target = others[0]!;
    await jobPicker.selectOption(String(target.id));
    const stages = await stack.db
      .selectFrom('job_stage')
      .select(['id', 'name'])
      .where('job_id', '=', target.id)
      .orderBy('sort_order')
      .execute();
    const stageOptions = await stagePicker
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(stageOptions).toEqual(stages.map((st) => String(st.id)));
    await stagePicker.selectOption(String(stages[1]!.id));
    await expect
      .poll(() => page.getByTestId('inspector-step-name').textContent(), PAGE_WAIT)
      .toBe(`Transfer to "${target.name}" at "${stages[1]!.name}"`);
    // The journey's flow goes on without it.
    await node.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);
  });

  it('a connection that would make a loop is refused, with the reason next to the canvas', async () => {
    const from = `.react-flow__node[data-id="exportAsCandidate-1"] .react-flow__handle[data-handleid="next"]`;
    const to = `.react-flow__node[data-id="if-score-1"] .react-flow__handle[data-handleid="in"]`;
    const canvasBefore = await boxOf(page.getByTestId('rule-canvas'));
    const stepBefore = await boxOf(page.locator('.react-flow__node[data-id="if-score-1"]'));
    await dragBetween(page, await centerOf(page, from), await centerOf(page, to));
    await page.getByTestId('connection-refused').waitFor();
    // The message appears over the canvas; neither the canvas nor the steps on it move.
    expect(await boxOf(page.getByTestId('rule-canvas'))).toEqual(canvasBefore);
    expect(await boxOf(page.locator('.react-flow__node[data-id="if-score-1"]'))).toEqual(stepBefore);
    expect(await page.getByTestId('connection-refused').textContent()).toContain('loop');
    expect(await page.locator('.react-flow__edge').count()).toBe(5);
    await screenshot(page, '05-refused-connection');
  });

  it('a step just added says it needs setting up (its problems wait in the inspector), and undo takes it away again', async () => {
    await page.getByTestId('palette-action-addNote').click();
    await page
      .locator('.react-flow__node[data-id="addNote-1"] [data-testid="node-needs-setting-up"]')
      .waitFor();
    await page.getByTestId('undo').click();
    await expect.poll(() => page.locator('.react-flow__node[data-id="addNote-1"]').count()).toBe(0);
  });

  it('Ctrl+C, Ctrl+V copies the selected step beside it under a new name; Ctrl+Z takes the copy away', async () => {
    const steps = page.locator('.react-flow__node');
    const before = await steps.count();
    await page.locator('.react-flow__node[data-id="if-score-1"]').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    const copy = page.locator('.react-flow__node[data-id="if-score-2"]');
    await copy.waitFor();
    expect(await steps.count()).toBe(before + 1);
    // The copy is the selected step now (the original is not), so the next key acts on it.
    expect(await copy.getAttribute('class')).toContain('selected');
    expect(await page.locator('.react-flow__node[data-id="if-score-1"]').getAttribute('class')).not.toContain(
      'selected',
    );
    await page.keyboard.press('Control+z');
    await expect.poll(() => steps.count()).toBe(before);
  });

  it('the dry run says what the rules would do, and the draft is saved', async () => {
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-saved').waitFor();
    await page.getByTestId('dry-run').click();
    await page.getByTestId('dry-run-results').waitFor();
    expect(await page.getByTestId('dry-run-results').textContent()).toContain('Nothing was changed');
    await screenshot(page, '06-dry-run');
    // What it ran over and who would be acted on is on screen at both widths, once scrolled to.
    const before = page.viewportSize()!;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const over = page.getByTestId('dry-run-over');
      await over.scrollIntoViewIfNeeded();
      expect(await inViewport(page, over), `dry-run result at ${width} px`).toBe(true);
      expect(await over.textContent()).toMatch(/Run over the \d+ scored people of this job as they are now/);
      await viewportShot(page, `06b-dry-run-${width}`);
    }
    await page.setViewportSize(before);
  });

  it('publishing shows the changes, stores version 1 and writes the audit log', async () => {
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-diff').waitFor();
    await screenshot(page, '07-publish-diff');
    await page.getByTestId('confirm-publish').click();
    await page.getByTestId('published-version').waitFor();
    expect(await page.getByTestId('published-version').textContent()).toContain('Version 1 published');
    const version = await stack.db
      .selectFrom('rule_version')
      .select(['version', 'published_by'])
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(version).toEqual({ version: 1, published_by: admin.email });
    const audited = await stack.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'rules.published')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('leaving the rules with a step not saved asks first, in view at both widths; Stay keeps the step, "Leave without saving" goes', async () => {
    await page.getByTestId('palette-action-addNote').click();
    const added = page.locator('.react-flow__node[data-id="addNote-1"]');
    await added.waitFor();
    const question = page.getByTestId('unsaved-changes');
    const before = page.viewportSize()!;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.getByRole('link', { name: 'Back to job' }).click();
      await question.waitFor();
      expect(await question.textContent()).toContain('Your changes to these rules are not saved');
      expect(await inViewport(page, question)).toBe(true);
      await viewportShot(page, `07b-unsaved-changes-${width}`);
      await page.getByTestId('stay').click();
      await question.waitFor({ state: 'detached' });
      expect(new URL(page.url()).pathname).toBe(`/jobs/${jobId}/rules`);
      expect(await added.count()).toBe(1);
    }
    await page.setViewportSize(before);
    await page.getByRole('link', { name: 'Back to job' }).click();
    await page.getByTestId('leave-anyway').click();
    await page.waitForURL((url) => url.pathname === `/jobs/${jobId}`);
  });

  it('a list of three people who fit the job is uploaded on its Import people screen', async () => {
    await page.goto(`/jobs/${jobId}`);
    await page.getByRole('link', { name: 'Import people' }).click();
    await page.waitForURL(`**/jobs/${jobId}/import`);
    // A referral list as a sourcing tool exports it: JSON with a résumé text per person — ten years in the
    // role, described in the post's own words.
    const list = imported.map((person) => ({
      'First name': person.firstName,
      'Last name': person.lastName,
      Email: person.email,
      Title: jobName,
      'Resume text': `${jobName} — Northwind Systems (2015 – present)\nExperience: ${plainText(jobPost)}`,
    }));
    await page.getByLabel(/CSV or JSON file/).setInputFiles({
      name: 'referrals.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(list)),
    });
    await page.getByRole('button', { name: 'Import people' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain(
      'referrals.json: 3 added to the job',
    );
    await screenshot(page, '09-import-people');
  });

  it('the admin turns the autopilot on; the cycle scores the three at 40 or more and asks for approval', async () => {
    await page.goto('/jobs');
    const toggle = page.getByTestId(`autopilot-toggle-${jobId}`);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked'), PAGE_WAIT).toBe('true');
    await page.getByRole('link', { name: jobName, exact: true }).click();
    await page.getByTestId('cycle-progress').waitFor();
    // The job page re-reads itself while the cycle works; wait for it to reach the approvals.
    for (const person of imported) {
      await expect
        .poll(() => personRow(page, person).getAttribute('data-stage'), WORKFLOW_WAIT)
        .toBe('pending_approval');
      const score = Number(await personRow(page, person).locator('.score').textContent());
      expect(score, `${person.firstName}'s score`).toBeGreaterThanOrEqual(40);
    }
    await screenshot(page, '10-job-awaiting-approval');
  });

  it('the admin adds a recruiter and an ops engineer on the Users screen', async () => {
    await page.goto('/settings/users');
    // Each is linked to a Greenhouse user who sees the job (a recruiter or ops account linked to nobody sees
    // no job): the recruiter to the job's recruiter on its Greenhouse hiring team, whom the rules' "Request
    // approval" waits for; the ops engineer to the site admin.
    const siteAdmin = stack.sandbox.runtime.state.users.find((u) => u.site_admin && !u.deactivated)!;
    const jobsRecruiter = await stack.db
      .selectFrom('job_hiring_team')
      .select('greenhouse_user_id')
      .where('job_id', '=', jobId)
      .where('role', '=', 'recruiter')
      .executeTakeFirst();
    recruiterLink = jobsRecruiter ? Number(jobsRecruiter.greenhouse_user_id) : siteAdmin.id;
    const links = new Map([
      [recruiter.email, recruiterLink],
      [opsEngineer.email, siteAdmin.id],
    ]);
    for (const member of [recruiter, opsEngineer]) {
      await page.getByLabel('Name').fill(member.name);
      await page.getByLabel('Email').fill(member.email);
      await page.getByLabel('Role', { exact: true }).selectOption(member.role);
      await page.getByLabel('Initial password').fill(member.password);
      await page.getByLabel('Greenhouse user (optional)').selectOption(String(links.get(member.email)));
      await page.getByRole('button', { name: 'Add user' }).click();
      await expect
        .poll(() => page.getByTestId('users-table').textContent(), PAGE_WAIT)
        .toContain(member.email);
      // The form is empty again for the next person.
      expect(await page.getByLabel('Initial password').inputValue()).toBe('');
    }
    await screenshot(page, '11-users');
    // Each teammate's role and Greenhouse link can be changed from their row, in view at 1024 px.
    const before = page.viewportSize()!;
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByTestId(`change-access-${recruiter.email}`).click();
    const form = page.getByTestId(`access-form-${recruiter.email}`);
    const role = page.getByLabel(`Role of ${recruiter.name}`);
    expect(await role.inputValue()).toBe('recruiter');
    expect(await page.getByLabel(`Greenhouse user of ${recruiter.name}`).inputValue()).toBe(
      String(recruiterLink),
    );
    const save = form.getByRole('button', { name: 'Save access' });
    await save.scrollIntoViewIfNeeded();
    expect(await inViewport(page, save)).toBe(true);
    expect(await inViewport(page, page.getByLabel(`Greenhouse user of ${recruiter.name}`))).toBe(true);
    await viewportShot(page, '11b-change-access-1024');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await page.setViewportSize(before);
  });

  it('the recruiter signs in, opens the approvals inbox and approves two people', async () => {
    recruiterPage = await signIn(stack, recruiter, { screenshotAs: '12-sign-in' });
    await recruiterPage.getByRole('link', { name: 'Approvals' }).click();
    await recruiterPage.getByTestId('approvals').waitFor();
    await hydrated(recruiterPage);
    // The three imported people wait here (with any sandbox applicant the rules also sent for approval).
    const waiting = await recruiterPage.getByTestId('approval').count();
    for (const person of imported)
      expect(
        await recruiterPage
          .locator(`[data-testid="approval"][data-person-name="${fullName(person)}"]`)
          .count(),
      ).toBe(1);
    await screenshot(recruiterPage, '13-approvals-inbox');

    // Single-key shortcuts act only with the focus inside the list: pressed elsewhere they do nothing.
    const settled = () => recruiterPage.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    await recruiterPage.getByRole('heading', { name: 'Approvals' }).click();
    await recruiterPage.keyboard.press('x');
    await recruiterPage.keyboard.press('a');
    await settled();
    expect(await recruiterPage.getByTestId('decision-results').count()).toBe(0);
    expect(await recruiterPage.locator('[data-testid="approval"] input:checked').count()).toBe(0);
    // With a person focused, x selects them (and again unselects).
    await recruiterPage.getByTestId('approval').first().locator('.person-name').click();
    await recruiterPage.keyboard.press('x');
    await expect.poll(() => recruiterPage.locator('[data-testid="approval"] input:checked').count()).toBe(1);
    await recruiterPage.keyboard.press('x');
    await expect.poll(() => recruiterPage.locator('[data-testid="approval"] input:checked').count()).toBe(0);

    const [first, second] = imported;
    await recruiterPage.getByLabel(`Select ${fullName(first!)}`).check();
    await recruiterPage.getByLabel(`Select ${fullName(second!)}`).check();
    await recruiterPage.getByTestId('approve-selected').click();
    await recruiterPage.getByTestId('decision-results').waitFor();
    const outcomes = recruiterPage.locator('[data-testid="decision-result"][data-outcome="approved"]');
    expect(await outcomes.count()).toBe(2);
    await expect.poll(() => recruiterPage.getByTestId('approval').count(), PAGE_WAIT).toBe(waiting - 2);
    await screenshot(recruiterPage, '14-approvals-decided');
  });

  it('both approved people are candidates on the job in Greenhouse, and the job screen shows them synced', async () => {
    for (const person of imported.slice(0, 2)) {
      const found = await eventually(`${person.email} in Greenhouse`, async () => {
        const candidates = await greenhouseCandidatesWithEmail(stack.sandbox, person.email);
        return candidates.some((c) => c.applications.some((a) => a.job_id === jobId))
          ? candidates
          : undefined;
      });
      expect(found, person.email).toHaveLength(1);
      expect(found[0]!.applications.filter((a) => a.job_id === jobId && !a.prospect)).toHaveLength(1);
    }
    await recruiterPage.goto(`/jobs/${jobId}`);
    for (const person of imported.slice(0, 2)) {
      await expect
        .poll(async () => {
          await recruiterPage.reload();
          return personRow(recruiterPage, person).getByTestId('synced-badge').count();
        }, WORKFLOW_WAIT)
        .toBe(1);
    }
    await screenshot(recruiterPage, '15-job-synced');
  });

  it('"Why?" on the job screen shows the decision trace: the score condition with the value it saw, who approved, what Greenhouse answered', async () => {
    const person = imported[0]!;
    const before = recruiterPage.viewportSize()!;
    await personRow(recruiterPage, person).getByTestId('why-link').click();
    await recruiterPage.waitForURL('**/why');
    const trace = recruiterPage.getByTestId('why-evaluation').first();
    await trace.waitFor();
    for (const width of WIDTHS) {
      await recruiterPage.setViewportSize({ width, height: 800 });
      await recruiterPage.evaluate(() => window.scrollTo(0, 0));
      const heading = recruiterPage.getByRole('heading', { name: `Why: ${fullName(person)}` });
      expect(await inViewport(recruiterPage, heading), `Why heading at ${width} px`).toBe(true);
      const approvals = recruiterPage.getByTestId('why-approvals');
      await approvals.scrollIntoViewIfNeeded();
      expect(await inViewport(recruiterPage, approvals)).toBe(true);
      expect(await approvals.textContent()).toContain(`approved by ${recruiter.email}`);
      const check = recruiterPage.getByTestId('why-check').first();
      await check.scrollIntoViewIfNeeded();
      expect(await inViewport(recruiterPage, check), `a condition check at ${width} px`).toBe(true);
      expect(await check.textContent()).toMatch(/saw \d+, needed/);
      await viewportShot(recruiterPage, `15b-why-${width}`);
    }
    const text = (await recruiterPage.locator('main').textContent()) ?? '';
    expect(text).toContain('Greenhouse created the candidate, with an application for this job');
    // Greenhouse's record numbers are for Greenhouse: the page links to the profile instead.
    expect(text).not.toMatch(/(candidate|application) \(?\d{6,}/);
    await recruiterPage.setViewportSize(before);
    await recruiterPage.goto(`/jobs/${jobId}`);
  });

  it('an export Greenhouse refuses shows in Ops with its reason; after the fix, Retry exports the person once', async () => {
    const third = imported[2]!;
    // The Greenhouse admin takes away the credential's right to create candidates.
    await setCandidateCreateScope(stack.sandbox, false);
    await recruiterPage.goto('/approvals');
    await recruiterPage.getByLabel(`Select ${fullName(third)}`).check();
    await recruiterPage.getByTestId('approve-selected').click();
    await recruiterPage.locator('[data-testid="decision-result"][data-outcome="approved"]').waitFor();

    const opsPage = await signIn(stack, opsEngineer);
    await opsPage.goto('/ops');
    const failed = opsPage.getByTestId('failed-export');
    await expect
      .poll(async () => {
        await opsPage.reload();
        return failed.count();
      }, WORKFLOW_WAIT)
      .toBe(1);
    const reason = await failed.textContent();
    expect(reason).toContain(fullName(third));
    expect(reason).toContain('GreenhousePermissionDenied');
    expect(reason).toMatch(/scope|permission|forbidden/i);
    await screenshot(opsPage, '16-ops-failed-export');
    expect(await greenhouseCandidatesWithEmail(stack.sandbox, third.email)).toEqual([]);

    // The scope is granted again; ops retries from the same row.
    await setCandidateCreateScope(stack.sandbox, true);
    await opsPage.getByRole('button', { name: `Retry the export of ${fullName(third)}` }).click();
    await expect
      .poll(async () => {
        await opsPage.reload();
        return failed.count();
      }, WORKFLOW_WAIT)
      .toBe(0);
    const candidates = await eventually(`${third.email} in Greenhouse`, async () => {
      const found = await greenhouseCandidatesWithEmail(stack.sandbox, third.email);
      return found.length > 0 ? found : undefined;
    });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.applications.filter((a) => a.job_id === jobId)).toHaveLength(1);
    await opsPage.reload();
    const audited = opsPage.getByTestId('audit-log').locator('tbody tr');
    // Each decision and the retry are recorded once, in words.
    const what = (words: string) => ({
      has: opsPage.getByTestId('audit-what').getByText(words, { exact: true }),
    });
    expect(await audited.filter(what('Approved')).count()).toBe(3);
    expect(await audited.filter(what('Retried an export to Greenhouse')).count()).toBe(1);
    expect(await opsPage.getByTestId('audit-log').textContent()).not.toMatch(
      /approval\.approved|export\.retried/,
    );
    await screenshot(opsPage, '17-ops-after-retry');
  });

  it('signed in from Tokyo, Ada reads every date in Tokyo time, in the one format', async () => {
    const tokyo = await signIn(stack, admin, { timezoneId: 'Asia/Tokyo' });
    const { last_sign_in_at: signedInAt } = await stack.db
      .selectFrom('app_user')
      .select('last_sign_in_at')
      .where('email', '=', admin.email)
      .executeTakeFirstOrThrow();
    const iso = new Date(signedInAt!).toISOString();
    await tokyo.goto('/settings/users');
    const ada = tokyo.getByRole('row').filter({ hasText: admin.email });
    // The browser reports its zone on its first page; the page is loaded again in it.
    await expect.poll(() => ada.textContent(), PAGE_WAIT).toContain(formatWhen(iso, 'Asia/Tokyo'));
    expect(await ada.textContent()).not.toContain(formatWhen(iso, 'UTC'));
    await tokyo.context().close();
  });

  it('the status page shows the database and Temporal up', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    const cards = page.locator('.cards .card');
    expect(await cards.count()).toBe(2);
    expect(await page.locator('.cards .card.ok').count()).toBe(2);
    expect(await page.locator('.cards').textContent()).not.toContain('Unavailable');
    await screenshot(page, '18-status');
  });

  it('no page threw in the browser', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
