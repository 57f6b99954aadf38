/**
 * The planning workspace (/planning) in a real Chromium against the real server with the sample data:
 * a planner sees the short townships, runs MCLP and shelter-gap siting, saves and compares two
 * scenarios, accepts a site (the indicator changes, and back on undo), exports the 台账 XLSX and the
 * print sheet, edits a facility (Chinese validation, drag, 409 + reapply), dry-runs an import; a public
 * user reaches none of it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, waitForMapIdle, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
const PLANNER = { username: 'e2e-planner', password: 'Qm4#长河-落日-27x' };
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let guard: Guarded;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // E2E_URL=<running server on a fresh database> reuses a server started by hand.
  const given = process.env.E2E_URL;
  [server, browser] = await Promise.all([
    given ? Promise.resolve({ url: given, stop: async () => null } as unknown as RunningServer) : startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-plan-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }),
    launchChromium(),
  ]);
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
  const { token } = (await login.json()) as { token: string };
  const made = await fetch(`${server.url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ...PLANNER, role: 'planner' }) });
  if (made.status !== 201) throw new Error(`planner not created: ${made.status}`);
  // The one failure the flows provoke on purpose: the 409 of the conflict step (a save over another's version).
  const g = await guardedPage(browser, server.url, { viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true }, { expected: [{ status: 409, path: /^\/api\/layers\/shelters\/\d+$/ }] });
  guard = g;
  ({ context, page, errors } = g);
  await signIn(context, PLANNER);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (testid: string) => (await page.getByTestId(testid).innerText()).trim();

describe('planning workspace (/planning)', () => {
  it('shows the townships below the target in the table, the list and the choropleth', async () => {
    const api = (await (await context.request.get('/api/analytics/shelter-per-capita')).json()) as { townships: { townshipCode: string; name: string; meetsTarget: boolean }[] };
    const short = api.townships.filter((t) => t.meetsTarget === false);
    expect(short.length).toBeGreaterThan(0);
    await page.goto('/planning');
    await page.getByTestId('per-capita-table').waitFor();
    await waitForMapIdle(page, '__planningMap');
    expect(await text('kpi-short')).toBe(String(short.length));
    for (const t of short) await expect.poll(() => page.getByTestId(`pc-row-${t.townshipCode}`).getAttribute('class')).toContain('short');
    const listed = await page.getByTestId('short-list').locator('ol li').allInnerTexts();
    expect(listed.map((l) => l.split(' ')[0])).toEqual(expect.arrayContaining(short.map((t) => t.name)));
    const fills = await page.evaluate(() => window.__planningMap!.querySourceFeatures('pc').map((f) => f.properties.fill as string));
    expect(new Set(fills).size).toBeGreaterThan(1);
    await expect.poll(() => page.locator('tr.county-town').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'planning-zh.png') });

    await page.getByTestId('target-input').fill('3');
    await page.getByTestId('target-input').press('Enter');
    await expect.poll(() => text('kpi-target')).toContain('3.00');
    await page.getByTestId('target-input').fill('2.5');
    await page.getByTestId('target-input').press('Enter');
    await expect.poll(() => text('kpi-target')).toContain('2.50');
  });

  it('names both county shortfalls under the table, in Chinese and in English', async () => {
    const api = (await (await context.request.get('/api/analytics/shelter-per-capita')).json()) as { shortfall: { netM2: number; sumOfTownshipsM2: number } };
    expect(api.shortfall.sumOfTownshipsM2).toBeGreaterThan(api.shortfall.netM2);
    const m2 = (n: number) => `${n.toLocaleString('zh-CN')} m²`;
    await page.goto('/planning');
    await page.getByTestId('per-capita-table').waitFor();
    const figures = async () => [await text('pc-shortfall-net'), await text('pc-shortfall-sumOfTownships')];
    await expect.poll(figures).toEqual([`全县净缺口（乡镇间可调剂）：${m2(api.shortfall.netM2)}`, `乡镇缺口合计（各乡镇各自达标）：${m2(api.shortfall.sumOfTownshipsM2)}`]);
    expect(await page.getByTestId('pc-shortfalls').innerText()).toContain('口径见覆盖模型说明');
    expect(await page.getByTestId('pc-shortfall-net').isVisible()).toBe(true);
    expect(await page.getByTestId('pc-shortfall-sumOfTownships').isVisible()).toBe(true);
    await page.getByTestId('per-capita-table').screenshot({ path: join(SHOTS, 'per-capita-shortfalls-zh-CN.png') });
    await page.getByTestId('lang-switch').click();
    try {
      await expect.poll(figures).toEqual([`Net county shortfall (townships offset each other): ${m2(api.shortfall.netM2)}`, `Sum of township shortfalls (each township meets the target on its own): ${m2(api.shortfall.sumOfTownshipsM2)}`]);
      expect(await page.getByTestId('pc-shortfalls').innerText()).toContain('section Shortfall');
      expect(await page.getByTestId('pc-shortfall-sumOfTownships').isVisible()).toBe(true);
      await page.getByTestId('per-capita-table').screenshot({ path: join(SHOTS, 'per-capita-shortfalls-en.png') });
    } finally {
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => text('tab-coverage')).toBe('覆盖分析');
    }
  });

  it('shows shelter service areas and the uncovered villages', async () => {
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage-shelters').click();
    await expect.poll(() => page.getByTestId('uncovered-list').locator(':scope > li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => window.__planningMap!.querySourceFeatures('reach').length)).toBeGreaterThan(0);
    await page.getByTestId('coverage-fire-stations').click();
    await expect.poll(() => text('coverage-share')).toMatch(/%/);
    await waitForMapIdle(page, '__planningMap');
    await page.screenshot({ path: join(SHOTS, 'planning-coverage.png') });
    await page.getByTestId('coverage-none').click();
  });

  it('shows warehouse reach by level, and the uncovered population per township in the table', async () => {
    const warehouses = (await (await context.request.get('/api/layers/warehouses')).json()) as { features: unknown[] };
    await page.getByTestId('coverage-warehouses').click();
    await expect.poll(() => text('coverage-legend')).toContain('县级储备库');
    await expect.poll(() => page.evaluate(() => window.__planningMap!.querySourceFeatures('reach').length)).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => window.__planningMap!.querySourceFeatures('warehouses').length)).toBeGreaterThan(0);
    expect(warehouses.features.length).toBeGreaterThan(0);
    expect(await text('coverage-share')).toMatch(/%/);
    await page.getByTestId('coverage-none').click();

    const cov = (await (await context.request.get('/api/analytics/coverage?facility=shelters')).json()) as { townships: { townshipCode: string; uncoveredPopulation: number }[] };
    const worst = [...cov.townships].sort((a, b) => b.uncoveredPopulation - a.uncoveredPopulation)[0]!;
    expect(worst.uncoveredPopulation).toBeGreaterThan(0);
    await expect.poll(() => text(`pc-uncovered-${worst.townshipCode}`)).toBe(worst.uncoveredPopulation.toLocaleString('zh-CN'));
  });

  it('runs MCLP and shelter gap closing, and saves both as scenarios', async () => {
    await page.getByTestId('tab-siting').click();
    await page.getByTestId('siting-p').fill('0');
    await page.getByTestId('siting-run').click();
    await page.getByText('新增设施数量须为不小于 1 的整数').waitFor();
    await page.getByTestId('siting-p').fill('3');
    await page.getByTestId('siting-run').click();
    await page.getByTestId('siting-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('site-list').locator('li').count()).toBe(3);
    expect(await page.getByTestId('siting-result').getByTestId('before-after').innerText()).toContain('覆盖率');
    await page.getByTestId('scenario-name').fill('MCLP 三处');
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('scenario-saved').waitFor();

    await page.getByTestId('siting-problem').selectOption('shelter-gap');
    await page.getByTestId('siting-run').click();
    await page.getByTestId('siting-result').getByText('人均缺口补齐').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('siting-result').getByTestId('before-after').innerText()).toContain('未达标乡镇');
    // The gap closed is the sum of township shortfalls (the answer's shortfallBasis), and the row says so.
    expect(await page.getByTestId('siting-result').getByTestId('before-after').innerText()).toContain('面积缺口（乡镇缺口合计，各乡镇各自达标）');
    await expect.poll(() => page.evaluate(() => window.__planningMap!.querySourceFeatures('proposed').length)).toBeGreaterThan(0);
    await page.getByTestId('scenario-name').fill('缺口补齐');
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('scenario-saved').waitFor();
    await waitForMapIdle(page, '__planningMap');
    await page.screenshot({ path: join(SHOTS, 'planning-siting.png') });
  });

  it('shows progress while a run is solving and cancels it', async () => {
    const job = { id: 'job-1', problem: 'p-median', status: 'running', progress: 0.4, elapsedMs: 4000, timeLimitMs: 10000 };
    await page.route('**/api/siting', (r) => r.fulfill({ status: 202, json: { ...job, status: 'queued', progress: 0 } }));
    await page.route('**/api/siting/jobs/job-1', (r) => r.fulfill({ json: r.request().method() === 'DELETE' ? { ...job, status: 'cancelled' } : job }));
    onTestFinished(async () => {
      await page.unroute('**/api/siting');
      await page.unroute('**/api/siting/jobs/job-1');
    });
    await page.getByTestId('siting-problem').selectOption('p-median');
    await page.getByTestId('siting-run').click();
    await expect.poll(() => page.getByTestId('siting-progress').getAttribute('aria-valuenow'), { timeout: 10_000 }).toBe('40');
    await page.getByTestId('siting-cancel').click();
    await page.getByTestId('siting-cancelled').waitFor();
  });

  it('compares the two scenarios side by side', async () => {
    await page.getByTestId('tab-scenarios').click();
    for (const name of ['MCLP 三处', '缺口补齐']) {
      await page.getByTestId(`compare-${name}`).click();
      await expect.poll(() => page.getByTestId(`compare-${name}`).isChecked()).toBe(true);
    }
    const table = page.getByTestId('scenario-panel').getByTestId('compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['指标', expect.stringContaining('MCLP 三处'), expect.stringContaining('缺口补齐')]);
    expect(await table.innerText()).toContain('覆盖率·方案');
    await expect.poll(() => page.evaluate(() => new Set(window.__planningMap!.querySourceFeatures('compare').map((f) => f.properties.slot)).size)).toBe(2);
    await waitForMapIdle(page, '__planningMap');
    await page.screenshot({ path: join(SHOTS, 'planning-compare.png') });
  });

  it('accepts a proposed site as a planned shelter: audited, the indicator changes, and undo restores it', async () => {
    await page.getByTestId('tab-siting').click();
    await page.getByTestId('siting-problem').selectOption('shelter-gap');
    await page.getByTestId('siting-run').click();
    await page.getByTestId('siting-result').getByText('人均缺口补齐').waitFor({ timeout: 30_000 });
    const before = await text('kpi-planned');
    const item = page.getByTestId('site-list').locator('li', { hasText: '街道' }).first();
    const code = (await item.locator('[data-testid^="accept-"]').getAttribute('data-testid'))!.replace('accept-', '');
    await item.locator('[data-testid^="accept-"]').click();
    await page.getByTestId(`undo-${code}`).waitFor();
    await expect.poll(() => text('kpi-planned'), { timeout: 15_000 }).not.toBe(before);
    expect(Number(await text('kpi-planned').then((s) => s.split('\n')[1]))).toBeGreaterThan(Number(before.split('\n')[1]));
    const shelters = (await (await context.request.get('/api/layers/shelters')).json()) as { features: { id: number; properties: { code: string; status: string } }[] };
    const made = shelters.features.find((f) => f.properties.code === code)!;
    expect(made.properties.status).toBe('planned');
    const audit = (await (await context.request.get(`/api/audit?layer=shelters&id=${made.id}`)).json()) as { entries: { action: string; actor?: string }[] };
    expect(audit.entries.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'planning-accepted.png') });
    await page.getByTestId(`undo-${code}`).click();
    await page.getByTestId(`accept-${code}`).waitFor();
    await expect.poll(() => text('kpi-planned'), { timeout: 15_000 }).toBe(before);
  });

  it('exports the per-township table as an XLSX ledger', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'plan-xlsx-')), 'ledger.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(3).values as unknown[]).slice(1, 9)).toEqual(['序号', '乡镇（街道）', '常住人口（人）', '避难场所（处）', '有效避难面积（m²）', '人均有效避难面积（m²/人）', '目标（m²/人）', '缺口（m²；合计行为净缺口，乡镇间可调剂）']);
    const rows = await page.getByTestId('per-capita-table').locator('tbody tr').count();
    expect(sheet.rowCount).toBe(3 + rows + 2);
    expect(String(sheet.getRow(sheet.rowCount).getCell(2).value)).toBe('全县');
  });

  it('prints the planning sheet (map, table and scenario summary)', async () => {
    await page.emulateMedia({ media: 'print' });
    onTestFinished(() => page.emulateMedia({ media: 'screen' }));
    expect(await page.getByTestId('print-scenarios').isVisible()).toBe(true);
    expect(await page.locator('.planning-side').isVisible()).toBe(false);
    expect(await page.getByTestId('print-scenarios').innerText()).toContain('缺口补齐');
    await page.screenshot({ path: join(SHOTS, 'planning-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(SHOTS, 'planning-print.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('planning workspace: editing and import', () => {
  it('adds a shelter by clicking the map, with Chinese validation messages', async () => {
    await page.getByTestId('tab-edit').click();
    await page.getByTestId('add-shelters').click();
    // The page may have scrolled to the edit form: the click goes where the map is on screen.
    await page.getByTestId('planning-map').scrollIntoViewIfNeeded();
    const box = (await page.getByTestId('planning-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('field-code').fill('SH-E2E-1');
    await page.getByTestId('field-totalAreaM2').fill('1000');
    await page.getByTestId('field-effectiveAreaM2').fill('2000');
    await page.getByTestId('field-capacity').fill('400');
    await page.getByTestId('facility-save').click();
    await page.getByText('请填写名称').waitFor();
    await page.getByText('有效面积不能大于总面积').waitFor();
    await page.getByTestId('field-name').fill('端到端测试避难场所');
    await page.getByTestId('field-effectiveAreaM2').fill('800');
    await page.getByTestId('facility-save').click();
    await expect.poll(() => text('edit-message')).toContain('已新增');
    await page.screenshot({ path: join(SHOTS, 'planning-edit.png') });
  });

  it('moves it by dragging, then shows a 409 with the other version and reapplies', async () => {
    const handle = page.getByTestId('drag-handle');
    await page.getByTestId('planning-map').scrollIntoViewIfNeeded();
    const b = (await handle.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + 60, b.y + 40, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('facility-save').click();
    await expect.poll(() => text('edit-message')).toContain('v2');
    const fc = (await (await context.request.get('/api/layers/shelters')).json()) as { features: { id: number; geometry: { coordinates: number[] }; properties: { code: string; version: number } }[] };
    const mine = fc.features.find((f) => f.properties.code === 'SH-E2E-1')!;
    expect(mine.properties.version).toBe(2);
    // Someone else changes it meanwhile.
    const other = await context.request.patch(`/api/layers/shelters/${mine.id}`, { data: { version: 2, properties: { capacity: 350 } }, headers: { origin: new URL(page.url()).origin } });
    expect(other.status()).toBe(200);
    await page.getByTestId('field-name').fill('端到端测试避难场所（改名）');
    await page.getByTestId('facility-save').click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('v3');
    expect(await conflict.innerText()).toContain('350');
    await page.getByTestId('conflict-reapply').click();
    await expect.poll(() => text('edit-message')).toContain('v4');
    const after = (await (await context.request.get('/api/layers/shelters')).json()) as typeof fc;
    expect(after.features.find((f) => f.properties.code === 'SH-E2E-1')!.properties).toMatchObject({ version: 4 });
  });

  it('dry-runs an import and lists the bad rows before anything is written', async () => {
    await page.getByTestId('tab-import').click();
    const good = { type: 'Feature', geometry: { type: 'Point', coordinates: [115.79, 36.12] }, properties: { code: 'SH-IMP-1', name: '导入测试场所', shelterClass: 'emergency', siteType: 'square', totalAreaM2: 3000, effectiveAreaM2: 2000, capacity: 1000, status: 'planned' } };
    const bad = { ...good, properties: { ...good.properties, code: 'SH-IMP-2', capacity: -5 } };
    await page.getByTestId('import-file').setInputFiles({ name: 'shelters.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [good, bad] })) });
    await page.getByTestId('import-dry-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.innerText()).toMatch(/共 2 行：1 行可导入，1 行有问题/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'planning-import.png') });
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await signIn(phone, PLANNER);
    const p = await phone.newPage();
    await p.goto('/planning');
    await p.getByTestId('per-capita-table').waitFor();
    await p.waitForFunction(() => Boolean(window.__planningMap));
    await p.waitForTimeout(500);
    await p.screenshot({ path: join(SHOTS, 'planning-phone.png') });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });

  it('leaves no Chinese UI label on /planning in English (data names aside)', async () => {
    const towns = (await (await context.request.get('/api/layers/townships')).json()) as { features: { properties: { name: string } }[] };
    // Facility names and codes are data too (the edit tab lists them).
    const facilities = await Promise.all(['shelters', 'fire-stations'].map(async (l) => ((await (await context.request.get(`/api/layers/${l}`)).json()) as typeof towns).features.map((f) => f.properties.name)));
    const names = [...towns.features.map((f) => f.properties.name), ...facilities.flat()].sort((a, b) => b.length - a.length);
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    const labelsOf = async (...selectors: string[]) => {
      let all = '';
      for (const sel of selectors) all += `\n${await page.locator(sel).first().innerText()}`;
      // Data names, and the language switch, which names the other language in that language.
      for (const n of [...names, '中文']) all = all.split(n).join('');
      return all.split('\n').filter((l) => cjk.test(l));
    };
    await page.goto('/planning');
    await page.getByTestId('per-capita-table').waitFor();
    await page.getByTestId('lang-switch').click();
    try {
      await expect.poll(() => text('tab-coverage')).toBe('Coverage');
      expect(await labelsOf('header', '.tabs', '.planning-side', '.kpis', '[data-testid=per-capita-table] thead', '[data-testid=per-capita-table] caption', '[data-testid=per-capita-table] tfoot')).toEqual([]);
      await page.getByTestId('tab-coverage').click();
      await page.getByTestId('coverage-warehouses').click();
      await expect.poll(() => text('coverage-legend')).toContain('County warehouse');
      expect(await labelsOf('.planning-side')).toEqual([]);
      for (const tab of ['siting', 'edit', 'import']) {
        await page.getByTestId(`tab-${tab}`).click();
        expect([tab, await labelsOf('.planning-side')]).toEqual([tab, []]);
      }
      await page.getByTestId('tab-coverage').click();
      await page.getByTestId('coverage-none').click();
    } finally {
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => text('tab-coverage')).toBe('覆盖分析');
    }
  });

  it('made no console errors and met no error answer but the declared 409', () => {
    expect(errors).toEqual([]);
    expect(guard.seen).toHaveLength(1);
    expect(guard.seen[0]).toMatch(/^409 PATCH \/api\/layers\/shelters\/\d+$/);
  });
});

describe('planning workspace: the public', () => {
  it('cannot reach the workspace or its API: 需要登录', async () => {
    // The visitor's page asks only for what the public may read: no 401 in its console.
    const ga = await guardedPage(browser, server.url, { viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const { context: anon, page: p } = ga;
    await p.goto('/planning');
    await p.getByTestId('planning-gate').getByText('需要登录').waitFor();
    expect(await p.getByTestId('per-capita-table').count()).toBe(0);
    await p.screenshot({ path: join(SHOTS, 'planning-public.png') });
    expect((await anon.request.post('/api/siting', { data: { problem: 'mclp', p: 1 } })).status()).toBe(401);
    expect((await anon.request.get('/api/siting/scenarios')).status()).toBe(401);
    expect((await anon.request.get('/api/planning/report.xlsx')).status()).toBe(401);
    expect((await anon.request.post('/api/layers/shelters', { data: {} })).status()).toBe(401);
    expect((await anon.request.post('/api/imports/shelters', { data: 'x' })).status()).toBe(401);
    await anon.close();
    expectClean(ga);
  });
});
