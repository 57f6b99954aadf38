import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectClean, guardedPage, waitForMapIdle, type Guarded } from '../../support/browser.js';
import type { Env } from '../web.test.js';

/** In the county town (博济桥街道), where the sample has shelters all around. */
const HERE = { longitude: 115.7905, latitude: 36.1148 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** The open shelters come first, then (only when no open one is near) the built-but-not-open ones: `metres` are the open ones'. */
async function resultsAfterLocate(page: Page): Promise<{ names: string[]; metres: number[] }> {
  await page.click('[data-testid=locate]');
  await page.locator('[data-testid=result]').nth(2).waitFor();
  return page.evaluate(() => ({
    names: [...document.querySelectorAll('[data-testid=result][data-status=open] h3')].map((h) => h.textContent ?? ''),
    metres: [...document.querySelectorAll('[data-testid=result][data-status=open] [data-testid=distance]')].map((d) => Number((d as HTMLElement).dataset.metres)),
  }));
}

export function finderFlows(env: Env): void {
  let g: Guarded;
  beforeAll(async () => {
    g = await guardedPage(env.browser, env.server.url, { ...PHONE, geolocation: HERE, permissions: ['geolocation'] });
  });
  afterAll(async () => {
    await g.context.close();
    expectClean(g);
  });

  it('lists the 3 nearest usable shelters, sorted by distance, from the device location', async () => {
    const { page } = g;
    await page.goto('/find');
    const { names, metres } = await resultsAfterLocate(page);
    expect(names).toHaveLength(3);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    const first = page.locator('[data-testid=result]').first();
    expect(await first.locator('a[href^="geo:"]').count()).toBe(1);
    expect(await first.locator('a[href^="https://uri.amap.com/navigation"]').count()).toBe(1);
    expect(await first.textContent()).toMatch(/按直线步行约 \d+ 分钟/);
    await page.screenshot({ path: join(env.shots, 'finder-zh.png') });
    await waitForMapIdle(page, '__finderMap');
    expect(await page.locator('.shelter-pin').count()).toBe(await page.locator('[data-testid=result]').count());
    await page.screenshot({ path: join(env.shots, 'finder-zh-full.png'), fullPage: true });
    expect(g.errors).toEqual([]);
    expect(g.external).toEqual([]);
  });

  it('where no open shelter is near, lists built-but-not-open ones labelled as such, with a note, an address and an entrance', async () => {
    // A place in the county whose answer includes not-open shelters, found through the same API the finder asks.
    let at: { longitude: number; latitude: number } | null = null;
    for (let lon = 115.62; lon < 116.08 && !at; lon += 0.02) {
      for (let lat = 35.97; lat < 36.3 && !at; lat += 0.02) {
        const r = (await (await g.context.request.get(`/api/shelters/nearest?lon=${lon.toFixed(4)}&lat=${lat.toFixed(4)}&k=3`)).json()) as { distanceToCountyM: number; notOpenIncluded: boolean };
        if (r.distanceToCountyM === 0 && r.notOpenIncluded) at = { longitude: Number(lon.toFixed(4)), latitude: Number(lat.toFixed(4)) };
      }
    }
    expect(at, 'a place in the sample county where no open shelter is near').not.toBeNull();
    const page = await g.context.newPage();
    await g.context.setGeolocation(at!);
    await page.goto('/find');
    await page.click('[data-testid=locate]');
    await page.locator('[data-testid=not-open-note]').waitFor();
    const notOpen = page.locator('[data-testid=result]:not([data-status=open])').first();
    await notOpen.waitFor();
    expect(await notOpen.getByTestId('status').innerText()).toBe('已建成，尚未开放');
    expect(await notOpen.getByTestId('distance').innerText()).toMatch(/直线/);
    for (const id of ['address', 'entrance']) expect((await notOpen.getByTestId(id).locator('dd').innerText()).trim()).not.toBe('—');
    await page.screenshot({ path: join(env.shots, 'finder-not-open.png'), fullPage: true });
    await page.close();
    await g.context.setGeolocation(HERE);
  });

  it('finds shelters from a township name typed in the search box', async () => {
    const { page } = g;
    await page.fill('[data-testid=place-search]', '阿城');
    await page.locator('.place').first().click();
    await expect.poll(() => page.textContent('.from')).toContain('阿城');
    await expect.poll(() => page.locator('[data-testid=result][data-status=open]').count()).toBe(3);
  });

  it('is operable from the keyboard: Tab moves from the header to the locate button, Enter uses it', async () => {
    const page = await g.context.newPage();
    await page.goto('/find');
    await page.locator('[data-testid=lang-switch]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('locate');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=result][data-status=open]').count()).toBe(3);
    await page.close();
  });
}

/** Visit once (the service worker caches the shell, code and public layers), cut the network, reload. */
export function offlineFlow(env: Env): void {
  let g: Guarded;
  beforeAll(async () => {
    g = await guardedPage(env.browser, env.server.url, { ...PHONE, geolocation: HERE, permissions: ['geolocation'] });
  });
  afterAll(() => g.context.close());

  it('works again offline after a reload with the network cut (server stopped)', async () => {
    const { page } = g;
    await page.goto('/find');
    await resultsAfterLocate(page);
    await waitForMapIdle(page, '__finderMap');
    await expect
      .poll(() => page.evaluate(async () => Boolean((await caches.match('/api/layers/shelters')) && (await caches.match('/find')))), { timeout: 15_000 })
      .toBe(true);
    await env.server.stop();
    await g.context.setOffline(true);
    await page.reload();
    const { names, metres } = await resultsAfterLocate(page);
    expect(names).toHaveLength(3);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    expect(await page.textContent('.results-section')).toContain('离线');
    await page.screenshot({ path: join(env.shots, 'finder-offline.png') });
  });
}
