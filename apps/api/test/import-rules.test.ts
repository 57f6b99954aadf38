import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { someShelter } from './edit-helpers.js';
import { shelterCollection, upload } from './fixtures/import/upload.js';
import { strToU8, zipSync } from 'fflate';

const GEOJSON = 'application/geo+json';

describe.each(testBackends())('import roles and limits on %s', (backend) => {
  let app: TestApp;
  let inScope: [number, number];
  let outOfScope: [number, number];
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', { IMPORT_MAX_BYTES: '4000', IMPORT_MAX_ROWS: '5' });
    inScope = (await someShelter(app, true)).lonLat;
    outOfScope = (await someShelter(app, false)).lonLat;
  });
  afterAll(() => app?.close());

  it('asks anonymous users to sign in and refuses commanders', async () => {
    const file = shelterCollection([{ code: 'R-1', at: inScope }]);
    expect((await upload(app, undefined, 'shelters', file, GEOJSON)).status).toBe(401);
    const commander = await upload(app, 'commander', 'shelters', file, GEOJSON);
    expect(commander.status).toBe(403);
    expect(commander.body.error.code).toBe('forbidden');
  });

  it('answers every role as the matrix says: imports for planners and admins, exports for all who may read the layer', async () => {
    const file = shelterCollection([{ code: 'R-M', at: inScope }]);
    const expected: Record<string, [number, number, number]> = {
      // role: [import shelters (dry run), export shelters.csv, export hazard-sources.csv]
      anonymous: [401, 200, 401],
      commander: [403, 200, 200],
      planner: [200, 200, 200],
      admin: [200, 200, 200],
      'scoped-planner': [200, 200, 200],
    };
    for (const [role, want] of Object.entries(expected)) {
      const r = role === 'anonymous' ? undefined : (role as 'commander');
      const token = r ? await app.login(r) : undefined;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const got = [
        (await upload(app, r, 'shelters', file, GEOJSON)).status,
        (await fetch(`${app.url}/api/exports/shelters.csv`, { headers })).status,
        (await fetch(`${app.url}/api/exports/hazard-sources.csv`, { headers })).status,
      ];
      expect([role, ...got]).toEqual([role, ...want]);
    }
  });

  it('reports rows outside the township of a scoped planner', async () => {
    const scope = app.scopeTownship!;
    const other = await app.t.db.selectFrom('admin_areas').select('code').where('level', '=', 'township').where('code', '!=', scope).executeTakeFirstOrThrow();
    const file = shelterCollection([
      { code: 'R-IN', at: inScope, props: { townshipCode: scope } },
      { code: 'R-OUT', at: outOfScope, props: { townshipCode: other.code } },
    ]);
    const r = await upload(app, 'scoped-planner', 'shelters', file, GEOJSON);
    expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, field: 'geometry', message: expect.stringContaining(scope) })]));
    expect(r.body.errors.every((e: { row: number }) => e.row === 2)).toBe(true);
  });

  it('answers 413 naming the limit for a file larger than IMPORT_MAX_BYTES', async () => {
    const big = shelterCollection(Array.from({ length: 30 }, (_, i) => ({ code: `R-BIG-${i}`, at: inScope })));
    expect(big.length).toBeGreaterThan(4000);
    const r = await upload(app, 'planner', 'shelters', big, GEOJSON);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('IMPORT_MAX_BYTES') });
  });

  it('answers 413 for more rows than IMPORT_MAX_ROWS', async () => {
    const csv = ['code,name,lon,lat', ...Array.from({ length: 6 }, (_, i) => `R-${i},n,${inScope[0]},${inScope[1]}`)].join('\n');
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv');
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'too_many_rows', details: { rows: 6, limitRows: 5 } });
  });

  it('answers 404 for an unknown layer, 415 for an unknown format and 400 for an empty body', async () => {
    expect((await upload(app, 'planner', 'volcanoes', '{}', GEOJSON)).status).toBe(404);
    const pdf = await upload(app, 'planner', 'shelters', '%PDF-1.4', 'application/pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.code).toBe('unsupported_format');
    expect((await upload(app, 'planner', 'shelters', '', 'text/csv')).body.error.code).toBe('empty_file');
  });

  it('says why a whole file is refused in Chinese (English with ?lang=en), with a reason key, its figures and the field', async () => {
    const han = /\p{Script=Han}/u;
    const cases: [string, Uint8Array | string, string, Record<string, string>, number, string, string, string][] = [
      ['garbage zip', new Uint8Array([80, 75, 3, 4, 9, 9, 9, 9]), 'application/zip', {}, 400, 'invalid_file', 'file.notZip', 'body'],
      ['zip without .shp', zipSync({ 'readme.txt': strToU8('x') }), 'application/zip', {}, 400, 'invalid_file', 'file.noShp', 'body'],
      ['zip without .dbf', zipSync({ 'a.shp': strToU8('x') }), 'application/zip', {}, 400, 'invalid_file', 'file.noDbf', 'body'],
      ['not XLSX', new Uint8Array([80, 75, 3, 4, 1, 2, 3]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {}, 400, 'invalid_file', 'file.notXlsx', 'body'],
      ['not a FeatureCollection', '{"type":"Point","coordinates":[1,2]}', GEOJSON, {}, 400, 'invalid_file', 'file.notGeoJson', 'type'],
      ['not KML', '<kml><Placemark>', 'application/vnd.google-earth.kml+xml', {}, 400, 'invalid_file', 'file.notKml', 'body'],
      ['not a GeoPackage', 'SQLite format 3\u0000 broken', 'application/geopackage+sqlite3', {}, 400, 'invalid_file', 'file.notGeoPackage', 'body'],
      ['unknown CRS', 'code,name,lon,lat\n', 'text/csv', { crs: 'beijing54' }, 400, 'unsupported_crs', 'crs.unknown', 'crs'],
      ['PDF', '%PDF-1.4', 'application/pdf', {}, 415, 'unsupported_format', 'file.unsupportedFormat', 'format'],
      ['empty body', '', 'text/csv', {}, 400, 'empty_file', 'file.empty', 'body'],
      ['no rows', 'code,name,lon,lat\n', 'text/csv', {}, 400, 'empty_file', 'file.noRows', 'body'],
    ];
    for (const [label, body, type, query, status, code, key, field] of cases) {
      const zh = await upload(app, 'planner', 'shelters', body, type, query);
      expect([label, zh.status, zh.body.error.code, zh.body.error.details?.key, zh.body.error.details?.field]).toEqual([label, status, code, key, field]);
      expect(zh.body.error.message, label).toMatch(han);
      expect(zh.body.error.details.fields[0], label).toMatchObject({ field, message: zh.body.error.message });
      const en = await upload(app, 'planner', 'shelters', body, type, { ...query, lang: 'en' });
      expect(en.body.error.details.key, label).toBe(key);
      expect(en.body.error.message, label).not.toMatch(han);
    }
    const noDbf = await upload(app, 'planner', 'shelters', zipSync({ '避难场所.shp': strToU8('x') }), 'application/zip');
    expect(noDbf.body.error).toMatchObject({ message: '压缩包中有 避难场所.shp，但没有属性表 避难场所.dbf', details: { params: { base: '避难场所' } } });
    const rows = await upload(app, 'planner', 'shelters', ['code,name,lon,lat', ...Array.from({ length: 6 }, (_, i) => `R-${i},n,${inScope[0]},${inScope[1]}`)].join('\n'), 'text/csv');
    expect(rows.body.error).toMatchObject({ code: 'too_many_rows', message: '文件有 6 行，每次最多导入 5 行（IMPORT_MAX_ROWS），请拆分文件', details: { key: 'file.tooManyRows', params: { rows: 6, limit: 5 } } });
  });

  it('imports into other layers with their own schemas (a fire station from a JSON upload)', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: inScope }, properties: { code: 'R-FS-1', name: '城区小型站', stationType: 'small', vehicles: 3 } }] };
    const r = await upload(app, 'planner', 'fire-stations', JSON.stringify(fc), 'application/json', { dryRun: 'false' });
    expect(r.status).toBe(201);
    const row = await app.t.db.selectFrom('fire_stations').select(['name', 'vehicles']).where('code', '=', 'R-FS-1').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '城区小型站', vehicles: 3 });
  });
});
