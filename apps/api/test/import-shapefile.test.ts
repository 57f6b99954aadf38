import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { someShelter } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';
import { CGCS2000_PRJ, GK_117_PRJ, WGS84_PRJ, zippedShapefile, type DbfField } from './fixtures/import/shapefile-writer.js';

const FIELDS: DbfField[] = [
  { name: 'code', type: 'C', length: 20 },
  { name: 'name', type: 'C', length: 60 },
  { name: 'shelterCla', type: 'C', length: 20 },
  { name: 'siteType', type: 'C', length: 20 },
  { name: 'totalAreaM', type: 'N', length: 12 },
  { name: 'effectiveA', type: 'N', length: 12 },
  { name: 'capacity', type: 'N', length: 10 },
  { name: 'status', type: 'C', length: 10 },
];
const record = (code: string, name: string, extra: Record<string, string | number> = {}) => ({
  code, name, shelterCla: 'emergency', siteType: 'school', totalAreaM: 6000, effectiveA: 3000, capacity: 1200, status: 'built', ...extra,
});

describe.each(testBackends())('importing zipped Shapefiles on %s', (backend) => {
  let app: TestApp;
  let at: [number, number];
  beforeAll(async () => {
    app = await startTestApp(backend);
    at = (await someShelter(app, false)).lonLat;
  });
  afterAll(() => app?.close());

  it('reads a GBK DBF named by its .cpg, maps truncated DBF field names, and commits', async () => {
    const zip = zippedShapefile('避难场所', [[at[0] + 0.001, at[1]], [at[0] + 0.002, at[1]]], FIELDS, [record('SHP-1', '阳谷县第一中学'), record('SHP-2', '西湖公园')], {
      encoding: 'gbk', cpg: '936', prj: WGS84_PRJ,
    });
    const r = await upload(app, 'planner', 'shelters', zip, 'application/zip', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ format: 'shapefile', encoding: 'gbk', imported: 2 });
    const rows = await app.t.db.selectFrom('shelters').select(['code', 'name', 'shelter_class', 'effective_area_m2']).where('code', 'in', ['SHP-1', 'SHP-2']).orderBy('code').execute();
    expect(rows.map((x) => [x.code, x.name, x.shelter_class, Number(x.effective_area_m2)])).toEqual([
      ['SHP-1', '阳谷县第一中学', 'emergency', 3000],
      ['SHP-2', '西湖公园', 'emergency', 3000],
    ]);
  });

  it('detects the DBF encoding when there is no .cpg, and accepts a CGCS2000 .prj', async () => {
    const zip = zippedShapefile('s', [[at[0] + 0.003, at[1]]], FIELDS, [record('SHP-3', '博济桥街道办事处')], { encoding: 'gbk', prj: CGCS2000_PRJ });
    const r = await upload(app, 'planner', 'shelters', zip, 'application/zip');
    expect(r.body).toMatchObject({ valid: 1, errors: [] });
    const utf8 = zippedShapefile('s', [[at[0] + 0.003, at[1]]], FIELDS, [record('SHP-4', '侨润街道')], { encoding: 'utf-8', prj: WGS84_PRJ });
    expect((await upload(app, 'planner', 'shelters', utf8, 'application/zip')).body).toMatchObject({ encoding: 'utf-8', valid: 1 });
  });

  it('reads a projected Shapefile in the CRS its .prj names (CGCS2000 GK zone CM 117°E), and refuses an unknown datum', async () => {
    const zip = zippedShapefile('gk', [[500123, 3998765]], FIELDS, [record('SHP-GK', '投影')], { encoding: 'utf-8', prj: GK_117_PRJ });
    const r = await upload(app, 'planner', 'shelters', zip, 'application/zip');
    expect(r.status).toBe(200);
    expect(r.body.crs).toBe('EPSG:4548');
    expect(r.body.errors.every((e: any) => e.field === 'geometry')).toBe(true); // 500 km east of the zone's false origin lies outside the county
    const xian = zippedShapefile('x80', [[500123, 3998765]], FIELDS, [record('SHP-X80', '西安80')], { encoding: 'utf-8', prj: 'PROJCS["Xian_1980_3_Degree_GK_CM_117E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]' });
    const x = await upload(app, 'planner', 'shelters', xian, 'application/zip');
    expect(x.status).toBe(400);
    expect(x.body.error.code).toBe('unsupported_crs');
  });

  it('warns when the .prj is missing and names record numbers in errors', async () => {
    const zip = zippedShapefile('s', [[at[0] + 0.004, at[1]], [at[0] + 0.005, at[1]]], FIELDS, [record('SHP-5', '甲'), record('SHP-6', '乙', { status: 'gone' })], { encoding: 'utf-8' });
    const r = await upload(app, 'planner', 'shelters', zip, 'application/zip');
    expect(r.body.warnings[0]).toContain('没有 .prj 文件');
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'properties.status', column: 'status' })]);
  });

  it('answers 400 for a zip without a Shapefile', async () => {
    const r = await upload(app, 'planner', 'shelters', Buffer.from('PK\u0003\u0004 broken'), 'application/zip');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_file');
  });
});
