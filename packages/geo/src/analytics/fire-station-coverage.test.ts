import type { FeatureCollection, Point } from 'geojson';
import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { DemandInput } from './coverage-by-reach.js';
import { fireStationCoverage } from './fire-station-coverage.js';

// Reach at 30 km/h: (5 − 1) min × 500 m/min = 2,000 m of road = 1,538 m straight at detour 1.3.
const demand = (code: string, dLat: number, population = 100) => ({
  type: 'Feature' as const, properties: { code, townshipCode: 'T', population }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1 + dLat] },
});
const station = (code: string, turnoutMinutes = 1, townshipCode: string | null = 'U') => ({
  type: 'Feature' as const, properties: { code, name: code, turnoutMinutes, townshipCode }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1] },
});
const fc = <P>(...features: { type: 'Feature'; properties: P; geometry: Point }[]): FeatureCollection<Point, P> => ({ type: 'FeatureCollection', features });

describe('fireStationCoverage', () => {
  it('reaches 1,501 m straight-line (1,951 m by road) but not 1,557 m (2,024 m by road) in 5 minutes', () => {
    const r = fireStationCoverage(fc<DemandInput>(demand('in', 0.0135), demand('out', -0.014)), fc(station('F')), { fireStations: domainDefaults.fireStations });
    expect(r.uncovered.features.map((f) => f.properties.code)).toEqual(['out']);
  });
  it('shortens the reach by a longer turnout (2 min → 1,154 m straight)', () => {
    expect(fireStationCoverage(fc<DemandInput>(demand('v', 0.0108)), fc(station('F', 2)), { fireStations: domainDefaults.fireStations }).coveredPopulation).toBe(0);
  });
  it('drives at the rural speed from a station outside the urban townships (2,308 m straight)', () => {
    const r = fireStationCoverage(fc<DemandInput>(demand('v', 0.02)), fc(station('F', 1, 'R')), { urbanTownshipCodes: ['U'], fireStations: domainDefaults.fireStations });
    expect([r.coveredPopulation, r.impedance.speedKmhByStation]).toEqual([100, { F: 45 }]);
  });
  it('uses a speed it is given for every station', () => {
    expect(fireStationCoverage(fc<DemandInput>(), fc(station('F')), { speedKmh: 60, fireStations: domainDefaults.fireStations }).facilities[0]!.reachM).toBe(4000);
  });
  it('says the impedance is straight line × detour factor', () => {
    expect(fireStationCoverage(fc<DemandInput>(), fc(), { fireStations: domainDefaults.fireStations }).impedance).toMatchObject({ method: 'straight-line-detour', mode: 'driving', detourFactor: 1.3 });
  });
  it('rejects a zero speed naming the field', () => {
    expect(() => fireStationCoverage(fc<DemandInput>(), fc(), { speedKmh: 0, fireStations: domainDefaults.fireStations })).toThrow(expect.objectContaining({ field: 'speedKmh' }));
  });
});

goldenFixtures('fireStationCoverage', (input: { demandPoints: FeatureCollection<Point, DemandInput>; stations: FeatureCollection<Point, never>; properties: Record<string, unknown> }) =>
  fireStationCoverage(input.demandPoints, input.stations, { ...input.properties, fireStations: domainDefaults.fireStations }),
);
