import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { haversineM } from './haversine-m.js';
import { localMetricProjection } from './local-metric-projection.js';
import { pointInRings } from './point-in-rings.js';
import type { XY } from './clip-ring-to-convex.js';

/**
 * Returns a function giving the distance in metres from [lon, lat] to a polygon (0 inside): the
 * nearest point on its boundary is found in a local projection, the distance to it measured
 * geodesically.
 * @example distanceToPolygonM(county)(116.5, 36.1) // → ≈ 34,000
 */
export function distanceToPolygonM(polygon: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon): (lon: number, lat: number) => number {
  const g = 'geometry' in polygon ? polygon.geometry : polygon;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const first = polys[0]?.[0]?.[0] ?? [0, 0];
  const projection = localMetricProjection(first[0]!, first[1]!);
  const rings: XY[][] = polys.flat().map((ring) => ring.map(([lon, lat]) => projection.toXY(lon!, lat!)));
  return (lon, lat) => {
    const [x, y] = projection.toXY(lon, lat);
    if (pointInRings(x, y, rings)) return 0;
    let best = Infinity;
    let bestXY: XY = [x, y];
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[i + 1]!;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        const px = ax + t * dx;
        const py = ay + t * dy;
        const d2 = (x - px) ** 2 + (y - py) ** 2;
        if (d2 < best) {
          best = d2;
          bestXY = [px, py];
        }
      }
    }
    const [plon, plat] = projection.toLonLat(bestXY[0], bestXY[1]);
    return haversineM(lon, lat, plon, plat);
  };
}
