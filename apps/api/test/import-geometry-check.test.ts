import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { checkGeometries, checkGeometry } from '@riskmap/db';
import { openTestDatabase, testBackends, type TestDatabase } from '@riskmap/db/testing';
import { domainDefaults } from '@riskmap/config';

const COUNTY_TOLERANCE_M = domainDefaults.geometry.countyToleranceM;

describe.each(testBackends())('checkGeometries on %s', (backend) => {
  let t: TestDatabase;
  let inside: [number, number];
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
    const s = await t.db
      .selectFrom('shelters')
      .select((eb) => [eb.fn<number>('ST_X', ['geom']).as('lon'), eb.fn<number>('ST_Y', ['geom']).as('lat')])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    inside = [Number(s.lon), Number(s.lat)];
  });
  afterAll(() => t?.close());

  it('gives the same answers as checkGeometry, in input order, across chunks', async () => {
    const [x, y] = inside;
    const samples: Geometry[] = [
      { type: 'Point', coordinates: inside },
      { type: 'Point', coordinates: [121.47, 31.23] },
      { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y + 0.01], [x + 0.01, y], [x, y + 0.01], [x, y]]] },
      { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y]]] },
    ];
    const many = Array.from({ length: 1203 }, (_, i) => samples[i % samples.length]!);
    const expected = await Promise.all(samples.map((g) => checkGeometry(t.db, g, COUNTY_TOLERANCE_M)));
    expect(expected.map((e) => [e.valid, e.insideCounty])).toEqual([[true, true], [true, false], [false, true], [true, true]]);
    const got = await checkGeometries(t.db, many, COUNTY_TOLERANCE_M);
    expect(got).toEqual(many.map((_, i) => expected[i % samples.length]));
  });
});
