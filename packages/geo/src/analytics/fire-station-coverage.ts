import { domainDefaults, type DomainConfig } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import type { FireStationProps } from '../model.js';
import { coverageByReach, type CoverageResult, type DemandInput } from './coverage-by-reach.js';

export interface DrivingImpedance {
  method: 'straight-line-detour';
  mode: 'driving';
  detourFactor: number;
  responseMinutes: number;
  /** Speed used per station (km/h): options.speedKmh, else urban/rural by the station's township. */
  speedKmhByStation: Record<string, number>;
  turnoutMinutesByStation: Record<string, number>;
}

type StationInput = Pick<FireStationProps, 'code' | 'name' | 'turnoutMinutes' | 'townshipCode'>;

/**
 * Five-minute reach of fire stations: covered when turnout + driving time (geodesic metres ×
 * detourFactor at the speed) ≤ responseMinutes, there being no road network; population covered
 * per township, uncovered points, and the population each station serves.
 * @example fireStationCoverage(demandPoints, stations, { urbanTownshipCodes: ['371521001'] }).impedance.method // → 'straight-line-detour'
 */
export function fireStationCoverage(
  demandPoints: FeatureCollection<Point, DemandInput>,
  stations: FeatureCollection<Point, StationInput>,
  options: { speedKmh?: number; urbanTownshipCodes?: readonly string[]; detourFactor?: number; fireStations?: DomainConfig['fireStations'] } = {},
): CoverageResult<DrivingImpedance> {
  const cfg = options.fireStations ?? domainDefaults.fireStations;
  const detourFactor = options.detourFactor ?? cfg.detourFactor;
  if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new InputError(`detourFactor must be ≥ 1; got ${String(detourFactor)}`, 'detourFactor');
  if (options.speedKmh !== undefined && !(Number.isFinite(options.speedKmh) && options.speedKmh > 0)) {
    throw new InputError(`speedKmh must be > 0 km/h; got ${String(options.speedKmh)}`, 'speedKmh');
  }
  const urban = new Set(options.urbanTownshipCodes ?? []);
  const speedKmhByStation: Record<string, number> = {};
  const turnoutMinutesByStation: Record<string, number> = {};
  const facilities = stations.features.map((s) => {
    const p = s.properties;
    // Without a list of urban townships, use the (slower, so stricter) urban speed.
    const speedKmh = options.speedKmh ?? (options.urbanTownshipCodes && !(p.townshipCode && urban.has(p.townshipCode)) ? cfg.speedKmh.rural : cfg.speedKmh.urban);
    const turnout = Number.isFinite(p.turnoutMinutes) && p.turnoutMinutes >= 0 ? p.turnoutMinutes : cfg.turnoutMinutes;
    speedKmhByStation[p.code] = speedKmh;
    turnoutMinutesByStation[p.code] = turnout;
    const drivingMin = Math.max(0, cfg.responseMinutes - turnout);
    const [lon, lat] = s.geometry.coordinates as [number, number];
    return { code: p.code, name: p.name, lon, lat, reachM: (drivingMin * speedKmh * 1000) / 60 };
  });
  const impedance: DrivingImpedance = {
    method: 'straight-line-detour', mode: 'driving', detourFactor, responseMinutes: cfg.responseMinutes, speedKmhByStation, turnoutMinutesByStation,
  };
  return coverageByReach(demandPoints, facilities, detourFactor, impedance);
}
