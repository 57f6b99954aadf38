import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { LAYERS } from '@riskmap/db';
import { toCamel } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { upload } from './fixtures/import/upload.js';

async function download(app: TestApp, path: string, token?: string) {
  const r = await fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}

const RESTRICTED_SHELTER_FIELDS = ['contactPerson', 'contactPhone', 'isPublic', 'totalAreaM2'];

describe.each(testBackends())('exporting layers on %s', (backend) => {
  let app: TestApp;
  let commander: string;
  let liveShelters: number;
  let publicShelters: number;
  beforeAll(async () => {
    app = await startTestApp(backend);
    commander = await app.login('commander');
    const count = (pub: boolean) => {
      let q = app.t.db.selectFrom('shelters').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null);
      if (pub) q = q.where('is_public', '=', true);
      return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
    };
    liveShelters = await count(false);
    publicShelters = await count(true);
  });
  afterAll(() => app?.close());

  it('downloads a layer as GeoJSON with a dated attachment filename', async () => {
    const r = await download(app, '/api/exports/shelters.geojson', commander);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/geo+json');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="?shelters-\d{8}\.geojson"?$/);
    const fc = JSON.parse(r.bytes.toString('utf8'));
    expect(fc.features).toHaveLength(liveShelters);
    expect(fc.features[0].properties).toHaveProperty('contactPhone');
  });

  it('writes CSV with a UTF-8 byte-order mark, Chinese text intact and lon/lat columns', async () => {
    const r = await download(app, '/api/exports/shelters.csv', commander);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(r.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(liveShelters);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['code', 'name', 'effectiveAreaM2', 'lon', 'lat']));
    expect(parsed.data.some((row) => /[\u4e00-\u9fff]/.test(row.name!))).toBe(true);
  });

  it('writes XLSX with a heading row and one row per feature', async () => {
    const r = await download(app, '/api/exports/fire-stations.xlsx', commander);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe(LAYERS['fire-stations'].title.zh);
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['code', 'name', 'stationType', 'lon', 'lat']));
    const stations = await app.t.db.selectFrom('fire_stations').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    expect(sheet.actualRowCount - 1).toBe(Number(stations.n));
  });

  it('gives anonymous users public rows and public fields only, and 401 for a non-public layer', async () => {
    const r = await download(app, '/api/exports/shelters.csv');
    expect(r.status).toBe(200);
    const parsed = Papa.parse<Record<string, string>>(r.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(publicShelters);
    const allowed = (LAYERS.shelters.publicColumns as readonly string[]).map(toCamel);
    for (const f of parsed.meta.fields!) expect([...allowed, 'lon', 'lat']).toContain(f);
    for (const f of RESTRICTED_SHELTER_FIELDS) expect(parsed.meta.fields).not.toContain(f);
    const geo = JSON.parse((await download(app, '/api/exports/shelters.geojson')).bytes.toString('utf8'));
    for (const f of RESTRICTED_SHELTER_FIELDS) expect(geo.features.some((x: any) => f in x.properties)).toBe(false);
    const hidden = await download(app, '/api/exports/hazard-sources.xlsx');
    expect(hidden.status).toBe(401);
  });

  it('answers 404 for an unknown layer and 400 for an unknown format', async () => {
    expect((await download(app, '/api/exports/volcanoes.csv', commander)).status).toBe(404);
    const bad = await download(app, '/api/exports/shelters.kml', commander);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).error.details.fields[0].field).toBe('file');
  });

  it('exports a CSV that imports back into the layer (only the existing codes are refused)', async () => {
    const csv = (await download(app, '/api/exports/warehouses.csv', commander)).bytes;
    const r = await upload(app, 'planner', 'warehouses', csv, 'text/csv');
    expect(r.body.rows).toBeGreaterThan(0);
    expect(r.body.warnings).toEqual([]);
    expect(r.body.errors.every((e: any) => e.field === 'properties.code' && e.code === 'code.taken')).toBe(true);
    expect(r.body.invalidRows).toBe(r.body.rows);
  });

  it('keeps spreadsheet formulas in text from running by prefixing them with a quote', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [115.79, 36.11] }, properties: { code: 'EXP-F1', name: '=HYPERLINK("http://x")', level: 'township' } }] };
    const imported = await upload(app, 'planner', 'warehouses', JSON.stringify(fc), 'application/geo+json', { dryRun: 'false' });
    expect(imported.status).toBe(201);
    const text = (await download(app, '/api/exports/warehouses.csv', commander)).bytes.toString('utf8');
    expect(text).toContain(`'=HYPERLINK(""http://x"")`);
  });
});
