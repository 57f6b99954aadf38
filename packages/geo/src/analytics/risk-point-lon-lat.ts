import type { Feature, Geometry } from 'geojson';

/**
 * The [lon, lat] that places a risk feature in an area: a Point's coordinates, else the middle of
 * the geometry's bounding box (risk points may be stored as plant polygons). Null without geometry.
 * @example riskPointLonLat({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [115.8, 36.1] } }) // → [115.8, 36.1]
 */
export function riskPointLonLat(feature: Feature<Geometry | null>): [number, number] | null {
  const g = feature.geometry;
  if (!g) return null;
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      minX = Math.min(minX, x!); maxX = Math.max(maxX, x!); minY = Math.min(minY, y!); maxY = Math.max(maxY, y!);
    } else for (const child of c as unknown[]) visit(child);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((child) => visit('coordinates' in child ? child.coordinates : []));
  else visit(g.coordinates);
  return minX === Infinity ? null : [(minX + maxX) / 2, (minY + maxY) / 2];
}
