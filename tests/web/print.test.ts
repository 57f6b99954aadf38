/**
 * Deliverable maps in a real Chromium against the real server with the sample data: the command
 * map's 打印 and PNG export, the planning print sheet and the incident brief, in Chinese and English,
 * desktop and phone; the printed map's bounds contain the whole county (or all zones).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import type { Env } from './flows/env.js';
import { endPrint, printShot, printVia, type Printed } from './flows/print-sheet.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const env = {} as Env;
let server: RunningServer | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const given = process.env.E2E_URL;
  const started = given ? Promise.resolve({ url: given }) : startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-print-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }, 400_000).then((s) => (server = s));
  [env.server, env.browser] = await Promise.all([started, launchChromium()]);
}, 600_000);

afterAll(async () => {
  await env.browser?.close();
  await server?.stop();
});

/** [w, s, e, n] of every coordinate of a FeatureCollection. */
function bbox(fc: { features: { geometry: { coordinates: unknown } }[] }): number[] {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0]!, c[0]); b[1] = Math.min(b[1]!, c[1] as number); b[2] = Math.max(b[2]!, c[0]); b[3] = Math.max(b[3]!, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  fc.features.forEach((f) => walk(f.geometry.coordinates));
  return b;
}
const contains = (o: number[], i: number[]) => o[0]! <= i[0]! && o[1]! <= i[1]! && o[2]! >= i[2]! && o[3]! >= i[3]!;

/**
 * In print emulation, the part of the map that shows: the canvas clipped by its container, unprojected
 * by the map itself ([w, s, e, n]), and the container's size in CSS px.
 */
async function printedMap(page: Page, handle: '__riskmap' | '__planningMap'): Promise<{ bounds: number[]; px: number[] }> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(async (h) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const w = window as unknown as Record<string, unknown>;
    type M = { getContainer(): HTMLElement; getCanvas(): HTMLCanvasElement; unproject(p: [number, number]): { lng: number; lat: number } };
    const map = (h === '__riskmap' ? (w[h] as { map: M }).map : w[h]) as M;
    const c = map.getContainer().getBoundingClientRect();
    const cv = map.getCanvas().getBoundingClientRect();
    const x0 = Math.max(c.left, cv.left) - cv.left;
    const y0 = Math.max(c.top, cv.top) - cv.top;
    const x1 = Math.min(c.right, cv.right) - cv.left;
    const y1 = Math.min(c.bottom, cv.bottom) - cv.top;
    const sw = map.unproject([x0, y1]);
    const ne = map.unproject([x1, y0]);
    return { bounds: [sw.lng, sw.lat, ne.lng, ne.lat], px: [c.width, c.height] };
  }, handle);
}

const PX_PER_MM = 96 / 25.4;
/** The printed container is the frame that was fitted (to a pixel). */
function expectFrame(px: number[], b: Printed): void {
  expect(Math.abs(px[0]! - b.frameMm.widthMm * PX_PER_MM)).toBeLessThan(1.5);
  expect(Math.abs(px[1]! - b.frameMm.heightMm * PX_PER_MM)).toBeLessThan(1.5);
}

const variants = [
  { locale: 'zh-CN', device: 'desktop', viewport: { width: 1600, height: 900 } },
  { locale: 'en', device: 'desktop', viewport: { width: 1600, height: 900 } },
  { locale: 'zh-CN', device: 'phone', viewport: { width: 390, height: 844 } },
  { locale: 'en', device: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** The command map with the incident answer for a click at the map centre. */
async function openIncidentAnswer(page: Page): Promise<void> {
  await page.goto('/');
  await waitForMapIdle(page);
  await page.evaluate(() => (document.querySelector('[data-testid=incident-toggle]') as HTMLButtonElement).click());
  const box = await page.evaluate(() => window.__riskmap!.map.getCanvas().getBoundingClientRect().toJSON());
  await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
  await page.locator('[data-testid=incident-panel][data-state=done]').waitFor({ timeout: 60_000 });
}

/**
 * The printed brief names its data source (示例数据 on the sample) and loses no row unsaid: each table
 * lists its rows plus 另有 N 个 for the ones cut, adding up to the section's count; it was cut to fit
 * under the map (at most 5 rows a table, fewer when 5 do not fit).
 */
async function expectBriefComplete(page: Page, locale: string, most = 5): Promise<void> {
  const brief = page.locator('.incident-print-sheet [data-testid=incident-brief]');
  expect(await brief.getByTestId('incident-brief-source').isVisible()).toBe(true);
  expect((await brief.getByTestId('incident-brief-source').innerText()).trim()).toBe(locale === 'en' ? 'Data source: riskmap platform · Sample data' : '数据来源：riskmap 平台 · 示例数据');
  const limit = Number(await brief.getAttribute('data-rows'));
  expect(limit).toBeGreaterThanOrEqual(1);
  expect(limit).toBeLessThanOrEqual(most);
  const tables = await brief.evaluate((el) =>
    [...el.querySelectorAll('.incident-section')].flatMap((s) => {
      const count = s.querySelector('h3 .count')?.textContent;
      const table = s.querySelector('table');
      if (!count || !table) return [];
      return [{ id: (s as HTMLElement).dataset.testid, count: Number(count), rows: table.querySelectorAll('tbody tr').length, more: table.querySelector('[data-testid=incident-more]')?.textContent ?? null }];
    }),
  );
  expect(tables.length).toBeGreaterThan(0);
  for (const t of tables) {
    const left = t.more === null ? 0 : Number(/\d+/.exec(t.more)?.[0]);
    if (t.more !== null) expect(t.more).toMatch(locale === 'en' ? /more not listed/ : /^另有 \d+ 个未列出$/);
    expect({ ...t, left, sum: t.rows + left }).toMatchObject({ sum: t.count, rows: Math.min(t.count, limit) });
  }
  // The sample's answer has more rows than the brief lists somewhere: the caption is there to see.
  expect(tables.some((t) => t.more !== null)).toBe(true);
}

describe.each(variants)('print sheets and PNG ($locale, $device)', ({ locale, device, viewport }) => {
  let page: Page;
  let county: number[];
  let g: Guarded;
  const tag = `${locale}-${device}`;
  beforeAll(async () => {
    g = await guardedPage(env.browser, env.server.url, { viewport, locale, deviceScaleFactor: 1 });
    await g.context.addInitScript((l) => localStorage.setItem('riskmap.locale', l), locale);
    await signIn(g.context);
    page = g.page;
    const res = await g.context.request.get('/api/layers/townships');
    county = bbox(await res.json());
  }, 120_000);
  afterAll(async () => {
    await g?.context.close();
    if (g) expectClean(g);
  });

  it('prints the command map fitted to the whole county, with legend, scale bar, north arrow and watermark', async () => {
    await page.goto('/');
    await waitForMapIdle(page);
    const b = await printVia(page, 'print-map');
    expect(b.paper).toBe('A4');
    expect(b.kind).toBe('command');
    // What prints: the map in print layout shows the whole county in the A4 frame.
    const printed = await printedMap(page, '__riskmap');
    expectFrame(printed.px, b);
    expect(contains(printed.bounds, county)).toBe(true);
    expect(await page.getByTestId('print-marks').isVisible()).toBe(true);
    const legend = page.locator('.print-sheet [data-testid=print-legend]');
    expect(await legend.isVisible()).toBe(true);
    // Every symbol drawn: the four levels, hazard sources, shelters by status, warehouses, fire stations, the boundary.
    expect(await legend.locator('img.legend-icon').count()).toBeGreaterThanOrEqual(4);
    expect(await legend.locator('[data-legend=dot]').count()).toBeGreaterThanOrEqual(4);
    // The signed-in overlay of open hidden hazards is drawn, so it is in the legend too.
    expect(await legend.innerText()).toContain(locale === 'en' ? 'Overdue hidden hazard' : '逾期隐患');
    expect(await page.locator('.print-foot').innerText()).toContain(locale === 'en' ? 'Sample data' : '示例数据');
    await printShot(page, `print-command-${tag}.png`, device);
    await endPrint(page);
  }, 120_000);

  it('exports the command map as an A4 landscape PNG sheet', async () => {
    await page.evaluate(() => {
      delete window.__lastPng;
      (document.querySelector('[data-testid=export-png]') as HTMLButtonElement).click();
    });
    await page.waitForFunction(() => Boolean(window.__lastPng), undefined, { timeout: 60_000 });
    const url = await page.evaluate(() => window.__lastPng!);
    const png = Buffer.from(url.split(',')[1]!, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A4 landscape at 150 dpi: 1754 × 1240 px.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1754, 1240]);
    writeFileSync(join(SHOTS, `png-command-${tag}.png`), png);
    const b = await page.evaluate(() => window.__printBounds!);
    expect(b.kind).toBe('png');
    expect(contains(b.map, county)).toBe(true);
    // The view and the layout are put back.
    expect(await page.locator('.print-frame').count()).toBe(0);
  }, 120_000);

  it('prints the incident brief fitted to all zones, saying how the zones were sized', async () => {
    await openIncidentAnswer(page);
    expect(await page.getByTestId('incident-result').getByTestId('incident-zone-model').innerText()).toMatch(locale === 'en' ? /generic|Zones/ : /分区依据/);
    const b = await printVia(page, 'incident-print');
    // The fitted bounds are the zones' bounding box: the printed map must show all of them.
    expect(b.fitted.length).toBe(4);
    expect(b.kind).toBe('incident');
    const printed = await printedMap(page, '__riskmap');
    expectFrame(printed.px, b);
    expect(contains(printed.bounds, b.fitted)).toBe(true);
    const legend = page.locator('.incident-print-sheet [data-testid=print-legend]');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.innerText()).toContain(locale === 'en' ? 'Incident' : '事故点');
    await expectBriefComplete(page, locale);
    await printShot(page, `print-incident-${tag}.png`, device);
    await endPrint(page);
  }, 180_000);

  it('prints the planning sheet fitted to the whole county, its legend showing the facility symbols', async () => {
    await page.goto('/planning');
    await waitForMapIdle(page, '__planningMap');
    const b = await printVia(page, 'print');
    expect(b.kind).toBe('planning');
    const printed = await printedMap(page, '__planningMap');
    expectFrame(printed.px, b);
    expect(contains(printed.bounds, county)).toBe(true);
    const legend = page.locator('.planning-print-head [data-testid=print-legend]');
    expect(await legend.isVisible()).toBe(true);
    // Shelters by status and fire stations in the map's own icons, beside the per-capita classes.
    const icons = await legend.locator('img.legend-icon').evaluateAll((xs) => xs.length);
    expect(icons).toBeGreaterThanOrEqual(2);
    expect(await legend.innerText()).toContain(locale === 'en' ? 'Fire stations' : '消防');
    expect(await page.getByTestId('print-marks').isVisible()).toBe(true);
    await printShot(page, `print-planning-${tag}.png`, device);
    await endPrint(page);
  }, 120_000);

  it.runIf(device === 'desktop')('prints and exports on A3 landscape when chosen, and remembers the choice', async () => {
    await page.goto('/');
    await waitForMapIdle(page);
    await page.getByTestId('paper').first().selectOption('A3');
    const b = await printVia(page, 'print-map');
    expect(b.paper).toBe('A3');
    expect(b.frameMm).toEqual({ widthMm: 400, heightMm: 237 });
    expect(await page.evaluate(() => document.getElementById('print-paper')!.textContent)).toContain('A3 landscape');
    const printed = await printedMap(page, '__riskmap');
    expectFrame(printed.px, b);
    expect(contains(printed.bounds, county)).toBe(true);
    await printShot(page, `print-command-A3-${tag}.png`, device, 'A3');
    await endPrint(page);
    await page.evaluate(() => {
      delete window.__lastPng;
      (document.querySelector('[data-testid=export-png]') as HTMLButtonElement).click();
    });
    await page.waitForFunction(() => Boolean(window.__lastPng), undefined, { timeout: 60_000 });
    const png = Buffer.from((await page.evaluate(() => window.__lastPng!)).split(',')[1]!, 'base64');
    // A3 landscape at 150 dpi: 2480 × 1754 px.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2480, 1754]);
    writeFileSync(join(SHOTS, `png-command-A3-${tag}.png`), png);
    // Remembered: the planning page offers A3 too, and back to A4 for the other runs.
    await page.goto('/planning');
    expect(await page.getByTestId('paper').inputValue()).toBe('A3');
    await page.getByTestId('paper').selectOption('A4');
  }, 180_000);
});

/**
 * The browser's own print (Ctrl+P, no button): headless Chromium's page.pdf() fires beforeprint
 * before it lays out the page, as a real print does. The sheet must come out fitted: the map sized to
 * the paper's frame and showing the whole requested extent. The PDF's first page is drawn with
 * pdftoppm (poppler-utils) into the screenshots.
 */
async function printPdf(page: Page, file: string): Promise<{ b: Printed & { via?: string; px?: number[]; tilesLoaded?: boolean }; pageMm: number[]; text: string; pages: number }> {
  await page.evaluate(() => delete window.__printBounds);
  // page.pdf() lays out in the emulated media: back to the browser's own (print) for the PDF.
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const b = (await page.evaluate(() => window.__printBounds)) as never as Printed & { via?: string; px?: number[] };
  // afterprint put the screen back.
  expect(await page.locator('.print-frame').count()).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-pdf-'));
  writeFileSync(join(dir, 'sheet.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '96', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'sheet.pdf'), join(SHOTS, file.replace(/\.png$/, ''))]);
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  const text = execFileSync('pdftotext', [join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [join(dir, 'sheet.pdf')], { encoding: 'utf8' }))?.[1]);
  return { b, pageMm: box ? [Number(box[1]) / 72 * 25.4, Number(box[2]) / 72 * 25.4] : [], text, pages };
}

describe.each([variants[0], variants[1]])("the browser's own print ($locale, $device)", ({ locale, device, viewport }) => {
  let page: Page;
  let townships: { features: { properties: { code: string; name: string }; geometry: { coordinates: unknown } }[] };
  let county: number[];
  const tag = `${locale}-${device}`;
  beforeAll(async () => {
    const g = await guardedPage(env.browser, env.server.url, { viewport, locale, deviceScaleFactor: 1 });
    await g.context.addInitScript((l) => localStorage.setItem('riskmap.locale', l), locale);
    await signIn(g.context);
    page = g.page;
    townships = await (await g.context.request.get('/api/layers/townships')).json();
    county = bbox(townships);
  }, 120_000);

  it('Ctrl+P on the command map prints the fitted A4 sheet of the whole county', async () => {
    await page.goto('/');
    await waitForMapIdle(page);
    // The screen's own view (its container, centre and zoom) is not what prints.
    const screen = await page.evaluate(() => ({ zoom: window.__riskmap!.map.getZoom(), w: window.__riskmap!.map.getContainer().clientWidth }));
    const { b, pageMm } = await printPdf(page, `ctrlp-command-${tag}.png`);
    expect(b.px![0]).not.toBe(screen.w);
    expect(await page.evaluate(() => window.__riskmap!.map.getZoom())).toBeCloseTo(screen.zoom, 6);
    expect(b.via).toBe('beforeprint');
    expect(b.kind).toBe('command');
    expect(b.frameMm).toEqual({ widthMm: 277, heightMm: 150 });
    // The map had the frame's size (the paper's proportions) when it was fitted, and shows the whole county.
    expect(Math.abs(b.px![0]! - 277 * PX_PER_MM)).toBeLessThan(1.5);
    expect(Math.abs(b.px![1]! - 150 * PX_PER_MM)).toBeLessThan(1.5);
    expect(contains(b.map, county)).toBe(true);
    expect(Math.round(pageMm[0]!)).toBe(297);
    expect(Math.round(pageMm[1]!)).toBe(210);
    // Print emulation without any button: the laid-out printed map shows the whole county.
    const printed = await printedMap(page, '__riskmap');
    expect(contains(printed.bounds, county)).toBe(true);
    expectFrame(printed.px, b);
    await endPrint(page);
  }, 180_000);

  it('the planning sheet prints one chosen township: map fitted to its outline, its rows, its name in the title; Ctrl+P too', async () => {
    await page.goto('/planning');
    await waitForMapIdle(page, '__planningMap');
    const pick = townships.features[Math.floor(townships.features.length / 2)]!;
    const own = bbox({ features: [pick] });
    await page.getByTestId('sheet-area').selectOption(pick.properties.code);
    await page.getByTestId(`pc-row-${pick.properties.code}`).first().waitFor();
    // Only that township's row in the body; the county total stays as the reference.
    expect(await page.locator('[data-testid=per-capita-table] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid=per-capita-table] tfoot tr.county').count()).toBe(1);
    expect(await page.getByTestId('planning-print-title').textContent()).toContain(pick.properties.name);
    // The button print fits the township.
    const b = await printVia(page, 'print');
    expect(b.fitted).toEqual(own);
    const printed = await printedMap(page, '__planningMap');
    expectFrame(printed.px, b);
    expect(contains(printed.bounds, own)).toBe(true);
    // …and the county does not fit in it (it is the township's sheet, not the county's).
    expect(contains(printed.bounds, county)).toBe(false);
    await printShot(page, `print-planning-township-${tag}.png`, device);
    await endPrint(page);
    // Ctrl+P prints the same township sheet.
    const pdf = await printPdf(page, `ctrlp-planning-township-${tag}.png`);
    expect(pdf.b.via).toBe('beforeprint');
    expect(pdf.b.kind).toBe('planning');
    expect(pdf.b.fitted).toEqual(own);
    expect(contains(pdf.b.map, own)).toBe(true);
    expect(Math.abs(pdf.b.px![0]! - pdf.b.frameMm.widthMm * PX_PER_MM)).toBeLessThan(1.5);
    expect(Math.abs(pdf.b.px![1]! - pdf.b.frameMm.heightMm * PX_PER_MM)).toBeLessThan(1.5);
    await page.getByTestId('sheet-area').selectOption('');
    expect(await page.locator('[data-testid=per-capita-table] tbody tr').count()).toBe(townships.features.length);
  }, 240_000);

  /**
   * The command map opened small (its county view at a low zoom, so no tile of the printed sheet's zoom
   * was ever made), then zoomed in to a street: what a duty officer has on screen before printing.
   */
  async function farZoom(): Promise<void> {
    await page.setViewportSize({ width: 420, height: 300 });
    await page.goto('/');
    await waitForMapIdle(page);
    await page.evaluate(() => {
      const m = window.__riskmap!.map;
      m.jumpTo({ center: m.getCenter(), zoom: 17 });
    });
    await waitForMapIdle(page);
    await page.setViewportSize(viewport);
  }

  it('Ctrl+P from a street-level zoom prints the whole county drawn: the sheet is fitted and its tiles loaded before the dialog opens', async () => {
    await farZoom();
    await page.evaluate(() => {
      delete window.__printBounds;
      (window as unknown as { __printCalls: number }).__printCalls = 0;
      window.print = () => void ((window as unknown as { __printCalls: number }).__printCalls += 1);
    });
    await page.keyboard.press('Control+KeyP');
    await page.waitForFunction(() => (window as unknown as { __printCalls: number }).__printCalls === 1, undefined, { timeout: 60_000 });
    const b = (await page.evaluate(() => window.__printBounds)) as never as Printed & { via?: string; tilesLoaded?: boolean };
    expect(b.via).toBe('keys');
    expect(b.kind).toBe('command');
    expect(b.tilesLoaded).toBe(true);
    expect(contains(b.map, county)).toBe(true);
    // The dialog then lays out this sheet as it is (beforeprint leaves a print under way alone).
    await page.evaluate(() => {
      const keep = window.__printBounds;
      window.addEventListener('beforeprint', () => void (window.__printBounds = keep), { once: true });
    });
    const { b: laid, text } = await printPdf(page, `ctrlp-keys-far-zoom-${tag}.png`);
    expect(laid.via).toBe('keys');
    expect(text).not.toMatch(/尚未加载|had not loaded/);
  }, 180_000);

  it("the browser menu's print from a street-level zoom, which cannot wait for tiles, says on the sheet that the map may be incomplete", async () => {
    await farZoom();
    const { b, text } = await printPdf(page, `ctrlp-menu-far-zoom-${tag}.png`);
    expect(b.via).toBe('beforeprint');
    expect(b.tilesLoaded).toBe(false);
    expect(contains(b.map, county)).toBe(true);
    expect(text.replace(/\s+/g, '')).toMatch(locale === 'en' ? /Somemaptileshadnotloaded/ : /部分地图瓦片尚未加载/);
    // Gone from the screen after the print.
    expect(await page.locator('[data-testid=print-tiles-pending]').count()).toBe(0);
  }, 180_000);

  it('a brief too long for the room under the map lists fewer rows, says how many it left out, and still prints on one page', async () => {
    await openIncidentAnswer(page);
    // Larger table type (as a longer answer would) makes five rows a table too tall; a change of language lays the brief out again.
    await page.addStyleTag({ content: '.incident-brief-tables, .incident-brief-tables .incident-table { font-size: 9pt !important; }' });
    for (let i = 0; i < 2; i++) await page.getByTestId('lang-switch').click();
    const rows = () => page.locator('.incident-print-sheet [data-testid=incident-brief]').getAttribute('data-rows').then(Number);
    await expect.poll(rows).toBeLessThan(5);
    // Cut to what fits the 110 mm under the map (96 px per inch).
    expect(await page.locator('.incident-print-sheet [data-testid=incident-brief]').evaluate((el) => el.scrollHeight)).toBeLessThanOrEqual((110 * 96) / 25.4);
    await printVia(page, 'incident-print');
    await page.emulateMedia({ media: 'print' });
    await expectBriefComplete(page, locale, 4);
    await printShot(page, `print-incident-cut-${tag}.png`, device);
    await endPrint(page);
    const { text, pages } = await printPdf(page, `ctrlp-incident-cut-${tag}.png`);
    expect(pages).toBe(1);
    expect(text.replace(/\s+/g, '')).toContain(locale === 'en' ? 'Datasource:riskmapplatform·Sampledata' : '数据来源：riskmap平台·示例数据');
  }, 180_000);

  it('Ctrl+P with an incident answer shown prints the brief fitted to all zones', async () => {
    await openIncidentAnswer(page);
    const { b, text, pages } = await printPdf(page, `ctrlp-incident-${tag}.png`);
    expect(b.via).toBe('beforeprint');
    expect(b.kind).toBe('incident');
    // One page, nothing clipped: the source line (the brief's last line) is printed.
    expect(pages).toBe(1);
    expect(text.replace(/\s+/g, '')).toContain(locale === 'en' ? 'Datasource:riskmapplatform·Sampledata' : '数据来源：riskmap平台·示例数据');
    expect(text).toMatch(locale === 'en' ? /more not listed/ : /另有 \d+ 个未列出/);
    expect(contains(b.map, b.fitted)).toBe(true);
    expect(Math.abs(b.px![1]! - b.frameMm.heightMm * PX_PER_MM)).toBeLessThan(1.5);
  }, 180_000);
});
