import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, waitForMapIdle, type Guarded } from '../../support/browser.js';
import type { Env } from './env.js';
import { queryCacheFlows } from './query-cache.js';

/** Rendered features of map layer `layer`, optionally only those with `level`. */
function rendered(page: Page, layer: string, level?: number): Promise<number> {
  return page.evaluate(
    ([layer, level]) => {
      const map = window.__riskmap!.map;
      return map.queryRenderedFeatures({ layers: [layer as string] }).filter((f) => level === undefined || f.properties.level === level).length;
    },
    [layer, level] as const,
  );
}

declare global {
  interface Window {
    __riskmap?: { map: import('maplibre-gl').Map; ready: boolean };
  }
}

export function commandFlows(env: Env): void {
  let g: Guarded;
  beforeAll(async () => {
    g = await guardedPage(env.browser, env.server.url, { viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await g.context.close();
    expectClean(g);
  });

  it('asks an anonymous visitor to sign in, and loads the restricted layers after signing in', async () => {
    const { page } = g;
    await page.goto('/');
    const form = page.locator('[data-testid=login]');
    await form.waitFor();
    await page.screenshot({ path: join(env.shots, 'command-login.png') });
    await form.locator('input[autocomplete=username]').fill(E2E_ADMIN.username);
    await form.locator('input[type=password]').fill(E2E_ADMIN.password);
    await form.locator('button[type=submit]').click();
    // The public layers came without a 401; only the restricted ones wait for the sign-in.
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.textContent('[data-testid=count-risk-points]')).toBe('300');
    await waitForMapIdle(page);
  });

  it('loads every layer with counts, the 示例数据 label, no console errors and no external request', async () => {
    const { page } = g;
    for (const [id, n] of Object.entries({ 'risk-points': 300, 'hazard-sources': 20, shelters: 100, warehouses: 8, 'fire-stations': 37, townships: 18 })) {
      await expect.poll(() => page.textContent(`[data-testid=count-${id}]`)).toBe(String(n));
    }
    expect(await page.textContent('[data-testid=sample-badge]')).toBe('示例数据');
    expect(await rendered(page, 'risk-points')).toBeGreaterThan(100);
    expect(await rendered(page, 'shelters')).toBeGreaterThan(50);
    expect(await page.locator('.township-label').count()).toBe(18);
    // Neighbouring counties from /api/basemap/context, greyed with their names.
    expect(await page.locator('.context-label').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__riskmap!.map.queryRenderedFeatures({ layers: ['context-fill'] }).length)).toBeGreaterThan(0);
    await page.screenshot({ path: join(env.shots, 'command-zh.png') });
    // No error at all: the anonymous visitor asked only for the public layers before signing in.
    expect(g.errors).toEqual([]);
    expect(g.external).toEqual([]);
  });

  it('hides the points of a level when that level is toggled off', async () => {
    const { page } = g;
    expect(await rendered(page, 'risk-points', 4)).toBeGreaterThan(0);
    await page.click('[data-testid=toggle-level-4]');
    await waitForMapIdle(page);
    expect(await rendered(page, 'risk-points', 4)).toBe(0);
    expect(await rendered(page, 'risk-points', 1)).toBeGreaterThan(0);
    await page.click('[data-testid=toggle-level-4]');
    await waitForMapIdle(page);
    expect(await rendered(page, 'risk-points', 4)).toBeGreaterThan(0);
  });

  it('switches the four-colour e-map between township, grid and heat modes', async () => {
    const { page } = g;
    await page.click('[data-testid=emap-township]');
    await waitForMapIdle(page);
    await expect.poll(() => rendered(page, 'emap-fill')).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: join(env.shots, 'command-emap-township.png') });
    const t0 = Date.now();
    await page.click('[data-testid=emap-grid]');
    await expect.poll(() => rendered(page, 'emap-fill'), { interval: 50 }).not.toBe(0);
    const colours = await page.evaluate(() => new Set(window.__riskmap!.map.queryRenderedFeatures({ layers: ['emap-fill'] }).map((f) => f.properties.level)).size);
    expect(colours).toBeGreaterThanOrEqual(3);
    console.log(`[e-map] township → grid rendered in ${Date.now() - t0} ms`);
    await page.screenshot({ path: join(env.shots, 'command-emap-grid.png') });
    await page.click('[data-testid=emap-heat]');
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__riskmap!.map.getLayoutProperty('risk-heat', 'visibility'))).toBe('visible');
    expect(await page.evaluate(() => window.__riskmap!.map.getLayoutProperty('emap-fill', 'visibility'))).toBe('none');
    await page.screenshot({ path: join(env.shots, 'command-heat.png') });
    await page.click('[data-testid=emap-off]');
    await waitForMapIdle(page);
  });

  queryCacheFlows(() => g);

  it('opens the detail panel with the fields of a clicked shelter', async () => {
    const { page } = g;
    const target = await page.evaluate(() => {
      const map = window.__riskmap!.map;
      const f = map.queryRenderedFeatures({ layers: ['shelters'] }).find((x) => x.properties.shelterClass === 'central') ?? map.queryRenderedFeatures({ layers: ['shelters'] })[0]!;
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y, name: f.properties.name as string };
    });
    await page.mouse.click(target.x, target.y);
    const panel = page.locator('[data-testid=detail-panel]');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('有效面积');
    expect(text).toContain('可容纳人数');
    await page.screenshot({ path: join(env.shots, 'command-detail.png') });
  });

  it('shows a change made through the API without a reload (live over /api/events)', async () => {
    const { page, context } = g;
    const chip = page.locator('.status-chip', { hasText: '已关闭' });
    const before = Number((await chip.textContent())!.match(/\d+/)![0]);
    const layer = await (await context.request.get('/api/layers/shelters?status=open&limit=1')).json();
    const f = layer.features[0];
    const res = await context.request.patch(`/api/layers/shelters/${f.properties.id}`, { data: { version: f.properties.version, properties: { status: 'closed' } }, headers: { origin: new URL(page.url()).origin } });
    expect(res.status()).toBe(200);
    await expect.poll(() => chip.textContent(), { timeout: 10_000 }).toContain(String(before + 1));
  });

  it('shows the audit history of the changed shelter from its detail panel', async () => {
    const { page, context } = g;
    const entries = (await (await context.request.get('/api/audit?layer=shelters&limit=1')).json()).entries as { featureId: number }[];
    const layer = await (await context.request.get('/api/layers/shelters')).json();
    const f = layer.features.find((x: { properties: { id: number } }) => x.properties.id === entries[0]!.featureId);
    await page.fill('[data-testid=search]', f.properties.name);
    await page.locator('[data-testid=search-hit]').first().click();
    await page.locator('[data-testid=audit-link]').click();
    const history = page.locator('[data-testid=audit-history]');
    await expect.poll(() => history.textContent()).toContain('修改');
    expect(await history.textContent()).toContain('状态: 开放中 → 已关闭');
    await page.screenshot({ path: join(env.shots, 'command-audit.png') });
  });

  it('switches the interface to English and back', async () => {
    const { page } = g;
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.textContent('h1')).toBe('Emergency management map');
    expect(await page.textContent('[data-testid=sample-badge]')).toBe('Sample data');
    await page.screenshot({ path: join(env.shots, 'command-en.png') });
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.textContent('h1')).toBe('应急管理一张图');
  });
}
