import { domainDefaults } from '@riskmap/config';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { RiskLevel } from '../model.js';
import { riskEmapByArea } from './risk-emap-by-area.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';

const square = (code: string, lon0: number): Feature<Polygon, { code: string; name: string }> => ({
  type: 'Feature',
  properties: { code, name: code },
  geometry: { type: 'Polygon', coordinates: [[[lon0, 36.1], [lon0 + 0.02, 36.1], [lon0 + 0.02, 36.12], [lon0, 36.12], [lon0, 36.1]]] },
});
const areas: FeatureCollection<Polygon, { code: string; name: string }> = { type: 'FeatureCollection', features: [square('A', 115.8), square('B', 115.82)] };
type P = EmapRiskPointProps & { townshipCode?: string | null };
const point = (lon: number, level: RiskLevel, townshipCode: string | null = null): Feature<Point, P> => ({
  type: 'Feature', properties: { level, townshipCode, code: `p${lon}`, score: 1 }, geometry: { type: 'Point', coordinates: [lon, 36.11] },
});
const fc = (...features: Feature<Point, P>[]): FeatureCollection<Point, P> => ({ type: 'FeatureCollection', features });

describe('riskEmapByArea', () => {
  it('colours each township by the highest level of the points inside it', () => {
    const map = riskEmapByArea(areas, fc(point(115.81, 3), point(115.811, 1), point(115.83, 4)), { riskLevels: domainDefaults.riskLevels });
    expect(map.features.map((f) => f.properties.level)).toEqual([1, 4]);
  });
  it('joins a point to its township by townshipCode before its position', () => {
    const map = riskEmapByArea(areas, fc(point(115.81, 2, 'B')), { riskLevels: domainDefaults.riskLevels });
    expect(map.features.map((f) => f.properties.total)).toEqual([0, 1]);
  });
  it('falls back to point-in-polygon when the townshipCode is unknown', () => {
    const map = riskEmapByArea(areas, fc(point(115.81, 2, 'ZZ')), { riskLevels: domainDefaults.riskLevels });
    expect(map.features.map((f) => f.properties.total)).toEqual([1, 0]);
  });
  it('leaves a township without risk points uncoloured (level null)', () => {
    expect(riskEmapByArea(areas, fc(point(115.81, 2)), { riskLevels: domainDefaults.riskLevels }).features[1]!.properties).toMatchObject({ level: null, color: null, total: 0 });
  });
  it('computes the weighted index per geodesic km² (a 0.02° square at 36.1° N is 4.00 km²)', () => {
    const a = riskEmapByArea(areas, fc(point(115.81, 1), point(115.811, 1)), { method: 'weighted', riskLevels: domainDefaults.riskLevels }).features[0]!.properties;
    expect([a.areaKm2.toFixed(2), a.weightedIndex.toFixed(2)]).toEqual(['4.00', '4.00']);
  });
  it('counts points outside every area as unassigned', () => {
    expect(riskEmapByArea(areas, fc(point(116, 1)), { riskLevels: domainDefaults.riskLevels }).unassigned).toBe(1);
  });
});

goldenFixtures('riskEmapByArea', (input: { areas: typeof areas; riskPoints: FeatureCollection<Point, P>; properties: Record<string, unknown> }) =>
  riskEmapByArea(input.areas, input.riskPoints, { ...input.properties, riskLevels: domainDefaults.riskLevels }),
);
