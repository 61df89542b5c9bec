import type { Locator, Page } from 'playwright-core';

export type Box = { x: number; y: number; width: number; height: number };

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not on the screen`);
  return box;
}

/**
 * Wholly inside the window (and, when given, below a sticky toolbar): what a person actually sees without
 * scrolling, not only what the page holds.
 */
export async function inViewport(page: Page, locator: Locator, below?: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  if (!box) return false;
  const viewport = page.viewportSize()!;
  const top = below ? Math.max(0, (await boxOf(below)).y + (await boxOf(below)).height) : 0;
  return (
    box.y >= top - 1 &&
    box.y + box.height <= viewport.height + 1 &&
    box.x >= 0 &&
    box.x + box.width <= viewport.width + 1
  );
}
