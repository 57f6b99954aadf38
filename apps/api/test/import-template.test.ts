import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { LAYER_IDS } from '@riskmap/geo';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { tokenFor } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';

const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testBackends())('XLSX import templates on %s', (backend) => {
  let app: TestApp;
  const template = async (layer: string, lang = 'zh-CN') => {
    const r = await fetch(`${app.url}/api/imports/${layer}/template.xlsx?lang=${lang}`, { headers: { authorization: `Bearer ${await tokenFor(app, 'admin')}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    return Buffer.from(await r.arrayBuffer());
  };
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it.each([...LAYER_IDS])('gives %s a template with Chinese headings, lists, 填表说明 and an example row that imports unchanged', async (layer) => {
    const bytes = await template(layer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual([expect.any(String), '填表说明', '选项']);
    const headings = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headings).toContain('名称*');
    expect(wb.worksheets[1]!.getColumn(1).values.map(String)).toEqual(expect.arrayContaining(['列名']));
    const r = await upload(app, 'admin', layer, bytes, TYPE);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([]);
    expect(r.body.warnings).toEqual([]);
    expect(r.body).toMatchObject({ rows: 1, valid: 1 });
  });

  it('puts drop-down lists of Chinese labels on enumerated columns and units in the headings (read by a second XLSX library)', async () => {
    const bytes = await template('shelters');
    const wb = XLSX.read(bytes);
    const sheet = wb.Sheets[wb.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    expect(rows[0]).toMatchObject({ '场所类别*': '紧急避难场所', '状态*': '规划中', '示例数据': '是' });
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['总面积（m²）*', '可容纳人数（人）*', '经度*', '纬度*']));
    const ex = new ExcelJS.Workbook();
    await ex.xlsx.load(bytes as never);
    const headings = (ex.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    const cell = ex.worksheets[0]!.getCell(3, headings.indexOf('场所类别*') + 1);
    expect(cell.dataValidation).toMatchObject({ type: 'list' });
    const lists = ex.getWorksheet('选项')!;
    const column = lists.getColumn(String(cell.dataValidation.formulae![0]).match(/\$([A-Z]+)\$2/)![1]!);
    expect(column.values.filter(Boolean).slice(1)).toEqual(['紧急避难场所', '短期固定避难场所', '中期固定避难场所', '长期固定避难场所', '中心避难场所']);
  });

  it('gives an English template on ?lang=en that imports too', async () => {
    const bytes = await template('fire-stations', 'en');
    const wb = XLSX.read(bytes);
    expect(wb.SheetNames).toEqual(['Fire stations', 'Instructions', 'Lists']);
    const r = await upload(app, 'admin', 'fire-stations', bytes, TYPE, { dryRun: 'false' });
    expect(r.status).toBe(201);
    const row = await app.t.db.selectFrom('fire_stations').selectAll().where('code', '=', 'EX-FIRE-001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ station_type: 'class-1', sample: true });
  });
});
