import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeFindings } from '../../support/axe.js';
import { expectClean, guardedPage, waitForMapIdle, type Guarded } from '../../support/browser.js';
import type { Env } from '../web.test.js';

const HERE = { longitude: 115.7905, latitude: 36.1148 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The finder as a resident works it: shelters on the map at once, the map in view, open shelters first, honest cards. */
export function finderScreenFlows(env: Env): void {
  for (const [size, opts] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    for (const locale of ['zh-CN', 'en'] as const) {
      const tag = `${size}-${locale === 'en' ? 'en' : 'zh'}`;
      let g: Guarded;
      beforeAll(async () => {
        g = await guardedPage(env.browser, env.server.url, { ...opts, locale, geolocation: HERE, permissions: ['geolocation'] });
      });
      afterAll(async () => {
        await g.context.close();
        expectClean(g);
      });

      it(`${tag}: shows every public shelter on the map before any search, with the map in view`, async () => {
        const { page } = g;
        await page.goto(`/find?lang=${locale}`);
        await waitForMapIdle(page, '__finderMap');
        await expect.poll(() => page.evaluate(() => window.__finderMap!.querySourceFeatures('all-shelters').length), { timeout: 15_000 }).toBeGreaterThan(10);
        const box = await page.getByTestId('finder-map').boundingBox();
        expect(box!.y + box!.height / 2).toBeLessThan(opts.viewport.height);
        await page.screenshot({ path: join(env.shots, `finder-before-search-${tag}.png`) });
        expect(await axeFindings(page)).toEqual([]);
      });

      it(`${tag}: after locating, centres the user's position and lists open shelters first with address, entrance and straight-line distance`, async () => {
        const { page } = g;
        await page.click('[data-testid=locate]');
        await page.locator('[data-testid=result]').nth(2).waitFor();
        await page.waitForTimeout(800);
        await waitForMapIdle(page, '__finderMap');
        const off = await page.evaluate(({ lon, lat }) => {
          const m = window.__finderMap!;
          const p = m.project([lon, lat]);
          const c = m.getCanvas();
          return { dx: Math.abs(p.x - c.clientWidth / 2), dy: Math.abs(p.y - c.clientHeight / 2) };
        }, { lon: HERE.longitude, lat: HERE.latitude });
        expect(off.dx).toBeLessThan(8);
        expect(off.dy).toBeLessThan(8);
        const statuses = await page.locator('[data-testid=result]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status));
        const firstOther = statuses.findIndex((s) => s !== 'open');
        if (firstOther >= 0) expect(statuses.slice(firstOther).every((s) => s !== 'open')).toBe(true);
        const card = page.locator('[data-testid=result]').first();
        expect(await card.getByTestId('address').innerText()).not.toMatch(/—$/);
        await card.getByTestId('entrance').waitFor();
        expect(await card.getByTestId('distance').innerText()).toMatch(locale === 'en' ? /Straight-line distance/ : /直线距离/);
        expect(await card.getByTestId('updated').innerText()).toMatch(/\d/);
        expect(await card.locator('a[href^="https://api.map.baidu.com/direction"]').count()).toBe(1);
        expect(await card.locator('a[href^="https://uri.amap.com/navigation"]').count()).toBe(1);
        expect(await card.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
        expect(await card.getByTestId('share').getAttribute('data-url')).toMatch(/\/find\?at=/);
        // No hidden English word read out on the Chinese screen, and the facilities label on one line.
        if (locale === 'zh-CN') expect(await card.evaluate((e) => e.textContent)).not.toMatch(/status/i);
        const dt = card.locator('dt', { hasText: locale === 'en' ? 'Facilities' : '设施' }).first();
        const lines = (el: Element) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
        };
        if (await dt.count()) expect(await dt.evaluate(lines), 'the facilities label stays on one line').toBe(1);
        await page.screenshot({ path: join(env.shots, `finder-located-${tag}.png`) });
        expect(await axeFindings(page)).toEqual([]);
        expect(g.errors).toEqual([]);
      });

      it(`${tag}: finds a shelter by its name with the keyboard`, async () => {
        const { page } = g;
        const name = await page.evaluate(() => window.__finderMap!.querySourceFeatures('all-shelters')[0]!.properties.name as string);
        await page.fill('[data-testid=place-search]', name);
        await page.locator('.place[data-kind=shelter]').first().waitFor();
        await page.press('[data-testid=place-search]', 'ArrowDown');
        await page.press('[data-testid=place-search]', 'Enter');
        await expect.poll(() => page.textContent('.from')).toContain(name);
      });
    }
  }
}

declare global {
  interface Window {
    __finderMap?: import('maplibre-gl').Map;
  }
}
