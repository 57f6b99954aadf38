import { gcj02Forward, outsideChina } from './china-offsets.js';

/**
 * Converts a [lon, lat] in degrees from WGS84 to GCJ-02 (Amap/Tencent); outside China the input comes back unchanged.
 * @example wgs84ToGcj02([116.404, 39.915]) // → [116.41024449916938, 39.91640428150164]
 */
export function wgs84ToGcj02(lonLat: readonly [number, number] | readonly number[]): [number, number] {
  const lon = lonLat[0]!;
  const lat = lonLat[1]!;
  if (outsideChina(lon, lat)) return [lon, lat];
  return gcj02Forward(lon, lat);
}
