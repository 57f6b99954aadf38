import type { Page, Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { waitForMapIdle, type Guarded } from '../../support/browser.js';

/** The rendered e-map area of township `code`, with its level (or null when not drawn). */
function emapLevel(page: Page, code: string): Promise<number | null> {
  return page.evaluate((code) => {
    const f = window.__riskmap!.map.queryRenderedFeatures({ layers: ['emap-fill'] }).find((x) => x.properties.code === code);
    return f ? (f.properties.level as number) : null;
  }, code);
}

/**
 * The web's query cache on the command map (signed in, in the flow's own page): switching the e-map modes
 * back and forth asks the API once per map, and a change of a risk point made through the API (announced
 * by /api/events) drops the cached maps, so the screen asks again (once) and draws the new level.
 */
export function queryCacheFlows(get: () => Guarded): void {
  it('switches e-map modes back and forth without asking again, and redraws after a change made through the API', async () => {
    const { page, context } = get();
    const asked: string[] = [];
    const count = (r: Request) => void (new URL(r.url()).pathname === '/api/analytics/risk-map' && asked.push(r.url()));
    page.on('request', count);
    try {
      for (const mode of ['township', 'grid', 'township', 'grid', 'off', 'township']) {
        await page.click(`[data-testid=emap-${mode}]`);
        await waitForMapIdle(page);
      }
      // At most one request per map (township, grid), none when a map is shown again.
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked.length).toBeLessThanOrEqual(2);
      const stats = await page.evaluate(() => (window as unknown as { __queryCache: () => { urls: string[] } }).__queryCache().urls);
      expect(stats.filter((u) => u.startsWith('/api/analytics/risk-map')).length).toBe(2);

      // A township not yet at level 1 and a risk point in it, raised to level 1 through the API.
      const map = (await (await context.request.get('/api/analytics/risk-map?by=township&method=max')).json()) as { features: { properties: { code: string; level: number | null } }[] };
      const points = (await (await context.request.get('/api/layers/risk-points')).json()) as { features: { properties: { id: number; version: number; level: number; townshipCode: string | null } }[] };
      const area = map.features.find((a) => a.properties.level !== null && a.properties.level !== 1 && points.features.some((p) => p.properties.townshipCode === a.properties.code))!;
      const point = points.features.find((p) => p.properties.townshipCode === area.properties.code)!.properties;
      expect(await emapLevel(page, area.properties.code)).toBe(area.properties.level);
      const origin = { origin: new URL(page.url()).origin };
      const before = asked.length;
      const isTownshipMap = (r: { url(): string }) => new URL(r.url()).pathname === '/api/analytics/risk-map' && new URL(r.url()).searchParams.get('by') === 'township';
      const levelIn = async (r: { json(): Promise<unknown> }) => ((await r.json()) as typeof map).features.find((a) => a.properties.code === area.properties.code)!.properties.level;
      // The event stream names risk-points: the cached maps are dropped and the township map is asked for again.
      const again = page.waitForResponse(isTownshipMap, { timeout: 30_000 });
      const res = await context.request.patch(`/api/layers/risk-points/${point.id}`, { data: { version: point.version, properties: { level: 1 } }, headers: origin });
      expect(res.status()).toBe(200);
      expect(await levelIn(await again)).toBe(1);
      await expect.poll(() => emapLevel(page, area.properties.code), { timeout: 30_000 }).toBe(1); // and draws it
      expect(asked.length).toBe(before + 1); // once
      expect(await page.evaluate(() => (window as unknown as { __queryCache: () => { urls: string[] } }).__queryCache().urls.filter((u) => u.startsWith('/api/analytics/risk-map')).length)).toBe(1);

      // Put the level back (the later flows count levels): asked again, with the old level.
      const now = (await res.json()) as { properties: { version: number } };
      const restored = page.waitForResponse(isTownshipMap, { timeout: 30_000 });
      const back = await context.request.patch(`/api/layers/risk-points/${point.id}`, { data: { version: now.properties.version, properties: { level: point.level } }, headers: origin });
      expect(back.status()).toBe(200);
      expect(await levelIn(await restored)).toBe(area.properties.level);
      await expect.poll(() => emapLevel(page, area.properties.code), { timeout: 30_000 }).toBe(area.properties.level);
      await page.click('[data-testid=emap-off]');
      await waitForMapIdle(page);
    } finally {
      page.off('request', count);
    }
  });
}
