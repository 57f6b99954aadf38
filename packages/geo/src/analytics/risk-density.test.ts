import { domainDefaults } from '@riskmap/config';
import type { BBox, Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { RiskLevel } from '../model.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';
import { riskDensity } from './risk-density.js';
import { riskDensityNaive } from './risk-density-naive.js';

const bbox: BBox = [115.8, 36.1, 115.86, 36.15];
const point = (lon: number, lat: number, level: RiskLevel = 1): Feature<Point, EmapRiskPointProps> => ({
  type: 'Feature', properties: { level }, geometry: { type: 'Point', coordinates: [lon, lat] },
});
const fc = (...features: Feature<Point, EmapRiskPointProps>[]): FeatureCollection<Point, EmapRiskPointProps> => ({ type: 'FeatureCollection', features });
let seed = 11;
const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

describe('riskDensity', () => {
  it('peaks at 3/π × weight per km² on a level-1 point with a 1 km quartic kernel (8 × 0.955 = 7.64)', () => {
    const { max } = riskDensity(bbox, fc(point(115.83, 36.125)), { cellM: 100, bandwidthM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(max).toBeLessThanOrEqual(24 / Math.PI);
    expect(max).toBeGreaterThan(0.99 * (24 / Math.PI));
  });
  it('peaks at 2/π × weight per km² with the Epanechnikov kernel', () => {
    const { max } = riskDensity(bbox, fc(point(115.83, 36.125, 4)), { cellM: 100, bandwidthM: 1000, kernel: 'epanechnikov', riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(max / (2 / Math.PI)).toBeGreaterThan(0.99);
  });
  it('integrates to the point weight (Σ value × cell km² ≈ 8 within 1 %)', () => {
    const r = riskDensity(bbox, fc(point(115.83, 36.125)), { cellM: 100, bandwidthM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    const total = r.values.reduce((a, v) => a + v, 0) * 0.01;
    expect(Math.abs(total / 8 - 1)).toBeLessThan(0.01);
  });
  it('is zero farther than the bandwidth from every point (north-west corner, ~3 km away)', () => {
    expect(riskDensity(bbox, fc(point(115.83, 36.125)), { cellM: 200, bandwidthM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).values[0]).toBe(0);
  });
  it('counts each point as 1 when weightBy is count', () => {
    const { max } = riskDensity(bbox, fc(point(115.83, 36.125, 1)), { cellM: 100, bandwidthM: 1000, weightBy: 'count', riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(max).toBeLessThanOrEqual(3 / Math.PI);
  });
  it('returns exactly the values of the naive all-pairs loop', () => {
    const points = fc(...Array.from({ length: 300 }, () => point(115.8 + rnd() * 0.06, 36.1 + rnd() * 0.05, (1 + Math.floor(rnd() * 4)) as RiskLevel)));
    expect(riskDensity(bbox, points, { cellM: 200, bandwidthM: 700, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).values).toEqual(riskDensityNaive(bbox, points, { cellM: 200, bandwidthM: 700, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).values);
  });
  it('rejects an unknown kernel naming the field', () => {
    expect(() => riskDensity(bbox, fc(), { kernel: 'gaussian' as 'quartic', riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap })).toThrow(expect.objectContaining({ field: 'kernel' }));
  });
  it('rejects a zero bandwidth', () => {
    expect(() => riskDensity(bbox, fc(), { bandwidthM: 0, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap })).toThrow(expect.objectContaining({ field: 'bandwidthM' }));
  });
  it('rejects a 20 m cell naming the field cell', () => {
    expect(() => riskDensity(bbox, fc(), { cellM: 20, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap })).toThrow(expect.objectContaining({ field: 'cell' }));
  });
});

goldenFixtures('riskDensity', (input: { bbox: BBox; riskPoints: FeatureCollection<Point, EmapRiskPointProps>; properties: Record<string, unknown> }) => {
  const r = riskDensity(input.bbox, input.riskPoints, { ...input.properties, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
  return { ...r, values: r.values.map((v) => Math.round(v * 1e6) / 1e6) };
});
