import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { outsideChina } from './china-offsets.js';
import { distanceToPolygonM } from './distance-to-polygon-m.js';
import { findRingCrossings } from './find-ring-crossings.js';

export type GeometryProblem =
  | 'unsupported-type' | 'invalid-coordinates' | 'out-of-range' | 'swapped-lon-lat' | 'empty'
  | 'unclosed-ring' | 'degenerate' | 'self-intersection' | 'outside-county';

export type GeometryCheck = { valid: true } | { valid: false; code: GeometryProblem; reason: string };

const TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];
const fail = (code: GeometryProblem, reason: string): GeometryCheck => ({ valid: false, code, reason });

/**
 * Checks a lon/lat geometry a user supplied: coordinate ranges, lat/lon likely swapped (inside
 * China only when swapped), empty or degenerate rings and lines, rings that cross or touch themselves
 * or each other (findRingCrossings, O(n log n) and exact), and, given a county polygon, vertices
 * farther than `toleranceM` metres outside it.
 * @example validateGeometry({ type: 'Point', coordinates: [36.1, 115.8] }) // → { valid: false, code: 'swapped-lon-lat', reason: '…' }
 */
export function validateGeometry(
  geometry: Geometry | null | undefined,
  options: { county?: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon; toleranceM?: number } = {},
): GeometryCheck {
  if (!geometry || !TYPES.includes(geometry.type)) return fail('unsupported-type', `geometry type must be one of ${TYPES.join(', ')}`);
  const coordinates = (geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates;
  const positions: Position[] = [];
  const collect = (c: unknown, depth: number): boolean => {
    if (!Array.isArray(c)) return false;
    if (depth === 0) {
      positions.push(c as Position);
      return c.length >= 2 && c.every((v) => typeof v === 'number' && Number.isFinite(v));
    }
    return c.every((child) => collect(child, depth - 1));
  };
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[geometry.type as 'Point'];
  if (!collect(coordinates, depth)) return fail('invalid-coordinates', 'every position must be [longitude, latitude] with finite numbers');
  if (positions.length === 0) return fail('empty', 'the geometry has no coordinates');

  for (const [lon, lat] of positions as [number, number][]) {
    if (outsideChina(lon, lat) && !outsideChina(lat, lon)) {
      return fail('swapped-lon-lat', `[${lon}, ${lat}] looks like [latitude, longitude]: swapped it lies in China; GeoJSON wants [longitude, latitude]`);
    }
    if (lon < -180 || lon > 180) return fail('out-of-range', `longitude ${lon} is outside −180…180`);
    if (lat < -90 || lat > 90) return fail('out-of-range', `latitude ${lat} is outside −90…90`);
  }

  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  for (const line of lines) {
    if (!distinctAtLeast(line, 2)) return fail('degenerate', 'a line needs at least two distinct positions');
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const polygon of polygons) {
    if (polygon.length === 0) return fail('empty', 'a polygon needs at least an outer ring');
    for (const ring of polygon) {
      if (ring.length < 4) return fail('degenerate', 'a ring needs at least four positions (three corners and the closing one)');
      const [a, z] = [ring[0]!, ring[ring.length - 1]!];
      if (a[0] !== z[0] || a[1] !== z[1]) return fail('unclosed-ring', 'a ring must end at the position it starts from');
      if (!distinctAtLeast(ring, 3)) return fail('degenerate', 'a ring needs at least three distinct corners');
    }
  }
  if (polygons.length > 0) {
    const crossings = findRingCrossings(polygons.flat());
    if (crossings.first) {
      const [lon, lat] = crossings.first;
      const { count, atLeast } = crossings;
      return fail('self-intersection', `the boundary crosses itself near [${lon.toFixed(6)}, ${lat.toFixed(6)}] (${atLeast ? 'at least ' : ''}${count} crossing${count > 1 || atLeast ? 's' : ''})`);
    }
    if (polygons.some((polygon) => polygon.some((ring) => ringArea(ring) === 0))) return fail('degenerate', 'a ring has no area (its corners lie on a line)');
  }
  if (options.county) {
    const toCounty = distanceToPolygonM(options.county);
    const toleranceM = options.toleranceM ?? 0;
    const outside = positions.filter(([lon, lat]) => toCounty(lon!, lat!) > toleranceM);
    if (outside.length > 0) {
      return fail('outside-county', `${outside.length} of ${positions.length} position(s) lie outside the county, e.g. [${outside[0]![0]}, ${outside[0]![1]}]`);
    }
  }
  return { valid: true };
}

/** whether `ps` holds at least k different positions (k small: stops as soon as it has them) */
function distinctAtLeast(ps: Position[], k: number): boolean {
  const seen: Position[] = [];
  for (const p of ps) {
    if (!seen.some((q) => q[0] === p[0] && q[1] === p[1]) && seen.push(p) >= k) return true;
  }
  return false;
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}
