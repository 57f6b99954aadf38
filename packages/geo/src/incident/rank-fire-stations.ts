import type { DomainConfig } from '@riskmap/config';
import type { FeatureCollection, Point } from 'geojson';
import { haversineM } from '../analytics/haversine-m.js';
import { featureKey } from './feature-key.js';
import type { FeatureKey } from './types.js';

export interface FireStationInput {
  code?: string;
  name: string;
  stationType?: string;
  turnoutMinutes?: number | null;
  townshipCode?: string | null;
  vehicles?: number;
}

export interface FireStationEta {
  id: FeatureKey;
  code: string | null;
  name: string;
  stationType: string | null;
  vehicles: number | null;
  /** Geodesic metres to the incident. */
  distanceM: number;
  turnoutMinutes: number;
  speedKmh: number;
  /** turnout + distanceM × detourFactor ÷ speed, minutes to one decimal. */
  etaMinutes: number;
}

/**
 * Fire stations ranked by estimated arrival at the incident: turn-out minutes (the station's, else
 * the configured default) + straight-line metres × detourFactor at the urban or rural speed of the
 * station's township (urban without a township list: the slower, so safer, figure) — there being no
 * road network. Ties go to the nearer station; `limit` keeps the first few.
 * @example rankFireStations([115.8, 36.1], stations, { fireStations: config.domain.fireStations, limit: 3 })[0].etaMinutes
 */
export function rankFireStations(
  location: readonly [number, number],
  stations: FeatureCollection<Point, FireStationInput>,
  options: { urbanTownshipCodes?: readonly string[]; fireStations: Pick<DomainConfig['fireStations'], 'turnoutMinutes' | 'speedKmh' | 'detourFactor'>; limit?: number },
): FireStationEta[] {
  const cfg = options.fireStations;
  const urban = options.urbanTownshipCodes ? new Set(options.urbanTownshipCodes) : null;
  const ranked = stations.features.map((f): FireStationEta => {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const distanceM = haversineM(location[0], location[1], lon, lat);
    const speedKmh = urban && !(p.townshipCode && urban.has(p.townshipCode)) ? cfg.speedKmh.rural : cfg.speedKmh.urban;
    const turnout = Number(p.turnoutMinutes);
    const turnoutMinutes = p.turnoutMinutes !== null && p.turnoutMinutes !== undefined && Number.isFinite(turnout) && turnout >= 0 ? turnout : cfg.turnoutMinutes;
    const eta = turnoutMinutes + (distanceM * cfg.detourFactor) / ((speedKmh * 1000) / 60);
    return {
      id: featureKey(f), code: p.code ?? null, name: p.name, stationType: p.stationType ?? null, vehicles: p.vehicles ?? null,
      distanceM: Math.round(distanceM), turnoutMinutes, speedKmh, etaMinutes: Math.round(eta * 10) / 10,
    };
  });
  ranked.sort((a, b) => a.etaMinutes - b.etaMinutes || a.distanceM - b.distanceM);
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}
