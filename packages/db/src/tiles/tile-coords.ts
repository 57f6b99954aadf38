/** A web-mercator (XYZ, EPSG:3857) tile address. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Tile extent in MVT units and the clip buffer around it (the same on both tile paths). */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

/** The highest zoom level tiles are served for. */
export const MAX_TILE_ZOOM = 22;

/**
 * Whether z/x/y names a tile that exists (0 ≤ z ≤ MAX_TILE_ZOOM, 0 ≤ x, y < 2^z).
 * @example isTileAddress({ z: 1, x: 1, y: 0 }) // true
 */
export function isTileAddress(t: TileAddress): boolean {
  const n = 2 ** t.z;
  return [t.z, t.x, t.y].every(Number.isInteger) && t.z >= 0 && t.z <= MAX_TILE_ZOOM && t.x >= 0 && t.x < n && t.y >= 0 && t.y < n;
}

/**
 * The lon/lat box [minLon, minLat, maxLon, maxLat] of a tile, grown by `marginFraction` of its width on every side.
 * @example tileLonLatBox({ z: 0, x: 0, y: 0 }) // [-180, -85.0511…, 180, 85.0511…]
 */
export function tileLonLatBox(t: TileAddress, marginFraction = 0): [number, number, number, number] {
  const n = 2 ** t.z;
  const lon = (x: number) => Math.max(-180, Math.min(180, (x / n) * 360 - 180));
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * Math.max(0, Math.min(n, y))) / n))) * 180) / Math.PI;
  return [lon(t.x - marginFraction), lat(t.y + 1 + marginFraction), lon(t.x + 1 + marginFraction), lat(t.y - marginFraction)];
}
