import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { convertCoordinates } from '@riskmap/geo';
import { startTestApp, type TestApp } from './harness.js';
import { auditCount, someShelter } from './edit-helpers.js';
import { shelterCollection, upload } from './fixtures/import/upload.js';

const GEOJSON = 'application/geo+json';

describe.each(testBackends())('importing GeoJSON on %s', (backend) => {
  let app: TestApp;
  let at: [number, number];
  const near = (dx: number): [number, number] => [at[0] + dx, at[1] + dx / 2];
  const codesIn = async (codes: string[]) =>
    (await app.t.db.selectFrom('shelters').select('code').where('code', 'in', codes).execute()).map((r) => r.code).sort();

  beforeAll(async () => {
    app = await startTestApp(backend);
    at = (await someShelter(app, false)).lonLat;
  });
  afterAll(() => app?.close());

  it('checks a clean file in a dry run by default and writes nothing', async () => {
    const file = shelterCollection([{ code: 'IMP-G1', at: near(0.001) }, { code: 'IMP-G2', at: near(0.002) }]);
    const r = await upload(app, 'planner', 'shelters', file, GEOJSON);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, layer: 'shelters', format: 'geojson', crs: 'wgs84', rows: 2, valid: 2, invalidRows: 0, errors: [] });
    expect(await codesIn(['IMP-G1', 'IMP-G2'])).toEqual([]);
  });

  it('lists every bad row with its number, field and reason', async () => {
    const file = shelterCollection([
      { code: 'IMP-B1', at: near(0.001) },
      { code: 'IMP-B2', at: near(0.001), props: { status: 'demolished' } },
      { code: 'IMP-B3', at: [120.5, 30.2] },
      { code: 'IMP-B1', at: near(0.003) },
      { code: 'IMP-B5', at: near(0.004), props: { effectiveAreaM2: 9000 } },
      { code: 'IMP-B6', at: near(0.005), props: { capacity: 'many' } },
    ]);
    const r = await upload(app, 'planner', 'shelters', file, GEOJSON, { dryRun: 'true' });
    expect(r.status).toBe(200);
    const byRow = Object.fromEntries(r.body.errors.map((e: any) => [e.row, e]));
    expect(Object.keys(byRow).map(Number)).toEqual([2, 3, 4, 5, 6]);
    expect(byRow[2]).toMatchObject({ field: 'properties.status' });
    expect(byRow[3]).toMatchObject({ field: 'geometry', code: 'geometry.outside', message: expect.stringContaining('县域范围之外') });
    expect(byRow[4]).toMatchObject({ field: 'properties.code', code: 'code.repeats', message: expect.stringContaining('与第 1 行重复') });
    expect(byRow[5]).toMatchObject({ field: 'properties.effectiveAreaM2' });
    expect(byRow[6]).toMatchObject({ field: 'properties.capacity' });
    expect(r.body).toMatchObject({ rows: 6, valid: 1, invalidRows: 5 });
  });

  it('reports a code that already exists in the layer', async () => {
    const existing = await app.t.db.selectFrom('shelters').select('code').orderBy('id').executeTakeFirstOrThrow();
    const r = await upload(app, 'planner', 'shelters', shelterCollection([{ code: existing.code, at: near(0.001) }]), GEOJSON);
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'properties.code', code: 'code.taken', message: expect.stringContaining('已存在') })]);
  });

  it('commits every row in one go, audits each feature and the import, and records a change per row', async () => {
    const before = await auditCount(app, 'shelters');
    const changes: string[] = [];
    const stop = app.changes.subscribe((c) => changes.push(`${c.layer}:${c.action}`));
    const file = shelterCollection([{ code: 'IMP-C1', at: near(0.001) }, { code: 'IMP-C2', at: near(0.002) }, { code: 'IMP-C3', at: near(0.003) }]);
    const r = await upload(app, 'planner', 'shelters', file, GEOJSON, { dryRun: 'false', filename: 'shelters.geojson' });
    stop();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ dryRun: false, imported: 3 });
    expect(r.body.ids).toHaveLength(3);
    expect(await codesIn(['IMP-C1', 'IMP-C2', 'IMP-C3'])).toEqual(['IMP-C1', 'IMP-C2', 'IMP-C3']);
    expect(await auditCount(app, 'shelters')).toBe(before + 4);
    const entry = await app.t.db.selectFrom('audit_log').select(['actor', 'after']).where('action', '=', 'import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.actor).toBe('planner');
    expect(entry.after).toMatchObject({ format: 'geojson', filename: 'shelters.geojson', rows: 3, ids: r.body.ids });
    expect(changes).toEqual(['shelters:create', 'shelters:create', 'shelters:create']);
  });

  it('imports nothing when one row is bad, and names that row', async () => {
    const file = shelterCollection([{ code: 'IMP-N1', at: near(0.001) }, { code: 'IMP-N2', at: near(0.002), props: { shelterClass: 'tent' } }]);
    const r = await upload(app, 'planner', 'shelters', file, GEOJSON, { dryRun: 'false' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_rows');
    expect(r.body.error.details.errors).toEqual([expect.objectContaining({ row: 2, field: 'properties.shelterClass' })]);
    expect(await codesIn(['IMP-N1', 'IMP-N2'])).toEqual([]);
  });

  it('converts positions declared as GCJ-02 to WGS84 before storing them', async () => {
    const gcj = convertCoordinates({ type: 'Point', coordinates: near(0.006) }, 'wgs84', 'gcj02').coordinates as [number, number];
    const r = await upload(app, 'planner', 'shelters', shelterCollection([{ code: 'IMP-GCJ', at: gcj }]), GEOJSON, { dryRun: 'false', crs: 'gcj02' });
    expect(r.status).toBe(201);
    const row = await app.t.db
      .selectFrom('shelters')
      .select((eb) => [eb.fn<number>('ST_X', ['geom']).as('lon'), eb.fn<number>('ST_Y', ['geom']).as('lat')])
      .where('code', '=', 'IMP-GCJ')
      .executeTakeFirstOrThrow();
    const expected = near(0.006);
    expect(Math.abs(Number(row.lon) - expected[0])).toBeLessThan(1e-6);
    expect(Math.abs(Number(row.lat) - expected[1])).toBeLessThan(1e-6);
  });

  it('treats CGCS2000 as WGS84 and refuses an unknown coordinate system naming crs', async () => {
    const ok = await upload(app, 'planner', 'shelters', shelterCollection([{ code: 'IMP-CG', at: near(0.001) }]), GEOJSON, { crs: 'cgcs2000' });
    expect(ok.body).toMatchObject({ crs: 'cgcs2000', valid: 1 });
    const bad = await upload(app, 'planner', 'shelters', shelterCollection([{ code: 'IMP-CG', at: near(0.001) }]), GEOJSON, { crs: 'beijing54' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('crs');
  });

  it('answers 400 for a body that is not GeoJSON', async () => {
    const r = await upload(app, 'planner', 'shelters', '{"type":"Feature"', GEOJSON);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_file');
  });
});
