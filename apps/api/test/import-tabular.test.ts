import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { someShelter } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = 'code,name,shelterClass,siteType,totalAreaM2,effectiveAreaM2,capacity,status,isPublic';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('避难场所');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testBackends())('importing CSV and XLSX on %s', (backend) => {
  let app: TestApp;
  let lon: number;
  let lat: number;
  const nameOf = async (code: string) => (await app.t.db.selectFrom('shelters').select('name').where('code', '=', code).executeTakeFirst())?.name;

  beforeAll(async () => {
    app = await startTestApp(backend);
    [lon, lat] = (await someShelter(app, false)).lonLat;
  });
  afterAll(() => app?.close());

  it('reads a UTF-8 CSV with a byte-order mark, 经度/纬度 columns and Chinese text', async () => {
    const csv = `\uFEFF${HEAD},经度,纬度\nCSV-U1,城关广场（东）,emergency,square,4000,2500,1000,built,是,${lon + 0.001},${lat}\n`;
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ format: 'csv', encoding: 'utf-8', imported: 1 });
    expect(await nameOf('CSV-U1')).toBe('城关广场（东）');
  });

  it('detects a GBK-encoded CSV and stores its Chinese text unchanged', async () => {
    const csv = iconv.encode(`${HEAD},lon,lat\nCSV-G1,阳谷县人民广场,emergency,square,4000,2500,1000,built,true,${lon + 0.002},${lat}\n`, 'gbk');
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body.encoding).toBe('gb18030');
    expect(await nameOf('CSV-G1')).toBe('阳谷县人民广场');
  });

  it('takes a declared encoding=gbk', async () => {
    const csv = iconv.encode(`${HEAD},lon,lat\nCSV-G2,狮子楼旅游区,emergency,square,4000,2500,1000,built,true,${lon + 0.003},${lat}\n`, 'gbk');
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv', { encoding: 'gbk' });
    expect(r.body).toMatchObject({ encoding: 'gbk', valid: 1, errors: [] });
  });

  it('numbers CSV rows as lines of the file (the heading is row 1) and names the column', async () => {
    const csv = [
      `${HEAD},lon,lat`,
      `CSV-R1,好,emergency,square,4000,2500,1000,built,true,${lon},${lat}`,
      `CSV-R2,坏经度,emergency,square,4000,2500,1000,built,true,东经115,${lat}`,
      `CSV-R3,坏容量,emergency,square,4000,2500,很多,built,true,${lon},${lat}`,
      `CSV-R4,坏布尔,emergency,square,4000,2500,1000,built,maybe,${lon},${lat}`,
    ].join('\n');
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv');
    expect(r.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'lon', column: 'lon', message: expect.stringContaining('不是数字') }),
      expect.objectContaining({ row: 4, field: 'properties.capacity', column: 'capacity' }),
      expect.objectContaining({ row: 5, field: 'properties.isPublic', column: 'isPublic' }),
    ]);
    expect(r.body).toMatchObject({ rows: 4, valid: 1 });
  });

  it('refuses a CSV without position columns', async () => {
    const r = await upload(app, 'planner', 'shelters', `${HEAD}\nX,y,emergency,square,1,1,1,built,true\n`, 'text/csv');
    expect(r.body.errors[0]).toMatchObject({ field: 'lon', code: 'position.none', message: expect.stringContaining('找不到位置列') });
    expect(r.body.valid).toBe(0);
  });

  it('warns about columns that are not part of the layer and leaves them out', async () => {
    const r = await upload(app, 'planner', 'shelters', `${HEAD},备注,lon,lat\nCSV-W1,甲,emergency,square,4000,2500,1000,built,true,随便,${lon},${lat}\n`, 'text/csv');
    expect(r.body.valid).toBe(1);
    expect(r.body.warnings[0]).toContain('备注');
  });

  it('reads the first worksheet of an XLSX workbook and numbers rows as the spreadsheet does', async () => {
    const bytes = await workbook([
      ['code', 'name', 'shelterClass', 'siteType', 'totalAreaM2', 'effectiveAreaM2', 'capacity', 'status', 'facilities', 'lon', 'lat'],
      ['XLS-1', '谷山公园', 'short-term', 'park', 20000, 15000, 6000, 'open', '供水;厕所', lon + 0.004, lat],
      ['XLS-2', '缺面积', 'short-term', 'park', null, 15000, 6000, 'open', '', lon + 0.005, lat],
    ]);
    const dry = await upload(app, 'planner', 'shelters', bytes, XLSX);
    expect(dry.body).toMatchObject({ format: 'xlsx', rows: 2, valid: 1 });
    expect(dry.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'properties.totalAreaM2', column: 'totalAreaM2' })]);
    const bytes2 = await workbook([
      ['code', 'name', 'shelterClass', 'siteType', 'totalAreaM2', 'effectiveAreaM2', 'capacity', 'status', 'facilities', 'lon', 'lat'],
      ['XLS-1', '谷山公园', 'short-term', 'park', 20000, 15000, 6000, 'open', '供水;厕所', lon + 0.004, lat],
    ]);
    const done = await upload(app, 'admin', 'shelters', bytes2, 'application/octet-stream', { dryRun: 'false' });
    expect(done.body).toMatchObject({ imported: 1 });
    const row = await app.t.db.selectFrom('shelters').select(['name', 'facilities', 'effective_area_m2']).where('code', '=', 'XLS-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '谷山公园', facilities: ['供水', 'toilets'] }); // 厕所 is the label of the facility code toilets
    expect(Number(row.effective_area_m2)).toBe(15000);
  });
});
