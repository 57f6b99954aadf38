import { domainDefaults } from '@riskmap/config';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { InputError } from '../input-error.js';
import { incidentZones } from './incident-zones.js';
import { zoneLocator } from './zone-locator.js';

const at: [number, number] = [115.8, 36.1];
/** Degrees of latitude per metre (turf's sphere): 1 km north = +0.0089932°. */
const DEG_PER_M = 1 / 111_195.08;
const north = (m: number): [number, number] => [at[0], at[1] + m * DEG_PER_M];
const east = (m: number): [number, number] => [at[0] + (m * DEG_PER_M) / Math.cos((at[1] * Math.PI) / 180), at[1]];

describe('incidentZones', () => {
  it('draws nested circles with the configured fire radii (100, 300, 1000 m) by default', () => {
    const zones = incidentZones(at, { type: 'fire', incident: domainDefaults.incident });
    expect(zones.features.map((z) => [z.properties.key, z.properties.radiusM, z.properties.shape])).toEqual([
      ['severe', 100, 'circle'], ['evacuate', 300, 'circle'], ['shelter-in-place', 1000, 'circle'],
    ]);
  });

  it('marks the severe and evacuate zones for evacuation and the outer one for sheltering in place', () => {
    expect(incidentZones(at, { type: 'explosion', incident: domainDefaults.incident }).features.map((z) => z.properties.evacuate)).toEqual([true, true, false]);
  });

  it('points the plume south when the wind blows from the north', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 0, windSpeedMs: 3, incident: domainDefaults.incident });
    expect(zones.features[1]!.properties.bearingDeg).toBe(180);
    const locate = zoneLocator(zones);
    expect(locate(...north(-1000))).toBe(1);
    expect(locate(...north(1000))).toBe(-1);
  });

  it('points the plume north-east when the wind blows from the south-west', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 225, windSpeedMs: 6, incident: domainDefaults.incident });
    const locate = zoneLocator(zones);
    expect(zones.features[2]!.properties.bearingDeg).toBe(45);
    expect(locate(at[0] + 0.02, at[1] + 0.016)).toBe(2); // ≈ 2.5 km to the north-east
    expect(locate(at[0] - 0.02, at[1] - 0.016)).toBe(-1);
  });

  it('keeps the first zone a circle all round, because the wind may shift', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 0, windSpeedMs: 3, incident: domainDefaults.incident });
    expect(zones.features[0]!.properties.shape).toBe('circle');
    expect(zoneLocator(zones)(...north(250))).toBe(0);
  });

  it('bounds the sector by its half-angle (30° at 3 m/s): 25° off the axis is inside, 35° is not', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 0, windSpeedMs: 3, incident: domainDefaults.incident });
    const locate = zoneLocator(zones);
    const off = (deg: number): [number, number] => {
      const r = (deg * Math.PI) / 180;
      return [east(1000 * Math.sin(r))[0], north(-1000 * Math.cos(r))[1]];
    };
    expect(locate(...off(25))).toBe(1);
    expect(locate(...off(35))).toBe(-1);
  });

  it('gives the gas arrival time at each zone edge from the wind speed (1500 m at 2.5 m/s = 10 min)', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 90, windSpeedMs: 2.5, incident: domainDefaults.incident });
    expect(zones.features[1]!.properties.arrivalMinutes).toBe(10);
  });

  it('falls back to circles in calm wind (below 0.5 m/s)', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 90, windSpeedMs: 0.2, incident: domainDefaults.incident });
    expect(zones.features.every((z) => z.properties.shape === 'circle')).toBe(true);
  });

  it('ignores the wind for fires', () => {
    expect(incidentZones(at, { type: 'fire', windFromDeg: 90, windSpeedMs: 5, incident: domainDefaults.incident }).features.every((z) => z.properties.shape === 'circle')).toBe(true);
  });

  it('makes a single-radius release a pure downwind sector from the source', () => {
    const zones = incidentZones(at, { type: 'toxic-release', radiiM: [2000], windFromDeg: 0, windSpeedMs: 3, incident: domainDefaults.incident });
    expect(zones.features[0]!.properties).toMatchObject({ key: 'severe', shape: 'plume', roundRadiusM: 0 });
    expect(zoneLocator(zones)(...north(100))).toBe(-1);
  });

  it('draws closed counter-clockwise rings that agree with the exact membership away from the edge', () => {
    const zones = incidentZones(at, { type: 'toxic-release', windFromDeg: 300, windSpeedMs: 1, incident: domainDefaults.incident });
    const locate = zoneLocator(zones);
    for (const z of zones.features) {
      const ring = z.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(turf.booleanClockwise(ring)).toBe(false);
    }
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const p: [number, number] = [at[0] + ((i * 37) % 100) / 1000 - 0.05, at[1] + ((i * 61) % 100) / 1000 - 0.05];
      const inOuter = turf.booleanPointInPolygon(p, zones.features[2]!);
      const d = turf.distance(at, p, { units: 'meters' });
      if (Math.abs(d - 5000) < 50 || Math.abs(d - 300) < 20) continue;
      expect(locate(...p) >= 0).toBe(inOuter);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it.each([
    [{ radiiM: [300, 200] }, 'radiiM'],
    [{ radiiM: [100, 200, 300, 400] }, 'radiiM'],
    [{ radiiM: [-5] }, 'radiiM'],
    [{ radiiM: [60_000] }, 'radiiM'],
    [{ windFromDeg: 400 }, 'windFromDeg'],
    [{ windFromDeg: 10, windSpeedMs: -1 }, 'windSpeedMs'],
  ])('rejects %j naming %s', (bad, field) => {
    let error: unknown;
    try {
      incidentZones(at, { type: 'toxic-release', ...bad, incident: domainDefaults.incident });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
  });

  it('rejects an unknown scenario type naming type', () => {
    expect(() => incidentZones(at, { type: 'flood' as never, incident: domainDefaults.incident })).toThrow(/type must be one of/);
  });

  it('rejects a location off the globe naming location', () => {
    expect(() => incidentZones([200, 36], { type: 'fire', incident: domainDefaults.incident })).toThrow(InputError);
  });

  goldenFixtures('incidentZones', (input) => {
    const p = input.properties;
    return incidentZones(input.geometry.coordinates, { type: p.type, radiiM: p.radiiM, windFromDeg: p.windFromDeg, windSpeedMs: p.windSpeedMs, stepsPerCircle: p.stepsPerCircle, incident: domainDefaults.incident });
  });
});
