import { domainDefaults } from '@riskmap/config';
import * as turf from '@turf/turf';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { incidentZones } from './incident-zones.js';
import { zonePopulation, type DemandPointInput, type TownshipInput } from './zone-population.js';

const at: [number, number] = [115.8, 36.1];
const DEG_PER_M = 1 / 111_195.08;
const point = (code: string, northM: number, population: number, townshipCode = 'T1') => ({
  type: 'Feature' as const, properties: { code, name: code, population, townshipCode }, geometry: { type: 'Point' as const, coordinates: [at[0], at[1] + northM * DEG_PER_M] },
});
const points = (...f: ReturnType<typeof point>[]): FeatureCollection<Point, DemandPointInput> => ({ type: 'FeatureCollection', features: f });
const township = (population: number, code = 'T1'): FeatureCollection<Polygon, TownshipInput> => ({
  type: 'FeatureCollection', features: [{ ...turf.bboxPolygon([115.7, 36.0, 115.9, 36.2]), properties: { code, population } }],
});
// Fire: severe 100 m, evacuate 300 m, shelter-in-place 1000 m.
const fire = incidentZones(at, { type: 'fire', incident: domainDefaults.incident });
const villages = points(point('A', 50, 100), point('B', 200, 50), point('C', 600, 20), point('D', 2000, 1000));

describe('zonePopulation', () => {
  it('counts each demand point once, in the innermost zone holding it (100 / 50 / 20; D at 2 km is outside)', () => {
    const r = zonePopulation(fire, villages);
    expect(r.zones.map((z) => [z.key, z.fromPoints, z.cumulativePopulation])).toEqual([
      ['severe', 100, 100], ['evacuate', 50, 150], ['shelter-in-place', 20, 170],
    ]);
    expect([r.population, r.evacuees]).toEqual([170, 150]);
  });

  it('lists the villages affected, innermost zone first, with their distance', () => {
    expect(zonePopulation(fire, villages).villages.map((v) => [v.code, v.zone, v.distanceM, v.evacuate])).toEqual([
      ['A', 'severe', 50, true], ['B', 'evacuate', 200, true], ['C', 'shelter-in-place', 600, false],
    ]);
  });

  it('adds nothing from density when the demand points hold the whole township population', () => {
    const r = zonePopulation(fire, villages, township(1170));
    expect(r.zones.map((z) => z.fromDensity)).toEqual([0, 0, 0]);
  });

  it('spreads the township population its points do not hold evenly by area: remainder × band area ÷ township area', () => {
    const remainder = 400_000;
    const r = zonePopulation(fire, villages, township(1170 + remainder));
    const perM2 = remainder / turf.area(township(0).features[0]!);
    const expected = [100 ** 2, 300 ** 2 - 100 ** 2, 1000 ** 2 - 300 ** 2].map((r2) => perM2 * Math.PI * r2);
    // Whole people, and 128-gon circles 0.04 % smaller than true ones: within 1 person or 1 %.
    r.zones.forEach((z, i) => expect(Math.abs(z.fromDensity - expected[i]!)).toBeLessThanOrEqual(Math.max(1, expected[i]! * 0.01)));
    expect(r.zones.map((z) => z.fromDensity)).toEqual([31, 251, 2860]);
    expect(r.evacueesFromDensity).toBe(r.zones[0]!.fromDensity + r.zones[1]!.fromDensity);
    expect(r.population).toBe(170 + r.zones.reduce((s, z) => s + z.fromDensity, 0));
  });

  it('leaves out townships the zones do not reach', () => {
    const far: FeatureCollection<Polygon, TownshipInput> = { type: 'FeatureCollection', features: [{ ...turf.bboxPolygon([116.5, 36.5, 116.6, 36.6]), properties: { code: 'T9', population: 50_000 } }] };
    expect(zonePopulation(fire, villages, far).zones.map((z) => z.fromDensity)).toEqual([0, 0, 0]);
  });

  // Golden case, hand-checked: T-W holds 5000 people and no points (25 /km²); the 4 m/s wind from the south
  // gives a ±30° plume north. Severe: half the 300 m circle in T-W = 0.141 km² → 4; evacuate: half the
  // 1.5 km sector minus the circle = 0.565 km² → 14; the village 1 km north is in it, the one south is not.
  goldenFixtures('zonePopulation', (input) => {
    const p = input.properties;
    const zones = incidentZones(p.center, { type: p.type, radiiM: p.radiiM, windFromDeg: p.windFromDeg, windSpeedMs: p.windSpeedMs, incident: domainDefaults.incident });
    const byType = (t: string) => ({ type: 'FeatureCollection' as const, features: input.features.filter((f: any) => f.geometry.type === t || (t === 'Polygon' && f.geometry.type === 'MultiPolygon')) });
    return zonePopulation(zones, byType('Point') as never, byType('Polygon') as never);
  });
});
