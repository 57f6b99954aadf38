import { bd09Forward, gcj02Forward, outsideChina } from './china-offsets.js';

/**
 * Converts a [lon, lat] in degrees from WGS84 to BD-09 (Baidu), through GCJ-02; outside China the input comes back unchanged.
 * @example wgs84ToBd09([116.404, 39.915]) // → [116.41662724378733, 39.922699552216216]
 */
export function wgs84ToBd09(lonLat: readonly [number, number] | readonly number[]): [number, number] {
  const lon = lonLat[0]!;
  const lat = lonLat[1]!;
  if (outsideChina(lon, lat)) return [lon, lat];
  return bd09Forward(...gcj02Forward(lon, lat));
}
