import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { LEDGER_HEADINGS } from '../src/routes/planning-report.js';

async function download(app: TestApp, path: string, token?: string) {
  return fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe.each(testBackends().slice(0, 1))('planning report (台账) on the %s backend', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app?.close());

  it('answers an XLSX ledger with one row per township, the county town and the county', async () => {
    const res = await download(app, '/api/planning/report.xlsx?target=3', await app.login('planner'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?shelter-ledger-\d{8}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(LEDGER_HEADINGS);
    const analytics = (await (await download(app, '/api/analytics/shelter-per-capita?target=3', await app.login('planner'))).json()) as { townships: { name: string; shortfallM2: number }[] };
    const first = sheet.getRow(4).values as unknown[];
    expect(first[2]).toBe(analytics.townships[0]!.name);
    expect(first[7]).toBe(3);
    expect(first[8]).toBe(Math.round(analytics.townships[0]!.shortfallM2));
    expect(sheet.rowCount).toBe(3 + analytics.townships.length + 2);
    expect(String(sheet.getRow(sheet.rowCount).getCell(2).value)).toBe('全县');
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('示例数据');
    // Which shortfall each figure is: the column's county rows are net; the note gives both county figures, named.
    expect(LEDGER_HEADINGS[7]).toContain('净缺口');
    const figures = (await (await download(app, '/api/analytics/shelter-per-capita?target=3', await app.login('planner'))).json()) as { shortfall: { netM2: number; sumOfTownshipsM2: number } };
    const note = String(sheet.getRow(2).getCell(1).value);
    expect(note).toContain(`全县净缺口（乡镇间可调剂）${figures.shortfall.netM2.toLocaleString('zh-CN')} m²`);
    expect(note).toContain(`乡镇缺口合计（各乡镇各自达标）${figures.shortfall.sumOfTownshipsM2.toLocaleString('zh-CN')} m²`);
    expect(sheet.getRow(sheet.rowCount).getCell(8).value).toBe(figures.shortfall.netM2);
  });

  it('carries a 服务覆盖 sheet with the coverage page figures (the one coverage model), per township and for the county, its rules named', async () => {
    const planner = await app.login('planner');
    const res = await download(app, '/api/planning/report.xlsx', planner);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('服务覆盖')!;
    expect(sheet).toBeDefined();
    type Page = { population: number; coveredPopulation: number; townships: { townshipCode: string; coveredPopulation: number }[] };
    const [shelters, stations] = (await Promise.all(['shelters', 'fire-stations'].map(async (f) => (await download(app, `/api/analytics/coverage?facility=${f}`, planner)).json()))) as [Page, Page];
    const county = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(county.slice(2, 5)).toEqual(['全县', shelters.population, shelters.coveredPopulation]);
    expect(county[6]).toBe(stations.coveredPopulation);
    expect(sheet.rowCount).toBe(4 + shelters.townships.length + 1);
    const first = sheet.getRow(5).values as unknown[];
    expect(first[4]).toBe(shelters.townships[0]!.coveredPopulation);
    expect(first[6]).toBe(stations.townships.find((t) => t.townshipCode === shelters.townships[0]!.townshipCode)!.coveredPopulation);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/服务半径.*绕行系数.*5 分钟响应.*出动时间/);
    expect(String(sheet.getRow(3).getCell(1).value)).toContain(`${shelters.population.toLocaleString('en-US')} 人`);
  });

  it('is for planners: anonymous users get 401 and commanders 403', async () => {
    expect((await download(app, '/api/planning/report.xlsx')).status).toBe(401);
    expect((await download(app, '/api/planning/report.xlsx', await app.login('commander'))).status).toBe(403);
  });
});
