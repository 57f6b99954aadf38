import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { someShelter } from './edit-helpers.js';
import { upload as uploadOnce } from './fixtures/import/upload.js';

/**
 * Upload, once more when the pooled keep-alive connection was closed by the server just as it was reused
 * (ECONNRESET / 'other side closed' before any answer: the server never saw the request). ogr2ogr runs between requests here.
 */
async function upload(...args: Parameters<typeof uploadOnce>): ReturnType<typeof uploadOnce> {
  try {
    return await uploadOnce(...args);
  } catch (err) {
    if (!['ECONNRESET', 'UND_ERR_SOCKET'].includes((err as { cause?: { code?: string } }).cause?.code ?? '')) throw err;
    return uploadOnce(...args);
  }
}

/** Metres between two lon/lat positions (spherical, mean radius: ample for a 0.1 m check). */
function metres(a: number[], b: number[]): number {
  const r = Math.PI / 180;
  const x = (b[0]! - a[0]!) * r * Math.cos(((a[1]! + b[1]!) / 2) * r);
  const y = (b[1]! - a[1]!) * r;
  return Math.hypot(x, y) * 6371008.8;
}

const ROWS = [
  { 编号: 'GD-1', 名称: '城关公园避难场所', 场所类别: '紧急避难场所', 场地类型: '公园', 总面积: 12000, 有效面积: 8000, 可容纳人数: 4000, 状态: '已建成' },
  { 编号: 'GD-2', 名称: '第二中学操场', 场所类别: '中期固定避难场所', 场地类型: '学校', 总面积: 9000.5, 有效面积: 6000.25, 可容纳人数: 3000, 状态: '规划中' },
  { 编号: 'GD-3', 名称: '人民广场', 场所类别: '短期固定避难场所', 场地类型: '广场', 总面积: 15000, 有效面积: 11000, 可容纳人数: 5500, 状态: '开放中' },
];
const EXPECTED = [
  { shelter_class: 'emergency', site_type: 'park', total_area_m2: 12000, effective_area_m2: 8000, capacity: 4000, status: 'built' },
  { shelter_class: 'medium-term', site_type: 'school', total_area_m2: 9000.5, effective_area_m2: 6000.25, capacity: 3000, status: 'planned' },
  { shelter_class: 'short-term', site_type: 'square', total_area_m2: 15000, effective_area_m2: 11000, capacity: 5500, status: 'open' },
];

describe.each(testBackends())('importing files made by other tools on %s', (backend) => {
  let app: TestApp;
  let dir: string;
  let source: string;
  let at: [number, number][];
  const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: dir, stdio: 'pipe' });
  /** GDAL's own reprojection of a file to EPSG:4326 (the reference positions). */
  const gdalLonLat = (file: string, extra: string[] = []): number[][] => {
    const out = join(dir, `ref-${Math.random().toString(36).slice(2)}.geojson`);
    ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4326', ...extra, out, file);
    return JSON.parse(readFileSync(out, 'utf8')).features.map((f: any) => f.geometry.coordinates);
  };
  const stored = async (prefix: string) =>
    app.t.db
      .selectFrom('shelters')
      .select(['code', 'name', 'shelter_class', 'site_type', 'total_area_m2', 'effective_area_m2', 'capacity', 'status'])
      .select((eb) => [eb.fn<number>('ST_X', ['geom']).as('lon'), eb.fn<number>('ST_Y', ['geom']).as('lat')])
      .where('code', 'like', `${prefix}%`)
      .orderBy('code')
      .execute();
  /** The rows stored from a file match the source values field by field and GDAL's positions to < 0.1 m. */
  const expectImported = async (prefix: string, reference: number[][]) => {
    const rows = await stored(prefix);
    expect(rows).toHaveLength(3);
    rows.forEach((r, i) => {
      expect(r).toMatchObject({ code: `${prefix}${i + 1}`, name: ROWS[i]!.名称, ...EXPECTED[i] });
      expect(metres([Number(r.lon), Number(r.lat)], reference[i]!)).toBeLessThan(0.1);
    });
  };
  /** The source file in EPSG:4326 with codes under a prefix. */
  const sourceWith = (prefix: string) => {
    const file = join(dir, `${prefix}src.geojson`);
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: ROWS.map((p, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: at[i] }, properties: { ...p, 编号: p.编号.replace('GD-', prefix) } })) }));
    return file;
  };

  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', { IMPORT_MAX_INFLATED_BYTES: String(16 * 1024 * 1024) });
    const [lon, lat] = (await someShelter(app, false)).lonLat;
    at = [[lon + 0.0011, lat + 0.0007], [lon - 0.0013, lat + 0.0009], [lon + 0.0004, lat - 0.0012]];
    dir = mkdtempSync(join(tmpdir(), 'riskmap-tools-'));
    source = sourceWith('GD-');
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads an ogr2ogr Shapefile in CGCS2000 3° GK zone CM 117°E (EPSG:4548) with GBK Chinese field names and values', async () => {
    ogr('-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4548', '-lco', 'ENCODING=GBK', 'shp', sourceWith('OT-SH-'));
    const files = Object.fromEntries(readdirSync(join(dir, 'shp')).map((n) => [n, new Uint8Array(readFileSync(join(dir, 'shp', n)))]));
    expect(new TextDecoder().decode(files[Object.keys(files).find((n) => n.endsWith('.prj'))!])).toContain('CGCS2000');
    expect(Object.keys(files).some((n) => n.endsWith('.cpg'))).toBe(true);
    const r = await upload(app, 'admin', 'shelters', zipSync(files), 'application/zip', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ crs: 'EPSG:4548', imported: 3 });
    await expectImported('OT-SH-', gdalLonLat(join(dir, 'shp')));
  });

  it('reads GeoJSON with a crs member (zone-prefixed CGCS2000 GK zone 39, EPSG:4527) written by ogr2ogr', async () => {
    ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4527', '-lco', 'RFC7946=NO', 'gk39.geojson', sourceWith('OT-GJ-'));
    const text = readFileSync(join(dir, 'gk39.geojson'), 'utf8');
    expect(JSON.parse(text).crs.properties.name).toContain('4527');
    const r = await upload(app, 'admin', 'shelters', text, 'application/geo+json', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body.crs).toBe('EPSG:4527');
    await expectImported('OT-GJ-', gdalLonLat(join(dir, 'gk39.geojson')));
  });

  it('reads a GeoPackage written by ogr2ogr (srs EPSG:4548)', async () => {
    ogr('-f', 'GPKG', '-t_srs', 'EPSG:4548', 'x.gpkg', sourceWith('OT-GP-'));
    const r = await upload(app, 'admin', 'shelters', readFileSync(join(dir, 'x.gpkg')), 'application/geopackage+sqlite3', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ format: 'geopackage', crs: 'EPSG:4548' });
    await expectImported('OT-GP-', gdalLonLat(join(dir, 'x.gpkg')));
  });

  it('reads KML and KMZ written by ogr2ogr', async () => {
    ogr('-f', 'KML', 'x.kml', sourceWith('OT-KM-'));
    const kml = readFileSync(join(dir, 'x.kml'));
    const r = await upload(app, 'admin', 'shelters', kml, 'application/octet-stream', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body.format).toBe('kml');
    await expectImported('OT-KM-', gdalLonLat(join(dir, 'x.kml')));
    ogr('-f', 'KML', 'kmz.kml', sourceWith('OT-KZ-'));
    const kmz = zipSync({ 'doc.kml': new Uint8Array(readFileSync(join(dir, 'kmz.kml'))) });
    const z = await upload(app, 'admin', 'shelters', kmz, 'application/vnd.google-earth.kmz', { dryRun: 'false' });
    expect(z.status).toBe(201);
    await expectImported('OT-KZ-', gdalLonLat(join(dir, 'kmz.kml')));
  });

  it('reads a GBK CSV (iconv) of GK easting/northing with ?crs=EPSG:4548', async () => {
    const gk = JSON.parse((ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4548', '-lco', 'RFC7946=NO', '/vsistdout/', sourceWith('OT-CV-')) as Buffer).toString('utf8'));
    const lines = ['编号,名称,场所类别,场地类型,总面积（㎡）,有效面积(㎡),可容纳人数,状态,X,Y'];
    for (const f of gk.features) {
      const p = f.properties;
      lines.push([p.编号, p.名称, p.场所类别, p.场地类型, p.总面积, p.有效面积, p.可容纳人数, p.状态, f.geometry.coordinates[0], f.geometry.coordinates[1]].join(','));
    }
    writeFileSync(join(dir, 'utf8.csv'), lines.join('\r\n'));
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', join(dir, 'utf8.csv')]);
    expect(gbk.includes(Buffer.from('城关', 'utf8'))).toBe(false);
    const r = await upload(app, 'admin', 'shelters', gbk, 'text/csv', { dryRun: 'false', crs: 'EPSG:4548' });
    expect(r.status).toBe(201);
    expect(r.body.encoding).toBe('gb18030');
    const csvForGdal = join(dir, 'gk.csv');
    writeFileSync(csvForGdal, lines.join('\r\n'));
    await expectImported('OT-CV-', gdalLonLat(csvForGdal, ['-s_srs', 'EPSG:4548', '-oo', 'X_POSSIBLE_NAMES=X', '-oo', 'Y_POSSIBLE_NAMES=Y']));
  });

  it('reads an XLSX written by SheetJS with Chinese headings and a WKT column', async () => {
    const rows = ROWS.map((p, i) => ({ ...p, 编号: p.编号.replace('GD-', 'OT-XS-'), 几何: `POINT (${at[i]![0]} ${at[i]![1]})` }));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.json_to_sheet(rows), '避难场所');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const r = await upload(app, 'admin', 'shelters', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { dryRun: 'false' });
    expect(r.status).toBe(201);
    await expectImported('OT-XS-', at);
  });

  it('says so when numbers in a file declared geographic look projected', async () => {
    const csv = '编号,名称,场所类别,场地类型,总面积,有效面积,可容纳人数,状态,经度,纬度\nPJ-1,投影坐标,紧急避难场所,公园,100,50,10,已建成,390150.706,3998437.57\n';
    const r = await upload(app, 'admin', 'shelters', csv, 'text/csv');
    expect(r.body.errors).toEqual([expect.objectContaining({ code: 'geometry.projected', column: '经度/纬度' })]);
    expect(r.body.errors[0].message).toContain('像是投影坐标');
  });

  it('refuses a small zip that expands beyond the cap early with 413, and a NUL character with 400 naming row and column', async () => {
    const bomb = zipSync({ 'a.shp': new Uint8Array(40 * 1024 * 1024), 'a.dbf': new Uint8Array(10) }, { level: 6 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = await upload(app, 'admin', 'shelters', bomb, 'application/zip');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('inflated_too_large');
    const nul = `编号,名称,经度,纬度\nNU-1,坏\u0000名字,${at[0]![0]},${at[0]![1]}\n`;
    const n = await upload(app, 'admin', 'shelters', strToU8(nul), 'text/csv');
    expect(n.status).toBe(400);
    expect(n.body.error).toMatchObject({ code: 'nul_character', message: expect.stringContaining('第 2 行「名称」') });
  });
});
