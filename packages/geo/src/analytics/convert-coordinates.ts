import type { GeoJSON, Position } from 'geojson';
import { InputError } from '../input-error.js';
import { mapPositions } from '../crs/map-positions.js';
import { bd09ToWgs84 } from './bd09-to-wgs84.js';
import { gcj02ToWgs84 } from './gcj02-to-wgs84.js';
import { wgs84ToBd09 } from './wgs84-to-bd09.js';
import { wgs84ToGcj02 } from './wgs84-to-gcj02.js';

export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09';
export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ['wgs84', 'gcj02', 'bd09'];

const toWgs84: Record<CoordinateSystem, (p: Position) => [number, number]> = { wgs84: (p) => [p[0]!, p[1]!], gcj02: gcj02ToWgs84, bd09: bd09ToWgs84 };
const fromWgs84: Record<CoordinateSystem, (p: Position) => [number, number]> = { wgs84: (p) => [p[0]!, p[1]!], gcj02: wgs84ToGcj02, bd09: wgs84ToBd09 };

/**
 * Converts every position of a GeoJSON geometry, feature or collection between WGS84, GCJ-02 and
 * BD-09 (degrees; altitude kept; stale `bbox` members dropped); returns a new object.
 * @example convertCoordinates(featureCollection, 'gcj02', 'wgs84') // Amap coordinates → WGS84
 */
export function convertCoordinates<T extends GeoJSON>(geojson: T, from: CoordinateSystem, to: CoordinateSystem): T {
  if (!COORDINATE_SYSTEMS.includes(from)) throw new InputError(`unknown coordinate system ${String(from)}`, 'from', COORDINATE_SYSTEMS);
  if (!COORDINATE_SYSTEMS.includes(to)) throw new InputError(`unknown coordinate system ${String(to)}`, 'to', COORDINATE_SYSTEMS);
  return mapPositions(geojson, (p) => {
    const out: Position = from === to ? [p[0]!, p[1]!] : fromWgs84[to](toWgs84[from](p));
    return p.length > 2 ? [...out, ...p.slice(2)] : out;
  });
}
