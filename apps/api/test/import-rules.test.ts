import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { someShelter } from './edit-helpers.js';
import { shelterCollection, upload } from './fixtures/import/upload.js';

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
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'townshipCode', message: expect.stringContaining(scope) })]);
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

  it('imports into other layers with their own schemas (a fire station from a JSON upload)', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: inScope }, properties: { code: 'R-FS-1', name: '城区小型站', stationType: 'small', vehicles: 3 } }] };
    const r = await upload(app, 'planner', 'fire-stations', JSON.stringify(fc), 'application/json', { dryRun: 'false' });
    expect(r.status).toBe(201);
    const row = await app.t.db.selectFrom('fire_stations').select(['name', 'vehicles']).where('code', '=', 'R-FS-1').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '城区小型站', vehicles: 3 });
  });
});
