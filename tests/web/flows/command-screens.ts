import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { axeFindings } from '../../support/axe.js';
import { expectClean, guardedPage, signIn, waitForMapIdle } from '../../support/browser.js';
import type { Env } from './env.js';
import { signedInPage } from './signed-in-page.js';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const RAW_KEY = /^[a-z]+[A-Z][A-Za-z]*$/;

async function search(page: Page, text: string): Promise<string[]> {
  await page.fill('[data-testid=search]', text);
  await page.locator('[data-testid=search-hit]').first().waitFor();
  return page.locator('[data-testid=search-hit]').allInnerTexts();
}

/** The command map as a duty officer works it: search with the keyboard, the overlap chooser, labelled details, the anonymous visitor. */
export function commandScreenFlows(env: Env): void {
  it('asks an anonymous visitor only for public data (no 4xx), in Chinese, and lets the sign-in box be dismissed', async () => {
    // The one failure this flow provokes: the wrong password below.
    const g = await guardedPage(env.browser, env.server.url, { ...DESKTOP, locale: 'zh-CN' }, { expected: [{ status: 401, path: /^\/api\/auth\/login$/ }] });
    const { page } = g;
    await page.goto('/');
    await page.locator('[data-testid=login]').waitFor();
    await expect.poll(() => page.textContent('[data-testid=count-shelters]')).toMatch(/^\d+$/);
    expect(await page.textContent('[data-testid=count-risk-points]')).toBe('登录后可见');
    expect(await page.locator('[data-testid=toggle-risk-points]').isDisabled()).toBe(true);
    await page.screenshot({ path: join(env.shots, 'command-anonymous-login.png') });
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=login]').waitFor({ state: 'detached' });
    await waitForMapIdle(page);
    expect(await page.locator('body').innerText()).not.toMatch(/not public|sign in to read/);
    await page.screenshot({ path: join(env.shots, 'command-anonymous.png') });
    expect(await axeFindings(page)).toEqual([]);
    // A wrong password gets a Chinese message, never the server's English.
    await page.click('[data-testid=open-login]');
    await page.fill('[data-testid=login] input[autocomplete=username]', 'nobody');
    await page.fill('[data-testid=login] input[type=password]', 'wrong-password');
    await page.click('[data-testid=login] button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=login-error]')).toContain('用户名或密码不正确');
    await page.click('[data-testid=login-later]');
    expect(g.seen).toEqual(['401 POST /api/auth/login']);
    expectClean(g);
    await g.context.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    const tag = locale === 'en' ? 'en' : 'zh';
    const session = signedInPage(env, { ...DESKTOP, locale }, `/?lang=${locale}`);
    beforeAll(async () => {
      await session().page.waitForFunction(() => document.querySelector('[data-testid=count-risk-points]')?.textContent === '300');
    });

    it(`${tag}: finds a code, a village, an address and coordinates with the keyboard, beyond 10 results`, async () => {
      const g = session();
      const { page } = g;
      const many = await search(page, locale === 'en' ? '示例' : '示例');
      expect(many.length).toBeGreaterThan(10);
      expect(await page.textContent('[data-testid=search-count]')).toMatch(/\d{2,}/);
      const hits = await search(page, 'SH-010');
      expect(hits[0]).toContain('SH-010');
      await page.press('[data-testid=search]', 'Enter');
      await expect.poll(() => page.textContent('[data-testid=detail-panel]')).toContain('SH-010');
      await page.screenshot({ path: join(env.shots, `command-search-code-${tag}.png`) });

      const villages = (await (await g.context.request.get('/api/layers/demand-points?kind=village')).json()).features.map((f: { properties: { name: string } }) => f.properties.name) as string[];
      const village = villages.includes('刘园村') ? '刘园村' : villages[0]!;
      await page.fill('[data-testid=search]', village);
      await page.locator('[data-testid=search-hit]').first().waitFor();
      await page.press('[data-testid=search]', 'ArrowDown');
      await page.press('[data-testid=search]', 'ArrowUp');
      expect(await page.locator('[data-testid=search-hit][aria-selected=true]').innerText()).toContain(village);
      await page.press('[data-testid=search]', 'Enter');
      await expect.poll(() => page.textContent('[data-testid=detail-panel] h2')).toBe(village);

      const address = (await (await g.context.request.get('/api/layers/shelters?limit=1')).json()).features[0].properties.address as string;
      expect((await search(page, address.slice(0, 12))).length).toBeGreaterThan(0);

      const coord = await search(page, '115.78,36.11');
      expect(coord[0]).toContain('115.78000, 36.11000');
      await page.press('[data-testid=search]', 'Enter');
      await page.waitForTimeout(900);
      const c = await page.evaluate(() => window.__riskmap!.map.getCenter());
      expect(Math.abs(c.lng - 115.78)).toBeLessThan(0.01);
      expect(Math.abs(c.lat - 36.11)).toBeLessThan(0.01);
      await page.screenshot({ path: join(env.shots, `command-search-coords-${tag}.png`) });
    });

    it(`${tag}: offers a "1 / N" chooser where features overlap, and labels every field and value`, async () => {
      const g = session();
      const { page } = g;
      const rp = (await (await g.context.request.get('/api/layers/risk-points?code=RP-0001')).json()).features[0];
      const at = rp.geometry.coordinates as [number, number];
      await page.evaluate((c) => window.__riskmap!.map.jumpTo({ center: c, zoom: 16 }), at);
      await waitForMapIdle(page);
      const pt = await page.evaluate((c) => {
        const m = window.__riskmap!.map;
        const p = m.project(c);
        const r = m.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      }, at);
      await page.mouse.click(pt.x, pt.y);
      const chooser = page.getByTestId('overlap-chooser');
      await chooser.waitFor();
      const [first, total] = (await page.getByTestId('chooser-position').innerText()).split('/').map((x) => Number(x.trim()));
      expect(first).toBe(1);
      expect(total).toBeGreaterThanOrEqual(2);
      const shown = async () => `${await page.textContent('[data-testid=detail-panel] .kind')} ${await page.textContent('[data-testid=detail-panel] h2')}`;
      const t1 = await shown();
      await page.click('[data-testid=chooser-next]');
      await expect.poll(() => page.getByTestId('chooser-position').innerText()).toMatch(/^2 \/ /);
      expect(await shown()).not.toBe(t1);
      await page.screenshot({ path: join(env.shots, `command-overlap-${tag}.png`) });
      for (let i = 0; i < total!; i++) {
        const labels = await page.locator('[data-testid=detail-panel] dt').allInnerTexts();
        expect(labels.filter((l) => RAW_KEY.test(l.trim()))).toEqual([]);
        const values = await page.locator('[data-testid=detail-panel] dd').allInnerTexts();
        expect(values.filter((v) => /^(park|square|school|fire|earthquake|flood|hazmat|open|built|true|false)\b/.test(v.trim()))).toEqual([]);
        expect(values.filter((v) => /\d{4}-\d\d-\d\dT/.test(v))).toEqual([]);
        await page.click('[data-testid=chooser-next]');
      }
      expect(await axeFindings(page)).toEqual([]);
    });

    it(`${tag}: the heat map has a legend, unticking a parent unticks and disables its children, controls speak the language`, async () => {
      const g = session();
      const { page } = g;
      await page.click('[data-testid=emap-heat]');
      await page.getByTestId('heat-legend').waitFor();
      await page.click('[data-testid=toggle-risk-points]');
      expect(await page.locator('[data-testid=toggle-level-1]').isChecked()).toBe(false);
      expect(await page.locator('[data-testid=toggle-level-1]').isDisabled()).toBe(true);
      await page.screenshot({ path: join(env.shots, `command-heat-legend-${tag}.png`) });
      await page.click('[data-testid=toggle-risk-points]');
      expect(await page.locator('[data-testid=toggle-level-1]').isChecked()).toBe(true);
      await page.click('[data-testid=emap-off]');
      expect(await page.getAttribute('.maplibregl-ctrl-zoom-in', 'title')).toBe(locale === 'en' ? 'Zoom in' : '放大');
      const footer = await page.textContent('.maplibregl-ctrl-attrib');
      expect(footer).toContain(locale === 'en' ? 'Sample data' : '示例数据');
      if (locale === 'en') {
        expect(footer).not.toMatch(/示例/);
        expect(await page.locator('.township-label', { hasText: 'Bojiqiao Subdistrict' }).count()).toBe(1);
      }
      // Mode buttons: the selected one is readable (axe checks the colour contrast).
      expect(await axeFindings(page)).toEqual([]);
    });
  }

  it('phone: the toolbar stays compact and the map gets the space', async () => {
    const g = await guardedPage(env.browser, env.server.url, { ...PHONE, locale: 'zh-CN' });
    await signIn(g.context);
    await g.page.goto('/');
    await waitForMapIdle(g.page);
    const header = await g.page.locator('.app-header').boundingBox();
    expect(header!.height).toBeLessThan(844 / 8);
    const map = await g.page.getByTestId('command-map').boundingBox();
    expect(map!.height).toBeGreaterThan(844 / 2);
    await search(g.page, 'SH-010');
    await g.page.screenshot({ path: join(env.shots, 'command-phone-search.png') });
    expect(await axeFindings(g.page)).toEqual([]);
    expectClean(g);
    await g.context.close();
  });
}
