import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { sql } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call, newShelter } from './edit-helpers.js';
import { shelterCollection, upload } from './fixtures/import/upload.js';

const GEOJSON = 'application/geo+json';

/** A small square polygon (about 60 m) around lon/lat. */
const square = ([lon, lat]: [number, number], d = 0.0003): Polygon => ({
  type: 'Polygon',
  coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]],
});

/** A point well inside a township (its point on surface), read with PostGIS. */
async function inside(app: TestApp, code: string): Promise<[number, number]> {
  const r = await sql<{ lon: number; lat: number }>`select ST_X(ST_PointOnSurface(geom)) as lon, ST_Y(ST_PointOnSurface(geom)) as lat
    from admin_areas where code = ${code}`.execute(app.t.db);
  return [Number(r.rows[0]!.lon), Number(r.rows[0]!.lat)];
}

describe.each(testBackends())('spatial township scope on %s', (backend) => {
  let app: TestApp;
  let scope: string;
  let other: string;
  let mine: [number, number];
  let theirs: [number, number];
  let serial = 0;
  const code = () => `SC-${++serial}`;
  const version = async (id: number) => (await app.t.db.selectFrom('shelters').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  beforeAll(async () => {
    app = await startTestApp(backend);
    scope = app.scopeTownship!;
    const t = await app.t.db.selectFrom('admin_areas').select('code').where('level', '=', 'township').where('code', '!=', scope).orderBy('code').executeTakeFirstOrThrow();
    other = t.code;
    mine = await inside(app, scope);
    theirs = await inside(app, other);
  });
  afterAll(() => app?.close());

  async function ownShelter(): Promise<number> {
    const r = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter(code(), mine, { site: square(mine) }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  }

  it('derives the townshipCode from the location when none is given, for everyone', async () => {
    const r = await call(app, 'planner', 'POST', '/api/layers/shelters', newShelter(code(), theirs));
    expect(r.status).toBe(201);
    expect(r.body.properties.townshipCode).toBe(other);
    const own = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter(code(), mine));
    expect(own.body.properties.townshipCode).toBe(scope);
  });

  it('refuses a townshipCode that does not exist or does not match the location, naming the field', async () => {
    const unknown = await call(app, 'admin', 'POST', '/api/layers/shelters', newShelter(code(), mine, { townshipCode: 'NO-SUCH-TOWN' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields[0]).toMatchObject({ field: 'properties.townshipCode' });
    const wrong = await call(app, 'admin', 'POST', '/api/layers/shelters', newShelter(code(), mine, { townshipCode: other }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0]).toMatchObject({ field: 'properties.townshipCode', message: expect.stringContaining(scope) });
  });

  it('refuses a site polygon far outside the county and a bow-tie site, naming properties.site', async () => {
    const far = await call(app, 'admin', 'POST', '/api/layers/shelters', newShelter(code(), mine, { site: square([2.35, 48.85]) }));
    expect(far.status).toBe(400);
    expect(far.body.error.details.fields[0]).toMatchObject({ field: 'properties.site', message: expect.stringContaining('outside the county') });
    const [x, y] = mine;
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y + 0.001], [x + 0.001, y], [x, y + 0.001], [x, y]]] };
    const bad = await call(app, 'admin', 'POST', '/api/layers/shelters', newShelter(code(), mine, { site: bowtie }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('properties.site');
  });

  describe('a scoped planner gets 403 naming the field for every cross-border move', () => {
    it('creating in another township with the own code', async () => {
      const r = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter(code(), theirs, { townshipCode: scope, isPublic: true, status: 'open' }));
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('geometry');
    });

    it('creating in another township without a code', async () => {
      const r = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter(code(), theirs));
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('geometry');
    });

    it('creating in the own township with a site polygon in another', async () => {
      const r = await call(app, 'scoped-planner', 'POST', '/api/layers/shelters', newShelter(code(), mine, { site: square(theirs) }));
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('properties.site');
    });

    it('moving an own feature across the border (PATCH geometry)', async () => {
      const id = await ownShelter();
      const r = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${id}`, { version: await version(id), geometry: { type: 'Point', coordinates: theirs } });
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('geometry');
      const row = await sql<{ x: number }>`select ST_X(geom) as x from shelters where id = ${id}`.execute(app.t.db);
      expect(Number(row.rows[0]!.x)).toBeCloseTo(mine[0], 9);
    });

    it('moving an own feature with a geometry and the other code together', async () => {
      const id = await ownShelter();
      const r = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${id}`, { version: await version(id), geometry: { type: 'Point', coordinates: theirs }, properties: { townshipCode: other } });
      expect(r.status).toBe(403);
    });

    it('moving the site polygon of an own feature across the border', async () => {
      const id = await ownShelter();
      const r = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${id}`, { version: await version(id), properties: { site: square(theirs) } });
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('properties.site');
    });

    it('relabelling an own feature with the other township code', async () => {
      const id = await ownShelter();
      const r = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${id}`, { version: await version(id), properties: { townshipCode: other } });
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('properties.townshipCode');
    });

    it('editing or deleting a feature that lies in another township but carries the own code', async () => {
      const planted = await app.t.db
        .insertInto('shelters')
        .values({ code: code(), name: '越界', shelter_class: 'emergency', site_type: 'park', total_area_m2: 100, effective_area_m2: 50, capacity: 10, status: 'built', township_code: scope, geom: sql`ST_SetSRID(ST_MakePoint(${theirs[0]}, ${theirs[1]}), 4326)` } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const patch = await call(app, 'scoped-planner', 'PATCH', `/api/layers/shelters/${planted.id}`, { version: 1, properties: { capacity: 20 } });
      expect(patch.status).toBe(403);
      const del = await call(app, 'scoped-planner', 'DELETE', `/api/layers/shelters/${planted.id}`, { version: 1 });
      expect(del.status).toBe(403);
      expect(del.body.error.details.field).toBe('geometry');
      expect(await version(planted.id)).toBe(1);
    });

    it('replacing or deleting a township outline, even the own one', async () => {
      const own = await app.t.db.selectFrom('admin_areas').select(['id', 'version']).where('code', '=', scope).executeTakeFirstOrThrow();
      const outline = await app.t.db.selectFrom('admin_areas').select(sql<string>`ST_AsGeoJSON(geom)`.as('g')).where('code', '=', other).executeTakeFirstOrThrow();
      const r = await call(app, 'scoped-planner', 'PATCH', `/api/layers/townships/${own.id}`, { version: own.version, geometry: JSON.parse(outline.g) });
      expect(r.status).toBe(403);
      expect(r.body.error.details.field).toBe('layer');
      expect((await call(app, 'scoped-planner', 'DELETE', `/api/layers/townships/${own.id}`, { version: own.version })).status).toBe(403);
      expect((await call(app, 'scoped-planner', 'POST', '/api/layers/townships', { type: 'Feature', geometry: JSON.parse(outline.g), properties: { code: 'X1', name: 'x', kind: 'town' } })).status).toBe(403);
    });

    it('importing a row in another township (with the own code) or with a site in another township', async () => {
      const file = shelterCollection([
        { code: code(), at: mine },
        { code: code(), at: theirs, props: { townshipCode: scope } },
        { code: code(), at: mine, props: { site: square(theirs) } },
      ]);
      const r = await upload(app, 'scoped-planner', 'shelters', file, GEOJSON, { dryRun: 'false' });
      expect(r.status).toBe(400);
      const errors = r.body.error.details.errors as { row: number; field: string }[];
      expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, field: 'geometry' }), expect.objectContaining({ row: 3, field: 'properties.site' })]));
      expect([...new Set(errors.map((e) => e.row))]).toEqual([2, 3]);
    });
  });

  it('applies the same geometry rules to imports as to edits: a bow-tie or far-away site is refused', async () => {
    const [x, y] = mine;
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y + 0.001], [x + 0.001, y], [x, y + 0.001], [x, y]]] };
    const file = shelterCollection([
      { code: code(), at: mine, props: { site: bowtie } },
      { code: code(), at: mine, props: { site: square([2.35, 48.85]) } },
      { code: code(), at: mine, props: { townshipCode: 'NO-SUCH-TOWN' } },
    ]);
    const r = await upload(app, 'admin', 'shelters', file, GEOJSON);
    expect(r.body.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'properties.site' }),
      expect.objectContaining({ row: 2, field: 'properties.site', code: 'geometry.outside', message: expect.stringContaining('县域范围之外') }),
      expect.objectContaining({ row: 3, field: 'properties.townshipCode', code: 'township.unknown' }),
    ]);
  });

  it('imports rows of the own township, deriving their townshipCode', async () => {
    const c = code();
    const r = await upload(app, 'scoped-planner', 'shelters', shelterCollection([{ code: c, at: mine }]), GEOJSON, { dryRun: 'false' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const row = await app.t.db.selectFrom('shelters').select('township_code').where('code', '=', c).executeTakeFirstOrThrow();
    expect(row.township_code).toBe(scope);
  });
});
