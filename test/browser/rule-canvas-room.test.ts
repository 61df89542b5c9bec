import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../web/server/users.server';
import { SCREENSHOTS, signIn, startStack, type Stack } from './support/stack';

const admin = { name: 'Ada Admin', email: 'ada@pilothouse.test', password: 'ada-draws-the-rules-42' };
const PAGE_WAIT = { timeout: 15_000 };

type Box = { x: number; y: number; width: number; height: number };
async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not on the screen`);
  return box;
}
/** Wholly inside the window: what the admin actually sees, not only what is in the page. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await boxOf(locator);
  const view = page.viewportSize()!;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 1 && box.y + box.height <= view.height + 1
  );
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/canvas-${name}.png` });
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

// An admin opens a job's rules on a laptop (1024 px) and on a desktop (1440 px): the canvas has the room,
// a step just dropped is quiet until set up, auto-layout keeps branches apart, stages come from saved links.
describe('the rule canvas gives the admin the page', () => {
  let stack: Stack;
  let jobId: number;

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
    await createUser({ db: stack.db, env: stack.env } as Parameters<typeof createUser>[0], {
      ...admin,
      role: 'admin',
      greenhouseUserId: null,
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function openRules(page: Page) {
    await page.goto(`/jobs/${jobId}/rules`);
    await node(page, 'score-check').waitFor(PAGE_WAIT);
    // Scrolled to, as the admin does: the canvas fills the window below the page's header.
    await page.getByTestId('rule-editor').scrollIntoViewIfNeeded();
  }

  it('at 1024 px the palette is a rail and the canvas is most of the window; the steps unfold and fold again', async () => {
    const page = await signIn(stack, admin);
    await page.setViewportSize({ width: 1024, height: 768 });
    await openRules(page);
    const canvas = page.getByTestId('rule-canvas');
    await page.getByTestId('palette-rail').waitFor(PAGE_WAIT);
    expect(await page.getByTestId('palette').count()).toBe(0);
    expect(await inViewport(page, canvas)).toBe(true);
    const room = await boxOf(canvas);
    // Was 216 px wide beside the palette and the inspector.
    expect(room.width).toBeGreaterThan(600);
    expect(room.height).toBeGreaterThan(500);
    await shot(page, 'folded-1024');

    // Selecting a step opens its settings over the canvas's right edge: the canvas keeps its size.
    await node(page, 'score-check').click();
    const inspector = page.getByTestId('inspector');
    await inspector.waitFor(PAGE_WAIT);
    expect(await inViewport(page, inspector)).toBe(true);
    expect(await page.getByTestId('inspector-step-name').textContent()).toBe('Score at least 40');
    expect((await boxOf(canvas)).width).toBe(room.width);
    await shot(page, 'inspector-over-canvas-1024');
    await page.getByTestId('hide-inspector').click();
    await page.getByTestId('inspector-rail').waitFor(PAGE_WAIT);

    // The steps unfold on demand, and stay as the admin left them on the next visit.
    await page.getByTestId('show-palette').click();
    expect(await inViewport(page, page.getByTestId('palette-trigger-personMatched'))).toBe(true);
    await page.getByTestId('hide-palette').click();
    await page.getByTestId('show-inspector').click();
    await openRules(page);
    await page.getByTestId('palette-rail').waitFor(PAGE_WAIT);
    expect((await boxOf(canvas)).width).toBeGreaterThan(600);
    await page.context().close();
  });

  it('the first paint at 1024 px, before any script runs, gives the canvas the room too', async () => {
    // The server's HTML alone: what the admin sees until the page's scripts have run.
    const context = await stack.browser.newContext({
      viewport: { width: 1024, height: 768 },
      baseURL: stack.web.url,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`/jobs/${jobId}/rules`);
    const canvas = page.getByTestId('rule-canvas');
    await canvas.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('palette').isVisible()).toBe(false);
    expect(await page.getByTestId('inspector').isVisible()).toBe(false);
    // Was 216 px wide between the two panels until the scripts folded them.
    expect((await boxOf(canvas)).width).toBeGreaterThan(600);
    await shot(page, 'first-paint-1024');
    await context.close();
  });

  it('at 1440 px palette and inspector sit beside the canvas; folding both gives the canvas their width, and it is remembered', async () => {
    const page = await signIn(stack, admin);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openRules(page);
    const canvas = page.getByTestId('rule-canvas');
    const palette = page.getByTestId('palette');
    await palette.waitFor(PAGE_WAIT);
    expect(await inViewport(page, palette)).toBe(true);
    expect(await inViewport(page, canvas)).toBe(true);
    const beside = await boxOf(canvas);
    // Was ~630 × 600 px.
    expect(beside.height).toBeGreaterThan(650);
    await shot(page, 'beside-1440');

    await page.getByTestId('hide-palette').click();
    await page.getByTestId('hide-inspector').click();
    await expect.poll(async () => (await boxOf(canvas)).width, PAGE_WAIT).toBeGreaterThan(beside.width + 400);
    expect(await inViewport(page, canvas)).toBe(true);
    await shot(page, 'folded-1440');
    await openRules(page);
    await page.getByTestId('palette-rail').waitFor(PAGE_WAIT);
    expect(await page.getByTestId('inspector-rail').count()).toBe(1);
    await page.getByTestId('show-palette').click();
    await page.getByTestId('show-inspector').click();
    await page.context().close();
  });

  it('a step just dropped says "Needs setting up" on one line; its problems are in the inspector, on the step once edited, and all of them at publish', async () => {
    const page = await signIn(stack, admin);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openRules(page);
    const canvas = page.getByTestId('rule-canvas');
    await page.getByTestId('palette-action-addNote').dragTo(canvas, { targetPosition: { x: 120, y: 80 } });
    const dropped = node(page, 'addNote-1');
    await dropped.waitFor(PAGE_WAIT);
    expect(await dropped.getByTestId('node-needs-setting-up').textContent()).toBe('Needs setting up');
    expect(await dropped.getByTestId('node-issues').count()).toBe(0);
    // Quiet and small: not a red box of every problem that grows over its neighbours and the minimap.
    expect(await dropped.locator('.rule-node').getAttribute('class')).not.toContain('has-error');
    expect((await boxOf(dropped)).height).toBeLessThan(90);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    const minimap = await boxOf(page.locator('.react-flow__minimap'));
    await expect.poll(async () => overlaps(await boxOf(dropped), minimap), PAGE_WAIT).toBe(false);
    await shot(page, 'dropped-1440');

    // Selected: the inspector lists what is missing, in view.
    await dropped.click();
    const problems = page.getByTestId('inspector').locator('.issues li');
    await expect.poll(() => problems.count(), PAGE_WAIT).toBeGreaterThan(0);
    expect(await inViewport(page, problems.first())).toBe(true);

    // Edited: from now on the step shows its own problems (here: it leads nowhere yet).
    await page.getByLabel('Name on the canvas (optional)').fill('Note for the recruiter');
    await dropped.getByTestId('node-issues').waitFor(PAGE_WAIT);
    expect(await dropped.getByTestId('node-needs-setting-up').count()).toBe(0);

    // At publish every step shows its problems, the one dropped and never touched too.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.getByTestId('palette-action-tag').click();
    const untouched = node(page, 'tag-1');
    await untouched.getByTestId('node-needs-setting-up').waitFor(PAGE_WAIT);
    await page.getByTestId('publish').click();
    await untouched.getByTestId('node-issues').waitFor(PAGE_WAIT);
    await page.context().close();
  });

  it('auto-layout puts the "then" branch left of "otherwise" and "approved" left of "rejected"', async () => {
    const page = await signIn(stack, admin);
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 768 });
      await openRules(page);
      // Drawn the wrong way round first: the "otherwise" step far left, the "then" step far right.
      const canvas = page.getByTestId('rule-canvas');
      const box = await boxOf(canvas);
      const drag = async (id: string, x: number) => {
        const from = await boxOf(node(page, id));
        await page.mouse.move(from.x + 30, from.y + 12);
        await page.mouse.down();
        for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + 30 + ((x - from.x) * i) / 8, from.y + 12);
        await page.mouse.up();
      };
      await drag('below-threshold', box.x + box.width - 200);
      await drag('approval', box.x + 10);
      // Nothing selected: at 1024 px no settings float over the canvas's right edge.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.getByTestId('auto-layout').click();
      const centre = async (id: string) => {
        const b = await boxOf(node(page, id));
        return b.x + b.width / 2;
      };
      await expect
        .poll(async () => (await centre('approval')) < (await centre('below-threshold')), PAGE_WAIT)
        .toBe(true);
      expect(await centre('export')).toBeLessThan(await centre('not-approved'));
      // The view is fitted to the new layout with a short animation: in view once it has settled.
      for (const id of ['matched', 'score-check', 'approval', 'below-threshold', 'export', 'not-approved'])
        await expect
          .poll(() => inViewport(page, node(page, id)), { ...PAGE_WAIT, message: `${id} at ${width} px` })
          .toBe(true);
      await shot(page, `auto-layout-${width}`);
    }
    await page.context().close();
  });

  it('the Export step offers the job’s Greenhouse stages and Pilothouse’s stages apart, and "Exported" leads somewhere only once the mapping is saved', async () => {
    const page = await signIn(stack, admin);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openRules(page);
    await node(page, 'export').click();
    const picker = page.getByTestId('stage-picker');
    await picker.waitFor(PAGE_WAIT);
    expect(await inViewport(page, picker)).toBe(true);
    const groups = () =>
      picker.locator('optgroup').evaluateAll((els) =>
        els.map((g) => ({
          label: g.getAttribute('label'),
          options: [...g.querySelectorAll('option')].map((o) => o.textContent),
        })),
      );
    const stages = await stack.db
      .selectFrom('job_stage')
      .select(['name', 'active'])
      .where('job_id', '=', jobId)
      .orderBy('sort_order')
      .execute();
    const before = await groups();
    expect(before.map((g) => g.label)).toEqual([
      'Greenhouse stages of this job',
      'Pilothouse stages, through the saved stage mapping',
    ]);
    expect(before[0]!.options).toEqual(stages.map((s) => (s.active ? s.name : `${s.name} (inactive)`)));
    const firstActive = stages.find((s) => s.active)!.name;
    expect(before[1]!.options).toContain(`Exported, not saved (suggests ${firstActive})`);
    // Not set up for publishing; the step says where the default rules export meanwhile.
    expect(await node(page, 'export').getByTestId('node-issues').textContent()).toContain(
      `linked to "${firstActive}" only by a Stage mapping suggestion nobody saved (the default rules export there until a flow is published)`,
    );
    await shot(page, 'export-suggested-1440');

    await page.goto(`/jobs/${jobId}/stages`);
    await page.getByTestId('save-mapping').click();
    await page.getByText('Mapping saved.').waitFor(PAGE_WAIT);
    await openRules(page);
    await node(page, 'export').click();
    await expect
      .poll(async () => (await groups())[1]!.options, PAGE_WAIT)
      .toContain(`Exported → ${firstActive}`);
    expect(await node(page, 'export').getByTestId('node-issues').count()).toBe(0);
    await shot(page, 'export-stages-1440');
    await page.context().close();
  });

  it('no page threw in the browser', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
