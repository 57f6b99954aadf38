import { domainDefaults } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DemandInput } from './coverage-by-reach.js';
import { facilityReach } from './facility-reach.js';
import { shelterCoverage } from './shelter-coverage.js';

const cfg = { shelters: domainDefaults.shelters, fireStations: domainDefaults.fireStations };
const shelter = { facility: 'shelter', basis: 'class-radius' } as const;
const fire = { facility: 'fire-station', basis: 'response-time' } as const;

describe('facilityReach', () => {
  it('gives each shelter its class radius and a candidate the new-site class radius', () => {
    expect(facilityReach({ shelterClass: 'emergency' }, shelter, cfg).reachM).toBe(500);
    expect(facilityReach({ shelterClass: 'long-term' }, shelter, cfg).reachM).toBe(2_500);
    expect(facilityReach({}, shelter, cfg).reachM).toBe(1_000);
  });
  it('walks 10 minutes at the configured 50 m/min: 500 m, at 3 km/h, with the walking detour (not the driving one)', () => {
    expect(facilityReach({}, { facility: 'shelter', basis: 'walking-time', minutes: 10 }, cfg)).toMatchObject({ reachM: 500, speedKmh: 3, detourFactor: 1 });
  });
  it("takes each station's own turn-out off the 5-minute standard, urban 30 km/h, rural 45 km/h", () => {
    const urban = { urbanTownshipCodes: ['U'] };
    expect(facilityReach({ turnoutMinutes: 1, townshipCode: 'U' }, fire, cfg, urban)).toMatchObject({ reachM: 2_000, speedKmh: 30, turnoutMinutes: 1, detourFactor: 1.3 });
    expect(facilityReach({ turnoutMinutes: 2, townshipCode: 'R' }, fire, cfg, urban)).toMatchObject({ reachM: 2_250, speedKmh: 45, turnoutMinutes: 2 });
    expect(facilityReach({ townshipCode: 'R' }, fire, cfg, urban).turnoutMinutes).toBe(1);
    expect(facilityReach({ turnoutMinutes: 6 }, fire, cfg).reachM).toBe(0);
  });
  it('uses the configuration slice it is given, not the defaults', () => {
    const slow = { ...cfg, shelters: { ...cfg.shelters, walkingSpeedMPerMin: 40, walkingDetourFactor: 1.2 } };
    expect(facilityReach({}, { facility: 'shelter', basis: 'walking-time', minutes: 10 }, slow)).toMatchObject({ reachM: 400, detourFactor: 1.2 });
  });
  it('names the field of a shelter of unknown class, and of a zero time', () => {
    expect(() => facilityReach({ shelterClass: 'huge' }, shelter, cfg, { field: 'existing[3]' })).toThrow(expect.objectContaining({ field: 'existing[3].shelterClass' }));
    expect(() => facilityReach({}, { facility: 'shelter', basis: 'walking-time', minutes: 0 }, cfg)).toThrow(expect.objectContaining({ field: 'minutes' }));
  });
});

describe('risk-weighted coverage', () => {
  it('sums population × riskWeight next to the people counts', () => {
    const d = (code: string, dLat: number, riskWeight: number) => ({ type: 'Feature' as const, properties: { code, townshipCode: 'T', population: 100, riskWeight }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1 + dLat] } });
    const demand: FeatureCollection<Point, DemandInput> = { type: 'FeatureCollection', features: [d('a', 0, 8), d('b', 0.02, 1)] };
    const shelters = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { code: 'S', name: 'S', shelterClass: 'emergency' as const, status: 'open' as const }, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1] } }] };
    const r = shelterCoverage(demand, shelters, { shelters: domainDefaults.shelters });
    expect([r.coveredPopulation, r.coveredShare, r.weighted]).toEqual([100, 0.5, { totalWeight: 900, coveredWeight: 800, uncoveredWeight: 100, coveredShare: 0.8889 }]);
  });
});
