/**
 * The command map's dense risk-point layer from the vector tiles, in a real Chromium against the real server on a
 * private PostgreSQL: with more than DENSE_ABOVE (3,000) risk points in the database the map draws them from
 * /tiles/risk-points/{z}/{x}/{y}.mvt (not the GeoJSON layer), and a click on a point drawn from a tile opens that
 * point's detail panel (its full record); zoomed out to where the tile is thinned, a clicked point says how many points
 * it stands for (the tile's `count`), on a desktop and on a phone. Skipped with a message when PostgreSQL + PostGIS are not installed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { startServer, type RunningServer } from '../support/server.js';
import { PHONE } from './flows/phone.js';
import { expectFits } from './flows/phone-fit.js';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
/** Above the web's DENSE_ABOVE (3,000): the copies of the sample's 300 points make 3,300. */
const POINTS = 3_300;
/** The per-tile feature budget: below the 3,300 of the zoom-8 tile that holds the county, so that tile is thinned. */
const TILE_MAX_FEATURES = 3_000;
const available = privatePostgresAvailable();
if (!available) console.log('dense-tiles e2e: skipped — needs PostgreSQL 15 + PostGIS (infra/install-system-packages.sh)');

describe.skipIf(!available)('command map: dense risk points from vector tiles', () => {
  let pg: PrivatePostgres;
  let server: RunningServer;
  let browser: Browser;
  let g: Guarded;
  const tileRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    pg = await startPrivatePostgres();
    [server, browser] = await Promise.all([
      startServer({ DATABASE_URL: pg.url, ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password, RATE_LIMIT: 'off', LOG_LEVEL: 'warn', TILE_MAX_FEATURES: String(TILE_MAX_FEATURES) }),
      launchChromium(),
    ]);
    const have = Number(pg.psql('select count(*) from risk_points where deleted_at is null', 'riskmap'));
    const columns = pg.psql("select string_agg(quote_ident(column_name), ',' order by ordinal_position) from information_schema.columns where table_name = 'risk_points' and column_name not in ('id', 'code', 'name', 'geom', 'created_at', 'updated_at')", 'riskmap').trim();
    // Copies of the sample's points moved by up to ±0.01° (fixed seed), named so the panel shows which one was opened.
    pg.psql(`select setseed(0.16); insert into risk_points (code, name, geom, ${columns})
      select r.code || '-D' || g, '密集测试点 ' || r.name || ' ' || g, ST_SetSRID(ST_Translate(r.geom, (random() - 0.5) * 0.02, (random() - 0.5) * 0.02), 4326), ${columns.split(',').map((c) => `r.${c}`).join(',')}
      from risk_points r cross join generate_series(1, ${Math.ceil(POINTS / have) - 1}) g order by r.id, g limit ${Math.max(0, POINTS - have)}`, 'riskmap');
    g = await guardedPage(browser, server.url, { viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    g.page.on('response', (r) => {
      if (/\/tiles\/risk-points\/\d+\/\d+\/\d+\.mvt/.test(r.url())) tileRequests.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await signIn(g.context);
  }, 300_000);

  afterAll(async () => {
    await g?.context.close();
    await browser?.close();
    await server?.stop();
    pg?.destroy();
  });

  it('draws more than 3,000 risk points from the tiles, and a click on a tile-drawn point opens its detail panel', async () => {
    expect(Number(pg.psql('select count(*) from risk_points where deleted_at is null', 'riskmap'))).toBeGreaterThan(3_000);
    await g.page.goto('/');
    await waitForMapIdle(g.page, '__riskmap', 120_000);
    // Only the risk points clickable: the other point layers off.
    for (const id of ['hazard-sources', 'shelters', 'warehouses', 'fire-stations']) await g.page.click(`[data-testid=toggle-${id}]`);
    // Zoom in on the county town so the points are apart (a tile there holds every point, count = 1).
    await g.page.waitForFunction(() => {
      const map = window.__riskmap!.map;
      return map.getLayoutProperty('risk-tiles', 'visibility') === 'visible' && map.queryRenderedFeatures({ layers: ['risk-tiles'] }).length > 0;
    }, undefined, { timeout: 120_000 });
    const target = await g.page.evaluate(async () => {
      const map = window.__riskmap!.map;
      const c = map.getCanvas();
      const rect = c.getBoundingClientRect();
      const drawn = map.queryRenderedFeatures({ layers: ['risk-tiles'] });
      const geojsonDrawn = map.queryRenderedFeatures({ layers: ['risk-points'] }).length;
      // A single (not thinned) point well inside the view, with no other tile point within 14 px.
      const px = drawn.map((f) => ({ f, p: map.project(f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [0, 0]) }));
      const inside = px.filter(({ p }) => p.x > 200 && p.x < rect.width - 420 && p.y > 120 && p.y < rect.height - 120);
      const alone = inside.find(({ f, p }) => Number(f.properties.count ?? 1) === 1 && px.every((o) => o.f === f || Math.hypot(o.p.x - p.x, o.p.y - p.y) > 14));
      if (!alone) return { drawn: drawn.length, geojsonDrawn, found: false as const };
      return { drawn: drawn.length, geojsonDrawn, found: true as const, id: alone.f.id, name: String(alone.f.properties.name ?? ''), x: rect.left + alone.p.x, y: rect.top + alone.p.y };
    });
    expect(target.drawn).toBeGreaterThan(0);
    expect(target.geojsonDrawn, 'the GeoJSON layer draws nothing: the points come from the tiles').toBe(0);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((r) => r.startsWith('200 ') || r.startsWith('304 '))).toBe(true);
    expect(target.found, `a lone tile point in view (of ${target.drawn} drawn)`).toBe(true);
    if (!target.found) return;
    await g.page.mouse.click(target.x, target.y);
    const panel = g.page.locator('[data-testid=detail-panel]');
    await panel.waitFor({ timeout: 30_000 });
    const text = (await panel.textContent()) ?? '';
    expect(target.name.length).toBeGreaterThan(0);
    expect(text).toContain(target.name);
    await g.page.screenshot({ path: join(SCREENSHOTS, 'command-dense-tiles-click.png') });
    expectClean(g);
  }, 300_000);

  it('says how many risk points a clicked thinned point stands for, in Chinese and in English', async () => {
    // Zoom 8: the county's 3,300 points are in one tile, over its budget, so it is thinned (count > 1).
    await g.page.evaluate(() => window.__riskmap!.map.jumpTo({ center: [115.79, 36.11], zoom: 8.2 }));
    await waitForMapIdle(g.page, '__riskmap', 120_000);
    await g.page.waitForFunction(() => window.__riskmap!.map.queryRenderedFeatures({ layers: ['risk-tiles'] }).some((f) => Number(f.properties.count) > 1), undefined, { timeout: 120_000 });
    const target = await g.page.evaluate(() => {
      const map = window.__riskmap!.map;
      const rect = map.getCanvas().getBoundingClientRect();
      const drawn = map.queryRenderedFeatures({ layers: ['risk-tiles'] });
      const f = drawn.filter((x) => Number(x.properties.count) > 1).sort((a, b) => Number(b.properties.count) - Number(a.properties.count))[0]!;
      const p = map.project(f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [0, 0]);
      return { id: f.id, name: String(f.properties.name ?? ''), count: Number(f.properties.count), total: drawn.reduce((n, x) => n + Number(x.properties.count ?? 1), 0), x: rect.left + p.x, y: rect.top + p.y };
    });
    expect(target.count).toBeGreaterThan(1);
    expect(target.total, 'the counts of the drawn points add up to the points in the database').toBe(Number(pg.psql('select count(*) from risk_points where deleted_at is null', 'riskmap')));
    await g.page.mouse.click(target.x, target.y);
    const panel = g.page.locator('[data-testid=detail-panel]');
    await panel.waitFor({ timeout: 30_000 });
    // Points drawn close together open the "1 / N" chooser: pick the clicked one by name.
    if (((await panel.locator('h2').textContent()) ?? '') !== target.name) await panel.locator('.chooser-list button', { hasText: target.name }).first().click();
    await g.page.waitForFunction((name) => document.querySelector('[data-testid=detail-panel] h2')?.textContent === name, target.name, { timeout: 30_000 });
    expect(await g.page.textContent('[data-testid=stands-for]')).toContain(`代表约 ${target.count.toLocaleString('zh-CN')} 个风险点`);
    await panel.evaluate((el) => el.scrollTo(0, 0)); // the chooser scrolled its chosen row into view
    await g.page.screenshot({ path: join(SCREENSHOTS, 'command-dense-tiles-stands-for.png') });
    await g.page.click('[data-testid=lang-switch]');
    await g.page.waitForFunction((n) => document.querySelector('[data-testid=stands-for]')?.textContent?.includes(`Stands for about ${n} risk points`), target.count.toLocaleString('en'), { timeout: 30_000 });
    await g.page.click('[data-testid=lang-switch]');
    expectClean(g);
  }, 300_000);

  it('says it on a phone too: the detail right below the map, its line in view, nothing off the screen', async () => {
    const phone = await guardedPage(browser, server.url, PHONE);
    try {
      await signIn(phone.context);
      const { page } = phone;
      await page.goto('/');
      await waitForMapIdle(page, '__riskmap', 120_000);
      for (const id of ['hazard-sources', 'shelters', 'warehouses', 'fire-stations']) await page.click(`[data-testid=toggle-${id}]`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => window.__riskmap!.map.jumpTo({ center: [115.79, 36.11], zoom: 8.2 }));
      await waitForMapIdle(page, '__riskmap', 120_000);
      await page.waitForFunction(() => window.__riskmap!.map.queryRenderedFeatures({ layers: ['risk-tiles'] }).some((f) => Number(f.properties.count) > 1), undefined, { timeout: 120_000 });
      const target = await page.evaluate(() => {
        const map = window.__riskmap!.map;
        const rect = map.getCanvas().getBoundingClientRect();
        const f = map.queryRenderedFeatures({ layers: ['risk-tiles'] }).filter((x) => Number(x.properties.count) > 1).sort((a, b) => Number(b.properties.count) - Number(a.properties.count))[0]!;
        const p = map.project(f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [0, 0]);
        return { name: String(f.properties.name ?? ''), count: Number(f.properties.count), x: rect.left + p.x, y: rect.top + p.y };
      });
      await page.mouse.click(target.x, target.y);
      const panel = page.locator('[data-testid=detail-panel]');
      await panel.waitFor({ timeout: 30_000 });
      if (((await panel.locator('h2').textContent()) ?? '') !== target.name) await panel.locator('.chooser-list button', { hasText: target.name }).first().click();
      await page.waitForFunction((name) => document.querySelector('[data-testid=detail-panel] h2')?.textContent === name, target.name, { timeout: 30_000 });
      expect(await page.textContent('[data-testid=stands-for]')).toContain(`代表约 ${target.count.toLocaleString('zh-CN')} 个风险点`);
      await expectFits(page, '[data-testid=detail-panel]');
      // The map and the line both on the screen: the panel follows the map, before the layer list.
      await page.evaluate(() => window.scrollTo(0, 0));
      const line = (await page.getByTestId('stands-for').boundingBox())!;
      if (line.y + line.height > 844) await page.getByTestId('stands-for').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      const map = (await page.getByTestId('command-map').boundingBox())!;
      const shown = (await page.getByTestId('stands-for').boundingBox())!;
      expect(shown.y + shown.height).toBeLessThanOrEqual(844);
      expect(map.y + map.height).toBeGreaterThan(200);
      expect((await page.locator('.layer-panel').boundingBox())!.y).toBeGreaterThan(shown.y);
      await page.screenshot({ path: join(SCREENSHOTS, 'stands-for-phone.png') });
      expectClean(phone);
    } finally {
      await phone.context.close();
    }
  }, 300_000);
});
