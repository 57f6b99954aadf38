import { bd09Forward, gcj02Forward, invertTransform, outsideChina } from './china-offsets.js';

/**
 * Converts a [lon, lat] in degrees from BD-09 (Baidu) to WGS84 by iterating both forward formulas (round trip < 1 mm); outside China the input comes back unchanged.
 * @example bd09ToWgs84([116.41662724378733, 39.922699552216216]) // → [116.404, 39.915]
 */
export function bd09ToWgs84(lonLat: readonly [number, number] | readonly number[]): [number, number] {
  const lon = lonLat[0]!;
  const lat = lonLat[1]!;
  if (outsideChina(lon, lat)) return [lon, lat];
  return invertTransform(gcj02Forward, ...invertTransform(bd09Forward, lon, lat));
}
