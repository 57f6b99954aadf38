import { domainDefaults } from '@riskmap/config';
import type { BBox, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';
import { riskDensityNaive } from './risk-density-naive.js';

const bbox: BBox = [115.8, 36.1, 115.86, 36.15];
const one: FeatureCollection<Point, EmapRiskPointProps> = {
  type: 'FeatureCollection', features: [{ type: 'Feature', properties: { level: 2 }, geometry: { type: 'Point', coordinates: [115.83, 36.125] } }],
};

describe('riskDensityNaive', () => {
  it('peaks at 3/π × 4 per km² on a level-2 point (quartic, 1 km)', () => {
    expect(riskDensityNaive(bbox, one, { cellM: 100, bandwidthM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).max / (12 / Math.PI)).toBeGreaterThan(0.99);
  });
  it('lays the raster out north first: the top row is the northern edge', () => {
    const north: FeatureCollection<Point, EmapRiskPointProps> = { type: 'FeatureCollection', features: [{ ...one.features[0]!, geometry: { type: 'Point', coordinates: [115.83, 36.1495] } }] };
    const r = riskDensityNaive(bbox, north, { cellM: 500, bandwidthM: 400, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect([r.values.slice(0, r.cols).some((v) => v > 0), r.values.slice(-r.cols).some((v) => v > 0)]).toEqual([true, false]);
  });
});

goldenFixtures('riskDensityNaive', (input: { bbox: BBox; riskPoints: FeatureCollection<Point, EmapRiskPointProps>; properties: Record<string, unknown> }) => {
  const r = riskDensityNaive(input.bbox, input.riskPoints, { ...input.properties, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
  return { ...r, values: r.values.map((v) => Math.round(v * 1e6) / 1e6) };
});
