/** Small geometry helpers for the browser (kept here so the finder's first chunk stays tiny). */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

const R_EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. @example haversineM([115.78, 36.11], [115.79, 36.11]) ≈ 899 */
export function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * R_EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type BBox = [number, number, number, number];

/** Bounding box [minLon, minLat, maxLon, maxLat] of any geometries; null when empty. */
export function bboxOf(geoms: Iterable<Geometry | null | undefined>): BBox | null {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const p = c as Position;
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const g of geoms) {
    if (!g) continue;
    if (g.type === 'GeometryCollection') g.geometries.forEach((x) => visit('coordinates' in x ? x.coordinates : []));
    else visit(g.coordinates);
  }
  return Number.isFinite(b[0]) ? b : null;
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when [lon, lat] lies inside the (multi)polygon (holes respected). */
export function pointInPolygon(p: readonly [number, number], g: Polygon | MultiPolygon): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => rings.length > 0 && inRing(p[0], p[1], rings[0]!) && !rings.slice(1).some((h) => inRing(p[0], p[1], h)));
}

/** A representative point: the centre of the bounding box (good enough to place a label marker). */
export function bboxCentre(b: BBox): [number, number] {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** A seat stored either as [lon, lat] or as a GeoJSON Point; null when absent or malformed. */
export function seatLonLat(seat: unknown): [number, number] | null {
  if (Array.isArray(seat) && typeof seat[0] === 'number' && typeof seat[1] === 'number') return [seat[0], seat[1]];
  const c = (seat as { coordinates?: unknown } | null)?.coordinates;
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
}
