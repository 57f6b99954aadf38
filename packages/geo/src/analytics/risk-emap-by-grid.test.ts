import { domainDefaults } from '@riskmap/config';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { RiskLevel } from '../model.js';
import { riskEmapByGrid, type EmapRiskPointProps } from './risk-emap-by-grid.js';

// A 2 km × ~2.2 km square "county" around (115.8, 36.1).
const county: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[115.79, 36.09], [115.812, 36.09], [115.812, 36.11], [115.79, 36.11], [115.79, 36.09]]] },
};
const point = (lon: number, lat: number, level: RiskLevel, score = 0, code = `${lon},${lat}`): Feature<Point, EmapRiskPointProps> => ({
  type: 'Feature', properties: { level, score, code, name: code }, geometry: { type: 'Point', coordinates: [lon, lat] },
});
const fc = (...features: Feature<Point, EmapRiskPointProps>[]): FeatureCollection<Point, EmapRiskPointProps> => ({ type: 'FeatureCollection', features });

describe('riskEmapByGrid', () => {
  it('colours a cell by the highest level inside it', () => {
    const map = riskEmapByGrid(county, fc(point(115.8001, 36.1001, 3), point(115.8002, 36.1002, 2)), { cellM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features.map((f) => [f.properties.level, f.properties.color])).toEqual([[2, '#f07c1b']]);
  });
  it('counts the points per level in a cell', () => {
    const map = riskEmapByGrid(county, fc(point(115.8001, 36.1001, 4), point(115.8002, 36.1002, 4), point(115.8003, 36.1003, 1)), { cellM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features[0]!.properties.counts).toEqual({ 1: 1, 2: 0, 3: 0, 4: 2 });
  });
  it('lists the top risks by level, then by score', () => {
    const map = riskEmapByGrid(county, fc(point(115.8001, 36.1001, 3, 100, 'a'), point(115.8002, 36.1002, 2, 10, 'b'), point(115.8003, 36.1003, 3, 150, 'c')), { cellM: 1000, topN: 2, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features[0]!.properties.top.map((t) => t.code)).toEqual(['b', 'c']);
  });
  it('puts points 300 m apart into different 200 m cells', () => {
    const map = riskEmapByGrid(county, fc(point(115.8, 36.1, 4), point(115.8, 36.1027, 4)), { cellM: 200, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features).toHaveLength(2);
  });
  it('grades by the weighted index: Σ weights ÷ km² against the bands', () => {
    // The south-west 1 km² cell lies inside the county: 3 level-3 points → 3 × 2 ÷ 1 = 6 per km², above 4 → level 2.
    const pts = fc(point(115.7901, 36.0901, 3), point(115.7902, 36.0902, 3), point(115.7903, 36.0903, 3));
    const cell = riskEmapByGrid(county, pts, { cellM: 1000, method: 'weighted', riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).features[0]!.properties;
    expect([cell.level, cell.weightedIndex]).toEqual([2, 6]);
  });
  it('uses weighted bands it is given', () => {
    const map = riskEmapByGrid(county, fc(point(115.8001, 36.1001, 4)), { cellM: 1000, method: 'weighted', weightedBands: [{ level: 1, above: 0.5 }, { level: 4, above: -Infinity }], riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features[0]!.properties.level).toBe(1);
  });
  it('clips cells on the county line to the county (the north-east cell is 0.977 km × 0.224 km)', () => {
    const map = riskEmapByGrid(county, fc(point(115.8115, 36.1095, 4)), { cellM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features[0]!.properties.areaKm2).toBeCloseTo(0.219, 3);
  });
  it('reports points outside the county as unassigned', () => {
    expect(riskEmapByGrid(county, fc(point(115.9, 36.1, 1)), { cellM: 500, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).unassigned).toBe(1);
  });
  it('returns empty cells with level null when includeEmpty is set', () => {
    const map = riskEmapByGrid(county, fc(), { cellM: 1000, includeEmpty: true, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap });
    expect(map.features.length > 0 && map.features.every((f) => f.properties.level === null && f.properties.color === null)).toBe(true);
  });
  it('adds a legend from 重大 to 低 with the number of cells at each level', () => {
    const legend = riskEmapByGrid(county, fc(point(115.8, 36.1, 1)), { cellM: 1000, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }).legend;
    expect(legend.items.map((i) => [i.level, i.zh, i.count])).toEqual([[1, '重大风险', 1], [2, '较大风险', 0], [3, '一般风险', 0], [4, '低风险', 0]]);
  });
  it('rejects an unknown method naming the field', () => {
    expect(() => riskEmapByGrid(county, fc(), { method: 'mean' as 'max', riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap })).toThrow(expect.objectContaining({ field: 'method' }));
  });
  it('rejects a risk point with level 5 naming the row', () => {
    expect(() => riskEmapByGrid(county, fc(point(115.8, 36.1, 5 as RiskLevel)), { riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap })).toThrow(expect.objectContaining({ field: 'riskPoints[0].level' }));
  });
});

goldenFixtures('riskEmapByGrid', (input: { county: Feature<Polygon>; riskPoints: FeatureCollection<Point, EmapRiskPointProps>; properties: Record<string, unknown> }) =>
  riskEmapByGrid(input.county, input.riskPoints, { ...input.properties, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap }),
);
