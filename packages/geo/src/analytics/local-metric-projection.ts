/** Earth radius used by turf.distance / turf.area (m), so our metres agree with turf's. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface LocalMetricProjection {
  lon0: number;
  lat0: number;
  /** [lon, lat] → [x, y] metres east / north of the origin. */
  toXY(lon: number, lat: number): [number, number];
  /** [x, y] metres → [lon, lat]. */
  toLonLat(x: number, y: number): [number, number];
  /** Metres per degree of longitude / latitude at the origin. */
  mPerDegLon: number;
  mPerDegLat: number;
}

/**
 * A local equirectangular projection in metres around (lon0, lat0): exact north–south, east–west
 * scale cos(lat)/cos(lat0), i.e. within ±0.5 % over ±0.35° of latitude (a county). Being linear in
 * lon/lat, straight GeoJSON edges stay straight. Never Web Mercator.
 * @example localMetricProjection(115.8, 36.1).toXY(115.8, 36.1018) // → [0, ≈200.2]
 */
export function localMetricProjection(lon0: number, lat0: number): LocalMetricProjection {
  const mPerDegLat = EARTH_RADIUS_M * RAD;
  const mPerDegLon = mPerDegLat * Math.cos(lat0 * RAD);
  return {
    lon0,
    lat0,
    mPerDegLon,
    mPerDegLat,
    toXY: (lon, lat) => [(lon - lon0) * mPerDegLon, (lat - lat0) * mPerDegLat],
    toLonLat: (x, y) => [lon0 + x / mPerDegLon, lat0 + y / mPerDegLat],
  };
}
