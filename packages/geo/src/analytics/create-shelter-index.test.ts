import { domainDefaults } from '@riskmap/config';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { ShelterStatus } from '../model.js';
import { createShelterIndex } from './create-shelter-index.js';

const shelter = (code: string, lon: number, lat: number, status: ShelterStatus = 'open') => ({
  type: 'Feature' as const,
  properties: { code, name: code, shelterClass: 'emergency' as const, status, capacity: 500, facilities: ['water'] },
  geometry: { type: 'Point' as const, coordinates: [lon, lat] },
});
type S = ReturnType<typeof shelter>;
const fc = (...features: S[]): FeatureCollection<Point, S['properties']> => ({ type: 'FeatureCollection', features });
const county: Feature<Polygon> = turf.bboxPolygon([115.7, 36.0, 115.9, 36.2]);
let seed = 5;
const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

describe('createShelterIndex', () => {
  it('returns the k nearest usable shelters, nearest first', () => {
    const index = createShelterIndex(fc(shelter('far', 115.8, 36.2), shelter('near', 115.8, 36.101), shelter('mid', 115.8, 36.11)), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest });
    expect(index.nearest([115.8, 36.1], 2).shelters.map((s) => s.code)).toEqual(['near', 'mid']);
  });
  it('gives geodesic distance and walking time (0.0045° north = 500.4 m = 10.0 min at 50 m/min)', () => {
    const s = createShelterIndex(fc(shelter('a', 115.8, 36.1045)), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }).nearest([115.8, 36.1], 1).shelters[0]!;
    expect([s.distanceM, s.walkMinutes]).toEqual([500.4, 10]);
  });
  it('carries capacity, class and facilities', () => {
    expect(createShelterIndex(fc(shelter('a', 115.8, 36.1)), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }).nearest([115.8, 36.1], 1).shelters[0]).toMatchObject({ capacity: 500, shelterClass: 'emergency', facilities: ['water'] });
  });
  it('leaves out planned and closed shelters', () => {
    const index = createShelterIndex(fc(shelter('p', 115.8, 36.1, 'planned'), shelter('c', 115.8, 36.1, 'closed'), shelter('o', 115.9, 36.1)), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest });
    expect(index.nearest([115.8, 36.1], 3).shelters.map((s) => s.code)).toEqual(['o']);
  });
  it('agrees with sorting every shelter by turf.distance for 300 random queries', () => {
    const shelters = fc(...Array.from({ length: 400 }, (_, i) => shelter(`s${i}`, 115.7 + rnd() * 0.2, 36 + rnd() * 0.2)));
    const index = createShelterIndex(shelters, { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest });
    let disagreements = 0;
    for (let q = 0; q < 300; q++) {
      const p: [number, number] = [115.65 + rnd() * 0.3, 35.95 + rnd() * 0.3];
      const expected = [...shelters.features].sort((a, b) => turf.distance(p, a.geometry.coordinates) - turf.distance(p, b.geometry.coordinates)).slice(0, 5).map((s) => s.properties.code);
      if (index.nearest(p, 5).shelters.map((s) => s.code).join() !== expected.join()) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
  it('answers a point far outside the county and flags it (about 78 km east)', () => {
    const r = createShelterIndex(fc(shelter('a', 115.8, 36.1)), { county, shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }).nearest([116.77, 36.1], 1);
    expect([r.shelters.length, r.farFromCounty, Math.round(r.distanceToCountyM / 1000)]).toEqual([1, true, 78]);
  });
  it('does not flag a point inside the county', () => {
    expect(createShelterIndex(fc(shelter('a', 115.8, 36.1)), { county, shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }).nearest([115.75, 36.05], 1)).toMatchObject({ farFromCounty: false, distanceToCountyM: 0 });
  });
  it('rejects k = 0 and k above maxK naming the field k', () => {
    const index = createShelterIndex(fc(shelter('a', 115.8, 36.1)), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest });
    expect([() => index.nearest([115.8, 36.1], 0), () => index.nearest([115.8, 36.1], 51)].map((f) => { try { f(); return null; } catch (e) { return (e as { field: string }).field; } })).toEqual(['k', 'k']);
  });
  it('rejects a latitude of 95 naming the field lat', () => {
    expect(() => createShelterIndex(fc(), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }).nearest([115, 95])).toThrow(expect.objectContaining({ field: 'lat' }));
  });
  it('returns no shelters when none is usable', () => {
    expect(createShelterIndex(fc(), { shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }).nearest([115.8, 36.1]).shelters).toEqual([]);
  });
});

goldenFixtures('createShelterIndex', (input: { shelters: FeatureCollection<Point, S['properties']>; county: Feature<Polygon>; properties: { queries: [number, number][]; k: number } }) => {
  const index = createShelterIndex(input.shelters, { county: input.county, shelters: domainDefaults.shelters, nearest: domainDefaults.nearest });
  return input.properties.queries.map((q) => index.nearest(q, input.properties.k));
});
