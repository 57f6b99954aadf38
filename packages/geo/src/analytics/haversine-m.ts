import { EARTH_RADIUS_M } from './local-metric-projection.js';

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two lon/lat points (the same formula and radius as
 * turf.distance, without allocating features).
 * @example haversineM(115.8, 36.1, 115.8, 36.11) // → ≈ 1111.95
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD);
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}
