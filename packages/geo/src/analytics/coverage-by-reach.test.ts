import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coverageByReach, type DemandInput } from './coverage-by-reach.js';

const demand = (lon: number, population: number): FeatureCollection<Point, DemandInput> => ({
  type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'd', townshipCode: 'T', population }, geometry: { type: 'Point', coordinates: [lon, 36.1] } }],
});

describe('coverageByReach', () => {
  it('covers within each facility’s own reach (0.01° east = 900 m)', () => {
    const r = coverageByReach(demand(115.81, 10), [{ code: 'A', name: '', lon: 115.8, lat: 36.1, reachM: 950 }], 1, null);
    expect(r.coveredPopulation).toBe(10);
  });
  it('finds a long-reach facility several short-reach buckets away', () => {
    const facilities = [{ code: 'S', name: '', lon: 115.7, lat: 36.1, reachM: 100 }, { code: 'L', name: '', lon: 115.8, lat: 36.1, reachM: 5000 }];
    expect(coverageByReach(demand(115.84, 10), facilities, 1, null).facilities[1]!.servedPopulation).toBe(10);
  });
  it('covers nobody without facilities', () => {
    expect(coverageByReach(demand(115.8, 10), [], 1, null).uncoveredPopulation).toBe(10);
  });
  it('rejects a negative population naming the row', () => {
    expect(() => coverageByReach(demand(115.8, -1), [], 1, null)).toThrow(expect.objectContaining({ field: 'demandPoints[0].population' }));
  });
});
