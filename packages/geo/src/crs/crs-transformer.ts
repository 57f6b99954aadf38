import type { Position } from 'geojson';
import proj4 from 'proj4';
import { bd09ToWgs84 } from '../analytics/bd09-to-wgs84.js';
import { gcj02ToWgs84 } from '../analytics/gcj02-to-wgs84.js';
import { wgs84ToBd09 } from '../analytics/wgs84-to-bd09.js';
import { wgs84ToGcj02 } from '../analytics/wgs84-to-gcj02.js';
import { crsInfo } from './crs-info.js';
import type { CrsInfo } from './crs-types.js';

/** `traditional`: x = longitude/easting first (GeoJSON, Shapefile, WKT as GIS tools write them); `authority`: the CRS's own axis order. */
export type AxisOrder = 'traditional' | 'authority';
export interface CrsTransformOptions { fromAxes?: AxisOrder; toAxes?: AxisOrder }

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

type Pair = (p: [number, number]) => [number, number];

function toWgs84(crs: CrsInfo): Pair {
  if (crs.datum === 'gcj02') return gcj02ToWgs84;
  if (crs.datum === 'bd09') return bd09ToWgs84;
  // CGCS2000 and WGS84 geographic coordinates are the same numbers within centimetres.
  if (crs.kind === 'geographic') return (p) => p;
  const conv = proj4(crs.proj4!, WGS84);
  return (p) => conv.forward(p) as [number, number];
}

function fromWgs84(crs: CrsInfo): Pair {
  if (crs.datum === 'gcj02') return wgs84ToGcj02;
  if (crs.datum === 'bd09') return wgs84ToBd09;
  if (crs.kind === 'geographic') return (p) => p;
  const conv = proj4(WGS84, crs.proj4!);
  return (p) => conv.forward(p) as [number, number];
}

const swapped = (crs: CrsInfo, axes: AxisOrder) => axes === 'authority' && (crs.axisOrder === 'latlon' || crs.axisOrder === 'northeast');

/**
 * A function converting one position between two CRSs (codes in any notation `crsInfo` reads),
 * keeping any altitude; by default both sides use the traditional x = east order.
 * @example crsTransformer('EPSG:4548', 'EPSG:4326')([390150.706, 3998437.570]) // ≈ [115.78, 36.11]
 */
export function crsTransformer(from: string, to: string, options: CrsTransformOptions = {}): (p: Position) => Position {
  const a = crsInfo(from, 'from');
  const b = crsInfo(to, 'to');
  const swapIn = swapped(a, options.fromAxes ?? 'traditional');
  const swapOut = swapped(b, options.toAxes ?? 'traditional');
  const same = a.code === b.code || (a.kind === 'geographic' && b.kind === 'geographic' && a.proj4 !== null && b.proj4 !== null);
  const inv = same ? null : toWgs84(a);
  const fwd = same ? null : fromWgs84(b);
  return (p) => {
    const xy: [number, number] = swapIn ? [p[1]!, p[0]!] : [p[0]!, p[1]!];
    const out = inv && fwd ? fwd(inv(xy)) : xy;
    const ordered = swapOut ? [out[1], out[0]] : [out[0], out[1]];
    return p.length > 2 ? [...ordered, ...p.slice(2)] : ordered;
  };
}
