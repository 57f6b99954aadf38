import { domainDefaults } from '@riskmap/config';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { ShelterStatus } from '../model.js';
import { shelterAreaPerCapita } from './shelter-area-per-capita.js';

type T = { code: string; name: string; population: number; isUrban: boolean };
const township = (code: string, lon0: number, population: number, isUrban: boolean): Feature<MultiPolygon, T> => ({
  type: 'Feature', properties: { code, name: code, population, isUrban },
  geometry: { type: 'MultiPolygon', coordinates: [[[[lon0, 36], [lon0 + 0.1, 36], [lon0 + 0.1, 36.1], [lon0, 36.1], [lon0, 36]]]] },
});
const townships: FeatureCollection<MultiPolygon, T> = {
  type: 'FeatureCollection', features: [township('U1', 115.6, 10_000, true), township('U2', 115.7, 30_000, true), township('R1', 115.8, 20_000, false)],
};
let n = 0;
const shelter = (townshipCode: string | null, effectiveAreaM2: number, status: ShelterStatus = 'open', capacity = 0, lon = 115.65) => ({
  type: 'Feature' as const, properties: { code: `S${n++}`, effectiveAreaM2, capacity, status, townshipCode }, geometry: { type: 'Point' as const, coordinates: [lon, 36.05] },
});
const fc = <G extends Point, P>(...features: Feature<G, P>[]): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features });

describe('shelterAreaPerCapita', () => {
  it('divides the effective area of a township by its residents', () => {
    expect(shelterAreaPerCapita(townships, fc(shelter('U1', 15_000), shelter('U1', 5_000, 'built')), { shelters: domainDefaults.shelters }).townships[0]!.perCapitaM2).toBe(2);
  });
  it('counts only built and open shelters, not planned or closed ones', () => {
    const r = shelterAreaPerCapita(townships, fc(shelter('U1', 1_000), shelter('U1', 9_000, 'planned'), shelter('U1', 9_000, 'closed')), { shelters: domainDefaults.shelters });
    expect(r.townships[0]!.effectiveAreaM2).toBe(1_000);
  });
  it('counts planned shelters when includePlanned is set', () => {
    expect(shelterAreaPerCapita(townships, fc(shelter('U1', 1_000), shelter('U1', 9_000, 'planned')), { includePlanned: true, shelters: domainDefaults.shelters }).townships[0]!.effectiveAreaM2).toBe(10_000);
  });
  it('reports the shortfall to 2.5 m² per person', () => {
    // 10,000 people × 2.5 = 25,000 m²; 20,000 present → 5,000 short.
    expect(shelterAreaPerCapita(townships, fc(shelter('U1', 20_000)), { shelters: domainDefaults.shelters }).townships[0]).toMatchObject({ meetsTarget: false, shortfallM2: 5_000 });
  });
  it('meets the target at exactly 2.5 m² per person', () => {
    expect(shelterAreaPerCapita(townships, fc(shelter('U1', 25_000)), { shelters: domainDefaults.shelters }).townships[0]).toMatchObject({ meetsTarget: true, shortfallM2: 0 });
  });
  it('combines the urban townships into the county-town row, the one the target applies to', () => {
    const r = shelterAreaPerCapita(townships, fc(shelter('U1', 40_000), shelter('U2', 40_000), shelter('R1', 100_000)), { shelters: domainDefaults.shelters });
    expect(r.countyTown).toMatchObject({ population: 40_000, effectiveAreaM2: 80_000, perCapitaM2: 2, targetApplies: true });
  });
  it('adds a county row over all townships', () => {
    const r = shelterAreaPerCapita(townships, fc(shelter('U1', 40_000), shelter('R1', 110_000)), { shelters: domainDefaults.shelters });
    expect(r.county).toMatchObject({ population: 60_000, perCapitaM2: 2.5, meetsTarget: true, targetApplies: false });
  });
  it('checks capacity against 15 % of the population', () => {
    const r = shelterAreaPerCapita(townships, fc(shelter('R1', 0, 'open', 2_999)), { shelters: domainDefaults.shelters });
    expect(r.townships[2]).toMatchObject({ capacity: 2_999, capacityRequired: 3_000, meetsCapacity: false });
  });
  it('places a shelter without a township code by its position', () => {
    expect(shelterAreaPerCapita(townships, fc(shelter(null, 7_000, 'open', 0, 115.85)), { shelters: domainDefaults.shelters }).townships[2]!.effectiveAreaM2).toBe(7_000);
  });
  it('lists a shelter in no township as unassigned', () => {
    const s = shelter(null, 7_000, 'open', 0, 117);
    expect(shelterAreaPerCapita(townships, fc(s), { shelters: domainDefaults.shelters }).unassignedShelters).toEqual([s.properties.code]);
  });
  it('says the figures use effective area', () => {
    expect(shelterAreaPerCapita(townships, fc(), { shelters: domainDefaults.shelters }).areaBasis).toBe('effective');
  });
  it('gives no per-capita figure for a township with no residents', () => {
    const empty = { ...townships, features: [township('X', 115.6, 0, false)] };
    expect(shelterAreaPerCapita(empty, fc(shelter('X', 100)), { shelters: domainDefaults.shelters }).townships[0]).toMatchObject({ perCapitaM2: null, meetsTarget: null });
  });
  it('rejects a negative effective area naming the shelter row', () => {
    expect(() => shelterAreaPerCapita(townships, fc(shelter('U1', -1)), { shelters: domainDefaults.shelters })).toThrow(expect.objectContaining({ field: 'shelters[0].effectiveAreaM2' }));
  });
  it('rejects a zero target', () => {
    expect(() => shelterAreaPerCapita(townships, fc(), { targetM2: 0, shelters: domainDefaults.shelters })).toThrow(expect.objectContaining({ field: 'targetM2' }));
  });
});

goldenFixtures('shelterAreaPerCapita', (input: { townships: typeof townships; shelters: FeatureCollection<Point, never>; properties: Record<string, unknown> }) =>
  shelterAreaPerCapita(input.townships, input.shelters, { ...input.properties, shelters: domainDefaults.shelters }),
);
