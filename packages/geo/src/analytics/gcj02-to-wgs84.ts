import { gcj02Forward, invertTransform, outsideChina } from './china-offsets.js';

/**
 * Converts a [lon, lat] in degrees from GCJ-02 (Amap/Tencent) to WGS84 by iterating the forward formula (round trip < 1 mm); outside China the input comes back unchanged.
 * @example gcj02ToWgs84([116.41024449916938, 39.91640428150164]) // → [116.404, 39.915]
 */
export function gcj02ToWgs84(lonLat: readonly [number, number] | readonly number[]): [number, number] {
  const lon = lonLat[0]!;
  const lat = lonLat[1]!;
  if (outsideChina(lon, lat)) return [lon, lat];
  return invertTransform(gcj02Forward, lon, lat);
}
