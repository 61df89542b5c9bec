import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerOf, dragBetween, screenshot, startStack, type Stack } from './support/stack';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'correct horse battery staple' };

// One installation, used by one team from the first sign-up on; each step builds on the last.
describe('a recruiting team sets up Pilothouse and draws its rules', () => {
  let stack: Stack;
  let page: Page;
  let jobId: number;

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
    await page.getByRole('button', { name: 'Connect the demo sandbox' }).click();
    await page.getByTestId('scopes-ok').waitFor();
    expect(await page.locator('[data-state="missing"]').count()).toBe(0);
    expect(await page.getByTestId('webhook-url').textContent()).toMatch(/\/webhooks\/greenhouse$/);
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/\S{20,}/);
    await screenshot(page, '02-connect-greenhouse');
  });

  it('after the job sync, the jobs page lists the sandbox’s open jobs', async () => {
    // The scheduled job sync (the lead's workflow), run now rather than waiting for the schedule.
    await stack.client.workflow.execute('syncJobs', {
      taskQueue: stack.taskQueue,
      workflowId: `sync-jobs-${stack.taskQueue}`,
      args: [{ enableNewOpenJobs: false }],
    });
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByTestId('jobs-table').waitFor();
    const rows = page.getByTestId('job-row');
    expect(await rows.count()).toBeGreaterThan(3);
    const job = await stack.db
      .selectFrom('job')
      .select(['id', 'name'])
      .where('status', '=', 'open')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    jobId = job.id;
    await page.getByRole('searchbox', { name: 'Search jobs' }).fill(job.name);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId('job-row').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, '03-jobs');
  });

  it('the admin draws "matched → score ≥ 70 → request approval → export" on the canvas', async () => {
    await page.goto(`/jobs/${jobId}/rules`);
    await page.getByTestId('rule-canvas').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    // Start from an empty canvas: select each step of the default flow and delete it with the keyboard.
    while ((await page.locator('.react-flow__node').count()) > 0) {
      await page.locator('.react-flow__node').first().click();
      await page.keyboard.press('Delete');
    }
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
    await screenshot(page, '04-rule-canvas');
  });

  it('a connection that would make a loop is refused, with the reason next to the canvas', async () => {
    const from = `.react-flow__node[data-id="exportAsCandidate-1"] .react-flow__handle[data-handleid="next"]`;
    const to = `.react-flow__node[data-id="if-score-1"] .react-flow__handle[data-handleid="in"]`;
    await dragBetween(page, await centerOf(page, from), await centerOf(page, to));
    await page.getByTestId('connection-refused').waitFor();
    expect(await page.getByTestId('connection-refused').textContent()).toContain('loop');
    expect(await page.locator('.react-flow__edge').count()).toBe(5);
    await screenshot(page, '05-refused-connection');
  });

  it('a step left unconnected shows its problem on the node, and undo takes it away again', async () => {
    await page.getByTestId('palette-action-addNote').click();
    await page.locator('.react-flow__node[data-id="addNote-1"] [data-testid="node-issues"]').waitFor();
    await page.getByTestId('undo').click();
    await expect.poll(() => page.locator('.react-flow__node[data-id="addNote-1"]').count()).toBe(0);
  });

  it('the dry run says what the rules would do, and the draft is saved', async () => {
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-saved').waitFor();
    await page.getByTestId('dry-run').click();
    await page.getByTestId('dry-run-results').waitFor();
    expect(await page.getByTestId('dry-run-results').textContent()).toContain('Nothing was changed');
    await screenshot(page, '06-dry-run');
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

  it('no page threw in the browser', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
