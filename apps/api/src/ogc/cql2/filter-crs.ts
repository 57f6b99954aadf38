import { crsTransformer, mapPositions, type CrsInfo } from '@riskmap/geo';
import type { Cql2, GeometryOperand } from './ast.js';
import { bboxToCrs84 } from '../ogc-crs.js';

/**
 * A parsed CQL2 filter whose geometry literals are given in `crs` (`filter-crs`, in that CRS's authority
 * axis order: EPSG:4326 and 4490 latitude first, Gauss-Krüger northing first) with those literals in CRS84,
 * the CRS the layers are stored in; CRS84 returns the filter unchanged. A BBOX literal is densified along its edges
 * first (bboxToCrs84, the same as the `bbox` parameter), so in a projected CRS its edges follow the projection.
 * @example cql2InCrs84(parseCql2('S_INTERSECTS(geometry, POINT(36.1 115.8))'), crsInfo('EPSG:4326'))
 */
export function cql2InCrs84(e: Cql2, crs: CrsInfo): Cql2 {
  if (crs.code === 'OGC:CRS84') return e;
  const t = crsTransformer(crs.code, 'OGC:CRS84', { fromAxes: 'authority' });
  // A BBOX's edges are straight in its own CRS: densified (as the bbox parameter is), so the box follows the projection.
  const operand = (g: GeometryOperand): GeometryOperand =>
    g.kind !== 'geometry' ? g : { kind: 'geometry', geometry: g.bbox ? bboxToCrs84(g.bbox, crs) : mapPositions(g.geometry, t) };
  const walk = (x: Cql2): Cql2 => {
    switch (x.op) {
      case 'and':
      case 'or':
        return { ...x, args: x.args.map(walk) };
      case 'not':
        return { ...x, arg: walk(x.arg) };
      case 'spatial':
        return { ...x, left: operand(x.left), right: operand(x.right) };
      default:
        return x;
    }
  };
  return walk(e);
}
