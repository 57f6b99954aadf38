/**
 * A data steward's import in a real Chromium against the real server: download the shelters template, fill it with
 * Chinese values (one heading renamed, one value wrong), upload, map the renamed column, dry run with a Chinese error
 * naming row and column, fix the file, commit, and find the record in the layer; then the admin's users screen.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN, expectClean, guardedPage, launchChromium, signIn, type Guarded } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { axeFindings } from '../support/axe.js';

const SHOTS = join(import.meta.dirname, 'screenshots');
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let g: Guarded;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'riskmap-import-')), ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password }, 240_000),
    launchChromium(),
  ]);
  g = await guardedPage(browser, server.url, { viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  ({ context, page } = g);
  await signIn(context, E2E_ADMIN);
});

afterAll(async () => {
  const met = g ? { errors: [...g.errors], external: [...g.external] } : { errors: [], external: [] };
  await browser?.close();
  await server?.stop();
  expectClean(met);
});

/** The template with a second row of Chinese values; `场所类别*` renamed to 种类 and the status as given. */
async function filled(template: Buffer, status: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const sheet = wb.worksheets[0]!;
  const headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (h: string) => headings.indexOf(h) + 1;
  headings[headings.indexOf('场所类别*')] = '种类';
  sheet.getRow(1).getCell(col('种类')).value = '种类';
  const example = sheet.getRow(2);
  const row = sheet.getRow(3);
  headings.forEach((_, i) => (row.getCell(i + 1).value = example.getCell(i + 1).value));
  row.getCell(col('编号*')).value = 'E2E-导入-1';
  row.getCell(col('名称*')).value = '城关小学操场';
  row.getCell(col('种类')).value = '中期固定避难场所';
  row.getCell(col('场地类型*')).value = '学校';
  row.getCell(col('状态*')).value = status;
  row.getCell(col('示例数据')).value = '否';
  row.getCell(col('经度*')).value = Number(example.getCell(col('经度*')).value) + 0.003;
  sheet.spliceRows(2, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing the county\'s own data (/planning, 导入)', () => {
  it('goes from the template to a committed record, through mapping and a Chinese error', async () => {
    await page.goto('/planning');
    await page.getByTestId('tab-import').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    const template = readFileSync((await download.path())!);
    await page.getByTestId('import-file').setInputFiles({ name: '避难场所.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await filled(template, '在建') });
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('map-种类').selectOption('shelterClass');
    await page.getByTestId('import-recheck').click();
    const errors = page.getByTestId('import-errors');
    await expect.poll(async () => (await errors.isVisible()) && (await errors.innerText())).toContain('“在建”不是允许的取值');
    expect(await errors.innerText()).toContain('状态*');
    expect(await page.getByTestId('map-种类').inputValue()).toBe('shelterClass');
    await page.screenshot({ path: join(SHOTS, 'import-mapping-error.png'), fullPage: true });

    await page.getByTestId('import-file').setInputFiles({ name: '避难场所.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await filled(template, '规划中') });
    await page.getByTestId('import-dry-run').click();
    await expect.poll(async () => page.getByTestId('import-report').innerText()).toMatch(/共 1 行：1 行可导入，0 行有问题/);
    expect(await page.getByText('已沿用上次为这些列设置的对应关系').isVisible()).toBe(true);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 1 条记录');
    await page.screenshot({ path: join(SHOTS, 'import-done.png'), fullPage: true });
    const fc = (await (await context.request.get('/api/layers/shelters')).json()) as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features.find((f) => f.properties.code === 'E2E-导入-1')?.properties).toMatchObject({ name: '城关小学操场', shelterClass: 'medium-term', siteType: 'school', status: 'planned' });
  });

  it('cancels a large commit while it writes: nothing is imported, and the steward is told so', async () => {
    const one = (await (await context.request.get('/api/layers/shelters')).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
    const [lon, lat] = one.features[0]!.geometry.coordinates;
    const rows = 20_000;
    const lines = ['编号,名称,场所类别,场地类型,总面积,有效面积,可容纳人数,状态,经度,纬度'];
    for (let i = 0; i < rows; i++) {
      const dx = ((i * 7919) % 2000) / 2000 - 0.5;
      const dy = ((i * 104729) % 2000) / 2000 - 0.5;
      lines.push(`E2E-取消-${i},取消测试场所${i},紧急避难场所,公园,1000,600,300,规划中,${(lon + dx * 0.02).toFixed(6)},${(lat + dy * 0.02).toFixed(6)}`);
    }
    await page.goto('/planning');
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: '大批避难场所.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByTestId('import-dry-run').click();
    await expect.poll(async () => (await page.getByTestId('import-report').isVisible()) && (await page.getByTestId('import-report').innerText()), { timeout: 120_000 }).toMatch(/共 20,?000 行：20,?000 行可导入，0 行有问题/);
    await page.getByTestId('import-commit').click();
    // Cancel once rows are being written (the progress line counts them).
    await expect.poll(async () => {
      const text = (await page.getByTestId('import-progress').isVisible()) ? await page.getByTestId('import-progress').innerText() : '';
      const m = /写入 (\d+) \/ (\d+)/.exec(text);
      return m ? Number(m[1]) : -1;
    }, { timeout: 120_000, interval: 200 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'import-writing.png'), fullPage: true });
    // The cancelled commit answers 409 import_cancelled: declared, and asserted below.
    g.expected.push({ status: 409, path: /^\/api\/imports\/shelters$/ });
    await page.getByTestId('import-cancel').click();
    await page.getByText('已取消，未写入任何记录').waitFor({ timeout: 120_000 });
    expect(g.seen).toContain('409 POST /api/imports/shelters');
    await page.screenshot({ path: join(SHOTS, 'import-cancelled.png'), fullPage: true });
    const after = (await (await context.request.get('/api/layers/shelters')).json()) as { features: { properties: { code: string } }[] };
    expect(after.features.filter((f) => f.properties.code.startsWith('E2E-取消-'))).toEqual([]);
  }, 400_000);

  it('lets the admin manage users from the browser (/admin/users)', async () => {
    await page.goto('/admin/users');
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('new-username').fill('乡镇规划员');
    await page.getByTestId('new-password').fill('a-long-password');
    await page.getByTestId('new-submit').click();
    await page.getByTestId('user-乡镇规划员').waitFor();
    await page.getByTestId('toggle-乡镇规划员').click();
    await expect.poll(async () => page.getByTestId('user-乡镇规划员').innerText()).toContain('已停用');
    await page.screenshot({ path: join(SHOTS, 'admin-users.png'), fullPage: true });
    expect(await axeFindings(page)).toEqual([]);
  });
});
