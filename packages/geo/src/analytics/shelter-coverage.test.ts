import type { FeatureCollection, Point } from 'geojson';
import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { ShelterClass, ShelterStatus } from '../model.js';
import type { DemandInput } from './coverage-by-reach.js';
import { shelterCoverage } from './shelter-coverage.js';

// 0.001° of latitude = 111.2 m.
const demand = (code: string, dLat: number, population = 100, townshipCode = 'T1') => ({
  type: 'Feature' as const, properties: { code, townshipCode, population }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1 + dLat] },
});
const shelter = (code: string, dLat: number, shelterClass: ShelterClass = 'emergency', status: ShelterStatus = 'open') => ({
  type: 'Feature' as const, properties: { code, name: code, shelterClass, status }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1 + dLat] },
});
const fc = <P>(...features: { type: 'Feature'; properties: P; geometry: Point }[]): FeatureCollection<Point, P> => ({ type: 'FeatureCollection', features });

describe('shelterCoverage', () => {
  it('covers a village 445 m from an emergency shelter (radius 500 m) and not one 556 m away', () => {
    const r = shelterCoverage(fc<DemandInput>(demand('near', 0.004), demand('far', -0.005)), fc(shelter('S', 0)), { shelters: domainDefaults.shelters });
    expect([r.coveredPopulation, r.uncovered.features.map((f) => f.properties.code)]).toEqual([100, ['far']]);
  });
  it('uses the class radius: a short-term shelter reaches 1 km', () => {
    expect(shelterCoverage(fc<DemandInput>(demand('v', 0.008)), fc(shelter('S', 0, 'short-term')), { shelters: domainDefaults.shelters }).coveredPopulation).toBe(100);
  });
  it('lets the nearest shelter within reach serve a village', () => {
    const r = shelterCoverage(fc<DemandInput>(demand('v', 0.003, 250)), fc(shelter('A', 0), shelter('B', 0.004)), { shelters: domainDefaults.shelters });
    expect(r.facilities.map((f) => [f.code, f.servedPopulation])).toEqual([['A', 0], ['B', 250]]);
  });
  it('ignores planned shelters unless includePlanned is set', () => {
    const args = [fc<DemandInput>(demand('v', 0)), fc(shelter('S', 0, 'emergency', 'planned'))] as const;
    expect([shelterCoverage(...args, { shelters: domainDefaults.shelters }).coveredPopulation, shelterCoverage(...args, { includePlanned: true, shelters: domainDefaults.shelters }).coveredPopulation]).toEqual([0, 100]);
  });
  it('sums covered and uncovered population per township', () => {
    const r = shelterCoverage(fc<DemandInput>(demand('a', 0, 100, 'T1'), demand('b', 0.02, 300, 'T1'), demand('c', 0, 50, 'T2')), fc(shelter('S', 0)), { shelters: domainDefaults.shelters });
    expect(r.townships).toEqual([
      { townshipCode: 'T1', population: 400, coveredPopulation: 100, uncoveredPopulation: 300, coveredShare: 0.25 },
      { townshipCode: 'T2', population: 50, coveredPopulation: 50, uncoveredPopulation: 0, coveredShare: 1 },
    ]);
  });
  it('applies a walking detour factor and says so (445 m × 1.2 = 534 m > 500 m)', () => {
    const r = shelterCoverage(fc<DemandInput>(demand('v', 0.004)), fc(shelter('S', 0)), { detourFactor: 1.2, shelters: domainDefaults.shelters });
    expect([r.coveredPopulation, r.impedance.method]).toEqual([0, 'straight-line-detour']);
  });
  it('reports straight-line walking impedance by default', () => {
    expect(shelterCoverage(fc<DemandInput>(), fc(), { shelters: domainDefaults.shelters }).impedance).toMatchObject({ method: 'straight-line', mode: 'walking', detourFactor: 1 });
  });
  it('rejects an unknown shelter class naming the row', () => {
    expect(() => shelterCoverage(fc<DemandInput>(), fc(shelter('S', 0, 'huge' as ShelterClass)), { shelters: domainDefaults.shelters })).toThrow(expect.objectContaining({ field: 'shelters[0].shelterClass' }));
  });
});

goldenFixtures('shelterCoverage', (input: { demandPoints: FeatureCollection<Point, DemandInput>; shelters: FeatureCollection<Point, never>; properties: Record<string, unknown> }) =>
  shelterCoverage(input.demandPoints, input.shelters, { ...input.properties, shelters: domainDefaults.shelters }),
);
