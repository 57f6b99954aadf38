import type { RoadGraph } from './build-road-graph.js';
import { haversineM } from '../analytics/haversine-m.js';

/**
 * The road-graph node nearest to a lon/lat point and its distance in metres (node −1 for an empty graph).
 * @example snapToNode(graph, 115.79, 36.11); // { node: 12, meters: 48.3 }
 */
export function snapToNode(g: RoadGraph, lon: number, lat: number): { node: number; meters: number } {
  // Rank by a local planar metric, then measure the winner geodesically.
  const k = Math.cos((lat * Math.PI) / 180);
  let best = -1;
  let bestD = Infinity;
  for (let v = 0; v < g.lon.length; v++) {
    const dx = (g.lon[v]! - lon) * k;
    const dy = g.lat[v]! - lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best < 0 ? { node: -1, meters: Infinity } : { node: best, meters: haversineM(lon, lat, g.lon[best]!, g.lat[best]!) };
}
