import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { E2E_ADMIN, waitForMapIdle, type Guarded } from '../../support/browser.js';
import type { Env } from './env.js';
import { answered, screenAt } from './incident.js';
import { expectFits } from './phone-fit.js';
import { recordMajorHazard } from './record-hazard.js';

declare global {
  interface Window {
    __hazardMap?: { map: import('maplibre-gl').Map; ready: boolean };
  }
}

const PANEL = '[data-testid=incident-panel]';

/** Scroll the page so `selector`'s top sits just below the map held at the top of the screen; returns the map's box. */
async function scrollBelowMap(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  return page.evaluate((selector) => {
    const map = document.querySelector('[data-testid=command-map]')!.closest('.map-wrap')!;
    const el = document.querySelector(selector)!;
    window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - map.getBoundingClientRect().height);
    const r = map.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  }, selector);
}

/** The incident tool and the 上报 form of a 重大 hidden hazard on a phone (the session of the phone describe). */
export function phoneIncidentFlows(env: Env, session: () => Guarded): void {
  it('computes an incident at a hazard source on a phone: the panel fits the width, its tables scroll by themselves, the map stays in view', async () => {
    const { page } = session();
    await page.goto('/');
    await waitForMapIdle(page);
    // Zoom in on the source so the tap lands on it alone.
    await page.evaluate(() => {
      const map = window.__riskmap!.map;
      const f = map.queryRenderedFeatures({ layers: ['hazard-sources'] }).find((x) => x.properties.code === 'HS-001')!;
      map.jumpTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom: 14 });
    });
    await waitForMapIdle(page);
    const at = await screenAt(page, 'hazard-sources', 'HS-001');
    await page.mouse.click(at.x, at.y);
    await page.locator('[data-testid=incident-from-source]').click();
    await answered(page);
    expect(await page.textContent('[data-testid=incident-origin]')).toContain('液氨储罐区');
    await expectFits(page, PANEL);
    // A table wider than the phone scrolls sideways inside its own section (its heading stays), not the page.
    const sections = await page.locator(`${PANEL} .incident-section`).evaluateAll((els) =>
      els.map((el) => ({ wide: el.scrollWidth > el.clientWidth, scrolls: getComputedStyle(el).overflowX === 'auto' })),
    );
    expect(sections.length).toBe(8);
    expect(sections.filter((s) => s.wide && !s.scrolls)).toEqual([]);
    const map = await scrollBelowMap(page, PANEL);
    expect(map.top).toBeGreaterThanOrEqual(0);
    expect(map.bottom - map.top).toBeGreaterThan(250);
    const head = (await page.locator(`${PANEL} .incident-figures`).boundingBox())!;
    expect(head.y + head.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: join(env.shots, 'incident-phone.png') });
    // Further down the tables: the map is still held at the top.
    await scrollBelowMap(page, '[data-testid=incident-domino]');
    expect(((await page.locator('[data-testid=command-map]').boundingBox())!.y)).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(env.shots, 'incident-phone-tables.png') });

    await page.click('[data-testid=lang-switch]');
    try {
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('People affected'), PANEL);
      await expectFits(page, PANEL);
      await scrollBelowMap(page, PANEL);
      await page.screenshot({ path: join(env.shots, 'incident-phone-en.png') });
      await scrollBelowMap(page, '[data-testid=incident-domino]');
      await page.screenshot({ path: join(env.shots, 'incident-phone-en-tables.png') });
    } finally {
      await page.click('[data-testid=lang-switch]');
    }
    await page.click('[data-testid=incident-close]');
  });

  it('opens the 上报 form of a 重大 hidden hazard on a phone, and the report goes through', async () => {
    const { page } = session();
    const login = await fetch(`${env.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    // Next to a risk point with no hazard near it, so the tap lands on the new one alone.
    const rps = (await (await fetch(`${env.server.url}/api/layers/risk-points`, { headers: auth })).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
    const hz = (await (await fetch(`${env.server.url}/api/hidden-hazards`, { headers: auth })).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
    const far = (ll: [number, number]) => hz.features.every((h) => Math.hypot(h.geometry.coordinates[0] - ll[0], h.geometry.coordinates[1] - ll[1]) > 0.004);
    const rp = rps.features.find((f) => far(f.geometry.coordinates))!;
    const at: [number, number] = [rp.geometry.coordinates[0] + 0.0016, rp.geometry.coordinates[1] + 0.0004];
    await recordMajorHazard(env.server.url, auth, at, '手机端测试：储罐区可燃气体报警器失效');

    await page.goto('/hazards');
    await page.getByTestId('hazard-stats').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__hazardMap?.ready === true, undefined, { timeout: 60_000 });
    await page.evaluate((ll) => window.__hazardMap!.map.jumpTo({ center: ll, zoom: 16 }), at);
    await page.waitForFunction(() => window.__hazardMap!.map.loaded(), undefined, { timeout: 30_000 });
    const box = (await page.getByTestId('hazard-map').boundingBox())!;
    expect(box.width).toBeGreaterThan(380);
    expect(box.height).toBeGreaterThan(300);
    const p = await page.evaluate((ll) => window.__hazardMap!.map.project(ll), at);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect.poll(() => page.getByTestId('hazard-detail').innerText().catch(() => ''), { timeout: 45_000 }).toContain('储罐区可燃气体报警器失效');
    const form = page.locator('form[data-step=escalate]');
    expect(await page.getByTestId('step-escalate').innerText()).toBe('上报');
    await form.locator('input[name=note]').fill('已报市应急管理局危化科');
    await expectFits(page, '[data-testid=hazard-detail]');
    // The map with the hazard's detail right below it, then the 上报 form in view.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect((await page.getByTestId('hazard-detail').boundingBox())!.y).toBeLessThan(844);
    await page.screenshot({ path: join(env.shots, 'hazard-detail-phone.png') });
    await form.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 24));
    const button = (await page.getByTestId('step-escalate').boundingBox())!;
    expect(button.x).toBeGreaterThanOrEqual(0);
    expect(button.x + button.width).toBeLessThanOrEqual(390);
    expect(button.y + button.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: join(env.shots, 'hazard-escalate-phone.png') });
    await page.getByTestId('step-escalate').click();
    await expect.poll(() => page.getByTestId('hazard-history').innerText(), { timeout: 45_000 }).toMatch(/上报[\s\S]*已报市应急管理局危化科/);
  });
}
