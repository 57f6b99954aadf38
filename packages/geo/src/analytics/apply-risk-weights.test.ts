import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { applyRiskWeights } from './apply-risk-weights.js';
import { haversineM } from './haversine-m.js';

const demandAt = (lon: number, lat: number, riskWeight?: number) => ({ lon, lat, ...(riskWeight !== undefined ? { riskWeight } : {}) });
const risk = (lon: number, lat: number, weight: number) => ({ lon, lat, weight });

describe('applyRiskWeights', () => {
  it('takes the weight of the highest risk point within the radius (0.008° north = 890 m)', () => {
    const demand = [demandAt(115.8, 36.108)];
    applyRiskWeights(demand, { points: [risk(115.8, 36.1, 8), risk(115.8, 36.107, 2)], radiusM: 1000 });
    expect(demand[0]!.riskWeight).toBe(8);
  });
  it('gives 1 where no risk point lies within the radius (0.0095° north = 1 056 m)', () => {
    const demand = [demandAt(115.8, 36.1095)];
    applyRiskWeights(demand, { points: [risk(115.8, 36.1, 8)], radiusM: 1000 });
    expect(demand[0]!.riskWeight).toBe(1);
  });
  it('multiplies a weight the demand already carries, and gives 1 without risk points', () => {
    const demand = [demandAt(115.8, 36.1, 1.5), demandAt(115.8, 36.1)];
    applyRiskWeights(demand, { points: [], radiusM: 1000 });
    expect(demand.map((d) => d.riskWeight)).toEqual([1.5, 1]);
  });
  it('agrees with checking every risk point for 2 000 random demand points, at 60° north too', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const lat0 of [36, 60]) {
      const points = Array.from({ length: 300 }, () => risk(115.6 + rnd() * 0.5, lat0 + rnd() * 0.4, [1, 2, 4, 8][Math.floor(rnd() * 4)]!));
      const demand = Array.from({ length: 2_000 }, () => demandAt(115.55 + rnd() * 0.6, lat0 - 0.05 + rnd() * 0.5));
      applyRiskWeights(demand, { points, radiusM: 1500 });
      const wrong = demand.filter((d) => d.riskWeight !== points.reduce((best, r) => (r.weight > best && haversineM(d.lon, d.lat, r.lon, r.lat) <= 1500 ? r.weight : best), 1));
      expect(wrong).toEqual([]);
    }
  });
  it('rejects a radius that is not a distance > 0, naming the field', () => {
    expect(() => applyRiskWeights([demandAt(115.8, 36.1)], { points: [], radiusM: 0 })).toThrow(expect.objectContaining({ field: 'radiusM' }));
  });
});

type Role = { role: 'demand'; code: string; population: number; riskWeight?: number } | { role: 'risk'; code: string; weight: number };

goldenFixtures('applyRiskWeights', (input: FeatureCollection<Point, Role> & { properties: { radiusM: number } }) => {
  const at = (f: { geometry: Point }) => ({ lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! });
  const points = input.features.flatMap((f) => (f.properties.role === 'risk' ? [{ ...at(f), weight: f.properties.weight }] : []));
  const demandFeatures = input.features.filter((f) => f.properties.role === 'demand');
  const demand = demandFeatures.map((f) => ({ ...at(f), ...(f.properties.role === 'demand' && f.properties.riskWeight !== undefined ? { riskWeight: f.properties.riskWeight } : {}) }));
  applyRiskWeights(demand, { points, radiusM: input.properties.radiusM });
  return { type: 'FeatureCollection', features: demandFeatures.map((f, k) => ({ ...f, properties: { ...f.properties, riskWeight: demand[k]!.riskWeight } })) };
});
