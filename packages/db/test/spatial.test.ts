import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { LAYERS, assignTownships, countWithin, getLayer, nearestFeatures, townshipAreasM2 } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

const HERE: [number, number] = [115.79, 36.11]; // the county town

describe.each(testBackends())('spatial queries on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
  });
  afterAll(async () => t?.close());

  it('returns the nearest shelters in increasing geodesic distance, matching a full scan', async () => {
    const knn = await nearestFeatures(t.db, LAYERS.shelters, ...HERE, 5);
    const all = await getLayer(t.db, LAYERS.shelters);
    const scan = all.features
      .map((f) => ({ code: f.properties!.code as string, d: turf.distance(HERE, (f.geometry as GeoJSON.Point).coordinates, { units: 'meters' }) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 5);
    expect(knn.map((r) => r.code)).toEqual(scan.map((r) => r.code));
    knn.forEach((r, i) => expect(Math.abs(r.distanceM - scan[i]!.d) / scan[i]!.d).toBeLessThan(0.005));
  });

  it('counts the villages within 3 km as a geodesic scan does', async () => {
    const n = await countWithin(t.db, LAYERS['demand-points'], ...HERE, 3000);
    const all = await getLayer(t.db, LAYERS['demand-points']);
    const scan = all.features.filter((f) => turf.distance(HERE, (f.geometry as GeoJSON.Point).coordinates, { units: 'meters' }) <= 3000).length;
    expect(n).toBeGreaterThan(0);
    expect(Math.abs(n - scan)).toBeLessThanOrEqual(1); // a point right on the 3 km line may fall either way
  });

  it('assigns every village to the township it was generated in', async () => {
    const assigned = await assignTownships(t.db, LAYERS['demand-points']);
    const all = await getLayer(t.db, LAYERS['demand-points']);
    const expected = new Map(all.features.map((f) => [f.id as number, f.properties!.townshipCode]));
    expect(assigned.length).toBe(all.features.length);
    for (const a of assigned) expect(a.townshipCode).toBe(expected.get(a.id));
  });

  it('measures township areas geodesically, within 0.5 % of turf, summing to the county', async () => {
    const areas = await townshipAreasM2(t.db);
    const townships = await getLayer(t.db, LAYERS.townships);
    expect(areas.length).toBe(18);
    for (const f of townships.features) {
      const a = areas.find((r) => r.code === f.properties!.code)!;
      expect(Math.abs(a.areaM2 - turf.area(f as never)) / a.areaM2).toBeLessThan(0.005);
    }
    const total = areas.reduce((s, r) => s + r.areaM2, 0);
    expect(total / 1e6).toBeGreaterThan(950);
    expect(total / 1e6).toBeLessThan(1060);
  });
});

describe.runIf(testBackends().length === 2)('the two backends', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = [await openTestDatabase('embedded', 'sample'), await openTestDatabase('server', 'sample')];
  });
  afterAll(async () => Promise.all([a?.close(), b?.close()]));

  it('give the same KNN order and distances', async () => {
    for (const [lon, lat] of [HERE, [116.0, 36.2], [115.7, 35.97]] as [number, number][]) {
      const [x, y] = await Promise.all([nearestFeatures(a.db, LAYERS.shelters, lon, lat, 10), nearestFeatures(b.db, LAYERS.shelters, lon, lat, 10)]);
      expect(x.map((r) => r.code)).toEqual(y.map((r) => r.code));
      x.forEach((r, i) => expect(r.distanceM).toBeCloseTo(y[i]!.distanceM, 3));
    }
  });

  it('give the same ST_DWithin counts', async () => {
    for (const m of [500, 1500, 5000, 20000]) {
      expect(await countWithin(a.db, LAYERS['demand-points'], ...HERE, m)).toBe(await countWithin(b.db, LAYERS['demand-points'], ...HERE, m));
    }
  });

  it('assign the same townships', async () => {
    expect(await assignTownships(a.db, LAYERS.shelters)).toEqual(await assignTownships(b.db, LAYERS.shelters));
    expect(await assignTownships(a.db, LAYERS['risk-points'])).toEqual(await assignTownships(b.db, LAYERS['risk-points']));
  });

  it('measure the same geodesic areas', async () => {
    const [x, y] = await Promise.all([townshipAreasM2(a.db), townshipAreasM2(b.db)]);
    x.forEach((r, i) => expect(r.areaM2).toBeCloseTo(y[i]!.areaM2, 0));
  });

  it('return the same layers', async () => {
    for (const d of Object.values(LAYERS)) {
      const [x, y] = await Promise.all([getLayer(a.db, d), getLayer(b.db, d)]);
      const strip = (fc: GeoJSON.FeatureCollection) => fc.features.map((f) => ({ ...f, properties: { ...f.properties, createdAt: 0, updatedAt: 0 } }));
      expect(strip(x)).toEqual(strip(y));
    }
  });
});
