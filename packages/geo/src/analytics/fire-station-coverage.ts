import type { DomainConfig } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import type { FireStationProps } from '../model.js';
import { coverageByReach, type CoverageResult, type DemandInput } from './coverage-by-reach.js';
import { facilityReach, type CoverageRule } from './facility-reach.js';

export interface DrivingImpedance {
  method: 'straight-line-detour';
  mode: 'driving';
  detourFactor: number;
  responseMinutes: number;
  rule: Extract<CoverageRule, { facility: 'fire-station' }>;
  /** Speed used per station (km/h): options.speedKmh, else urban/rural by the station's township. */
  speedKmhByStation: Record<string, number>;
  turnoutMinutesByStation: Record<string, number>;
}

type StationInput = Pick<FireStationProps, 'code' | 'name' | 'turnoutMinutes' | 'townshipCode'>;

/**
 * Five-minute reach of fire stations: covered when turnout (each station's own) + driving time
 * (geodesic metres × detourFactor at the urban/rural speed) ≤ responseMinutes, there being no road
 * network; population covered per township, uncovered points, and the population each station serves.
 * @example fireStationCoverage(demandPoints, stations, { urbanTownshipCodes: ['371521001'], fireStations: config.fireStations }).impedance.method // → 'straight-line-detour'
 */
export function fireStationCoverage(
  demandPoints: FeatureCollection<Point, DemandInput>,
  stations: FeatureCollection<Point, StationInput>,
  options: { speedKmh?: number; minutes?: number; urbanTownshipCodes?: readonly string[]; detourFactor?: number; fireStations: DomainConfig['fireStations'] },
): CoverageResult<DrivingImpedance> {
  const cfg = options.fireStations;
  const detourFactor = options.detourFactor ?? cfg.detourFactor;
  if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new InputError(`detourFactor must be ≥ 1; got ${String(detourFactor)}`, 'detourFactor');
  if (options.speedKmh !== undefined && !(Number.isFinite(options.speedKmh) && options.speedKmh > 0)) {
    throw new InputError(`speedKmh must be > 0 km/h; got ${String(options.speedKmh)}`, 'speedKmh');
  }
  const rule: Extract<CoverageRule, { facility: 'fire-station' }> = {
    facility: 'fire-station',
    basis: 'response-time',
    ...(options.minutes !== undefined ? { minutes: options.minutes } : {}),
    ...(options.speedKmh !== undefined ? { speedKmh: options.speedKmh } : {}),
  };
  const slice = { fireStations: cfg };
  const ctx = options.urbanTownshipCodes ? { urbanTownshipCodes: options.urbanTownshipCodes } : {};
  const speedKmhByStation: Record<string, number> = {};
  const turnoutMinutesByStation: Record<string, number> = {};
  const facilities = stations.features.map((s, i) => {
    const p = s.properties;
    const r = facilityReach({ turnoutMinutes: p.turnoutMinutes, townshipCode: p.townshipCode }, rule, slice, { ...ctx, field: `stations[${i}]` });
    speedKmhByStation[p.code] = r.speedKmh!;
    turnoutMinutesByStation[p.code] = r.turnoutMinutes!;
    const [lon, lat] = s.geometry.coordinates as [number, number];
    return { code: p.code, name: p.name, lon, lat, reachM: r.reachM };
  });
  const impedance: DrivingImpedance = {
    method: 'straight-line-detour', mode: 'driving', detourFactor, responseMinutes: options.minutes ?? cfg.responseMinutes, rule, speedKmhByStation, turnoutMinutesByStation,
  };
  return coverageByReach(demandPoints, facilities, detourFactor, impedance);
}
