/** Printing a sheet in a test: press its print button without the dialog, screenshot the print emulation, end the print. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const SHOTS = join(import.meta.dirname, '..', 'screenshots');

export type Printed = { fitted: number[]; map: number[]; paper: string; kind: string; frameMm: { widthMm: number; heightMm: number } };

/** Click a button by test id without printing for real, and wait for the fitted bounds. */
export async function printVia(page: Page, testid: string): Promise<Printed> {
  await page.evaluate(() => {
    delete window.__printBounds;
    window.print = () => undefined;
  });
  await page.evaluate((id) => (document.querySelector(`[data-testid=${id}]`) as HTMLButtonElement).click(), testid);
  await page.waitForFunction(() => Boolean(window.__printBounds), undefined, { timeout: 60_000 });
  return page.evaluate(() => window.__printBounds!) as never;
}

/** Screenshot of the print emulation; desktop at the page's own size in CSS px, phone at the phone's width (whole page). */
export async function printShot(page: Page, file: string, device: string, paper: 'A4' | 'A3' = 'A4'): Promise<void> {
  const before = page.viewportSize()!;
  if (device === 'desktop') await page.setViewportSize(paper === 'A3' ? { width: 1587, height: 1123 } : { width: 1123, height: 794 });
  await page.screenshot({ path: join(SHOTS, file), fullPage: true });
  await page.setViewportSize(before);
}

/** End the (stubbed) print: the afterprint handler puts the map back. */
export async function endPrint(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(await page.locator('.print-frame').count()).toBe(0);
}
