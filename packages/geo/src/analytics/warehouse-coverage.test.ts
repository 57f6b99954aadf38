import { domainDefaults } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { WarehouseProps } from '../model.js';
import type { DemandInput } from './coverage-by-reach.js';
import { warehouseCoverage } from './warehouse-coverage.js';

// At 45 km/h (750 m/min) and detour 1.3: park 20 min = 15,000 m by road = 11,538 m straight;
// township 30 min = 17,308 m straight; county 60 min = 34,615 m straight. 0.01° of latitude = 1,111.95 m.
const demand = (code: string, dLat: number, population = 100, townshipCode = 'T') => ({
  type: 'Feature' as const, properties: { code, townshipCode, population }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1 + dLat] },
});
const warehouse = (code: string, level: WarehouseProps['level'], dLat = 0) => ({
  type: 'Feature' as const, properties: { code, name: code, level }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1 + dLat] },
});
const fc = <P>(...features: { type: 'Feature'; properties: P; geometry: Point }[]): FeatureCollection<Point, P> => ({ type: 'FeatureCollection', features });

describe('warehouseCoverage', () => {
  it('reaches 11,120 m straight-line (14,455 m by road) but not 11,675 m (15,178 m by road) from a park warehouse in 20 minutes', () => {
    const r = warehouseCoverage(fc<DemandInput>(demand('in', 0.1), demand('out', -0.105)), fc(warehouse('W', 'park')), { warehouses: domainDefaults.warehouses });
    expect(r.uncovered.features.map((f) => f.properties.code)).toEqual(['out']);
    expect(r.facilities[0]).toMatchObject({ reachM: 15_000, servedPopulation: 100, servedDemandPoints: 1 });
  });
  it('gives each level its own reach: township 17,308 m, county 34,615 m straight-line', () => {
    const points = fc<DemandInput>(demand('a', 0.155), demand('b', 0.157), demand('c', 0.31), demand('d', 0.312));
    expect(warehouseCoverage(points, fc(warehouse('W', 'township')), { warehouses: domainDefaults.warehouses }).uncovered.features.map((f) => f.properties.code)).toEqual(['b', 'c', 'd']);
    expect(warehouseCoverage(points, fc(warehouse('W', 'county')), { warehouses: domainDefaults.warehouses }).uncovered.features.map((f) => f.properties.code)).toEqual(['d']);
  });
  it('balances the population per township and serves each point from its nearest warehouse in reach', () => {
    const r = warehouseCoverage(
      fc<DemandInput>(demand('a', 0.01, 300, 'A'), demand('b', 0.2, 200, 'A'), demand('c', 0.5, 50, 'B')),
      fc(warehouse('FAR', 'county', 0.3), warehouse('NEAR', 'park')), { warehouses: domainDefaults.warehouses },
    );
    expect(r.townships).toEqual([
      { townshipCode: 'A', population: 500, coveredPopulation: 500, uncoveredPopulation: 0, coveredShare: 1 },
      { townshipCode: 'B', population: 50, coveredPopulation: 50, uncoveredPopulation: 0, coveredShare: 1 },
    ]);
    expect(r.facilities.map((f) => [f.code, f.servedPopulation])).toEqual([['FAR', 250], ['NEAR', 300]]);
  });
  it('uses configured reach minutes and a given speed', () => {
    const r = warehouseCoverage(fc<DemandInput>(), fc(warehouse('W', 'park')), { speedKmh: 60, warehouses: { reachMinutes: { county: 60, township: 30, park: 10 }, speedKmh: 45, detourFactor: 1.3 } });
    expect(r.facilities[0]!.reachM).toBe(10_000);
  });
  it('says the impedance is straight line × detour factor at the configured speed', () => {
    expect(warehouseCoverage(fc<DemandInput>(), fc(), { warehouses: domainDefaults.warehouses }).impedance).toEqual({
      method: 'straight-line-detour', mode: 'driving', detourFactor: 1.3, speedKmh: 45, reachMinutesByLevel: { county: 60, township: 30, park: 20 },
    });
  });
  it('rejects an unknown level and a zero speed naming the field', () => {
    expect(() => warehouseCoverage(fc<DemandInput>(), fc(warehouse('W', 'city' as never)), { warehouses: domainDefaults.warehouses })).toThrow(expect.objectContaining({ field: 'warehouses[0].level' }));
    expect(() => warehouseCoverage(fc<DemandInput>(), fc(), { speedKmh: 0, warehouses: domainDefaults.warehouses })).toThrow(expect.objectContaining({ field: 'speedKmh' }));
  });
});

goldenFixtures('warehouseCoverage', (input: { demandPoints: FeatureCollection<Point, DemandInput>; warehouses: FeatureCollection<Point, never>; properties: Record<string, unknown> }) =>
  warehouseCoverage(input.demandPoints, input.warehouses, { ...input.properties, warehouses: domainDefaults.warehouses }),
);
