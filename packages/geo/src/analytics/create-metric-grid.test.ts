import { domainDefaults } from '@riskmap/config';
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { createMetricGrid } from './create-metric-grid.js';

const county = (JSON.parse(readFileSync(new URL('../../test/fixtures/createMetricGrid/county.geojson', import.meta.url), 'utf8')) as FeatureCollection<MultiPolygon>).features[0]!;
const bbox = turf.bbox(county) as [number, number, number, number];

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randomPoints = (n: number, seed: number): [number, number][] => {
  const rnd = random(seed);
  return Array.from({ length: n }, () => [bbox[0] + rnd() * (bbox[2] - bbox[0]), bbox[1] + rnd() * (bbox[3] - bbox[1])]);
};
const sideLengthsM = (polygon: Polygon) => {
  const ring = polygon.coordinates[0]!;
  return ring.slice(1).map((p, i) => turf.distance(ring[i]!, p, { units: 'meters' }));
};

describe('createMetricGrid', () => {
  it('makes square 200 m cells 200 m ± 2 % on every side, in the north and south of the county', () => {
    const grid = createMetricGrid(county, { cellM: 200 }, domainDefaults.emap);
    const north = grid.cellIdOf(115.95, bbox[3] - 0.001);
    const south = grid.cellIdOf(115.85, bbox[1] + 0.001);
    for (const side of [...sideLengthsM(grid.cellPolygon(north)), ...sideLengthsM(grid.cellPolygon(south))]) {
      expect(Math.abs(side - 200) / 200).toBeLessThan(0.02);
    }
  });
  it('makes hex cells whose six sides are 200 m ± 2 %', () => {
    const grid = createMetricGrid(county, { cellM: 200, shape: 'hex' }, domainDefaults.emap);
    const sides = sideLengthsM(grid.cellPolygon(grid.cellIdOf(115.9, 36.1)));
    expect(sides).toHaveLength(6);
    for (const side of sides) expect(Math.abs(side - 200) / 200).toBeLessThan(0.02);
  });
  it('puts each of 100,000 random points in the bbox in exactly one square cell, the one that contains it', () => {
    const grid = createMetricGrid(county, { cellM: 200 }, domainDefaults.emap);
    let wrong = 0;
    for (const p of randomPoints(100_000, 1)) {
      const id = grid.cellIdOf(p[0], p[1]);
      const { row, col } = grid.cellRowCol(id);
      let containing = 0;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        const nid = (row + dr) * Math.ceil(grid.idCount / (grid.cellRowCol(grid.idCount - 1).row + 1)) + col + dc;
        if (nid >= 0 && nid < grid.idCount && Math.abs(grid.cellRowCol(nid).col - col) <= 1 && turf.booleanPointInPolygon(p, grid.cellPolygon(nid))) containing++;
      }
      if (id < 0 || containing !== 1 || !turf.booleanPointInPolygon(p, grid.cellPolygon(id))) wrong++;
    }
    expect(wrong).toBe(0);
  });
  it('puts each of 100,000 random points in the bbox in the hex cell that contains it', () => {
    const grid = createMetricGrid(county, { cellM: 200, shape: 'hex' }, domainDefaults.emap);
    const missed = randomPoints(100_000, 2).filter((p) => {
      const id = grid.cellIdOf(p[0], p[1]);
      return id < 0 || !turf.booleanPointInPolygon(p, grid.cellPolygon(id));
    });
    expect(missed).toHaveLength(0);
  });
  it('covers points near the bbox edge that turf.hexGrid misses', () => {
    const points = randomPoints(5_000, 3);
    const turfHexes = turf.hexGrid(bbox, 1, { units: 'kilometers' }).features;
    const turfMissed = points.filter((p) => !turfHexes.some((h) => turf.booleanPointInPolygon(p, h))).length;
    const grid = createMetricGrid(county, { cellM: 1000, shape: 'hex' }, domainDefaults.emap);
    const ourMissed = points.filter((p) => !turf.booleanPointInPolygon(p, grid.cellPolygon(grid.cellIdOf(p[0], p[1])))).length;
    expect({ turfMissesSome: turfMissed > 0, ourMissed }).toEqual({ turfMissesSome: true, ourMissed: 0 });
  });
  it('returns −1 for a point outside the bbox', () => {
    expect(createMetricGrid(county, { cellM: 500 }, domainDefaults.emap).cellIdOf(bbox[2] + 0.01, 36.1)).toBe(-1);
  });
  it('clips cells to the county so their areas add up to the county area within 0.5 %', () => {
    const grid = createMetricGrid(county, { cellM: 1000 }, domainDefaults.emap);
    const total = grid.cellIdsInExtent().reduce((sum, id) => sum + grid.clippedCell(id)!.areaM2, 0);
    expect(Math.abs(total / turf.area(county) - 1)).toBeLessThan(0.005);
  });
  it('clips hex cells to the county with the same total area', () => {
    const grid = createMetricGrid(county, { cellM: 1000, shape: 'hex' }, domainDefaults.emap);
    const total = grid.cellIdsInExtent().reduce((sum, id) => sum + grid.clippedCell(id)!.areaM2, 0);
    expect(Math.abs(total / turf.area(county) - 1)).toBeLessThan(0.005);
  });
  it('returns null for a cell wholly outside the county', () => {
    const grid = createMetricGrid(county, { cellM: 500 }, domainDefaults.emap);
    expect(grid.clippedCell(grid.cellIdOf(bbox[0] + 0.001, bbox[3] - 0.001))).toBeNull();
  });
  it('rejects a 50 m cell naming the field cell', () => {
    expect(() => createMetricGrid(county, { cellM: 50 }, domainDefaults.emap)).toThrow(expect.objectContaining({ field: 'cell' }));
  });
  it('rejects a 6 km cell', () => {
    expect(() => createMetricGrid(county, { cellM: 6000 }, domainDefaults.emap)).toThrow(expect.objectContaining({ field: 'cell' }));
  });
});

goldenFixtures('createMetricGrid', (input: Feature<Polygon> & { properties: { cellM: number; shape: 'square' | 'hex' } }) => {
  const grid = createMetricGrid(input, input.properties, domainDefaults.emap);
  return turf.featureCollection(grid.cellIdsInExtent().map((id) => turf.feature(grid.clippedCell(id)!.geometry, { id, ...grid.cellRowCol(id), areaM2: Math.round(grid.clippedCell(id)!.areaM2) })));
});
