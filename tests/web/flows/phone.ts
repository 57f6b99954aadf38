import { join } from 'node:path';
import { expect, it } from 'vitest';
import { waitForMapIdle } from '../../support/browser.js';
import type { Env } from './env.js';
import { phoneIncidentFlows } from './phone-incident.js';
import { signedInPage } from './signed-in-page.js';

/** A phone in portrait (the size of the phone describe and of the phone shots elsewhere). */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

export function phoneFlows(env: Env): void {
  const session = signedInPage(env, PHONE);

  it('keeps the command map usable on a phone: map on top, panels below, no sideways scrolling', async () => {
    const { page } = session();
    await page.goto('/');
    await waitForMapIdle(page);
    const box = await page.locator('[data-testid=command-map]').boundingBox();
    expect(box!.width).toBeGreaterThan(380);
    expect(box!.height).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(env.shots, 'command-phone.png') });
  });

  it('still shows the finder on a phone', async () => {
    const { page } = session();
    await page.goto('/find');
    await page.locator('[data-testid=locate]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The shot shows the drawn map, not the frame before its first render.
    await waitForMapIdle(page, '__finderMap');
    await page.screenshot({ path: join(env.shots, 'finder-phone.png') });
  });

  phoneIncidentFlows(env, session);
}
