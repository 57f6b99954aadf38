import type { GeoJSON, Position } from 'geojson';

/**
 * Returns a copy of a GeoJSON geometry, feature or collection with every position replaced by
 * `fn(position)`; stale `bbox` members are dropped, properties and foreign members kept.
 * @example mapPositions(point, ([x, y]) => [x + 1, y]) // the point moved one unit east
 */
export function mapPositions<T extends GeoJSON>(geojson: T, fn: (p: Position) => Position): T {
  const walk = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? fn(c as Position) : (c as unknown[]).map(walk));
  const visit = (node: any): any => {
    if (node === null || typeof node !== 'object') return node;
    const { bbox: _stale, ...rest } = node;
    switch (node.type) {
      case 'FeatureCollection': return { ...rest, features: node.features.map(visit) };
      case 'Feature': return { ...rest, geometry: visit(node.geometry) };
      case 'GeometryCollection': return { ...rest, geometries: node.geometries.map(visit) };
      default: return { ...rest, coordinates: walk(node.coordinates) };
    }
  };
  return visit(geojson) as T;
}
