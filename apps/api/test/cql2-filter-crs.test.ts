import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { crsInfo, crsTransformer } from '@riskmap/geo';
import { parseCql2 } from '../src/ogc/cql2/parse.js';
import { cql2InCrs84 } from '../src/ogc/cql2/filter-crs.js';
import { bboxToCrs84 } from '../src/ogc/ogc-crs.js';

const literal = (e: ReturnType<typeof parseCql2>) => {
  if (e.op !== 'spatial' || e.right.kind !== 'geometry') throw new Error('not a spatial predicate with a literal');
  return e.right.geometry as Polygon;
};

/** CQL2 geometry literals in a projected filter-crs: a BBOX is densified before it is transformed (its edges follow the projection). */
describe('CQL2 BBOX in a projected filter-crs', () => {
  // A 20 km box in the CGCS2000 3° Gauss-Krüger zone 39 (EPSG:4527, northing first) and in Web Mercator over the county.
  for (const [code, box] of [
    ['EPSG:4527', [3_990_000, 39_380_000, 4_010_000, 39_400_000]],
    ['EPSG:3857', [12_880_000, 4_310_000, 12_900_000, 4_330_000]],
  ] as const) {
    it(`${code}: becomes the densified box of the bbox parameter, not the four corners`, () => {
      const crs = crsInfo(code);
      const polygon = literal(cql2InCrs84(parseCql2(`S_INTERSECTS(geometry, BBOX(${box.join(', ')}))`), crs));
      expect(polygon).toEqual(bboxToCrs84(box, crs));
      expect(polygon.coordinates[0]!.length).toBeGreaterThan(5);
      // Every vertex lies on the box's edges in its own CRS (transformed back, within 1 mm).
      const back = crsTransformer('OGC:CRS84', code, { toAxes: 'authority' });
      for (const p of polygon.coordinates[0]!) {
        const [a, b] = back(p as [number, number]) as [number, number];
        const onEdge = Math.min(Math.abs(a - box[0]), Math.abs(a - box[2]), Math.abs(b - box[1]), Math.abs(b - box[3]));
        expect(onEdge).toBeLessThan(0.001);
      }
    });
  }

  it('keeps other literals vertex by vertex, and a CRS84 BBOX as given', () => {
    const crs = crsInfo('EPSG:4527');
    const point = cql2InCrs84(parseCql2('S_INTERSECTS(geometry, POINT(4000000 39390000))'), crs);
    expect(point.op === 'spatial' && point.right.kind === 'geometry' && point.right.geometry.type).toBe('Point');
    const plain = literal(parseCql2('S_INTERSECTS(geometry, BBOX(115.7, 36.0, 115.9, 36.2))'));
    expect(literal(cql2InCrs84(parseCql2('S_INTERSECTS(geometry, BBOX(115.7, 36.0, 115.9, 36.2))'), crsInfo('OGC:CRS84')))).toEqual(plain);
    expect(plain.coordinates[0]).toEqual([[115.7, 36.0], [115.9, 36.0], [115.9, 36.2], [115.7, 36.2], [115.7, 36.0]]);
  });
});
