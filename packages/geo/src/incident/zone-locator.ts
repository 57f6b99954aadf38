import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { localMetricProjection } from '../analytics/local-metric-projection.js';
import type { ZoneProps } from './types.js';

/**
 * Returns a function giving the rank of the innermost zone that contains [lon, lat], or −1: exact
 * circles and sectors from the zones' properties (distance and bearing from the source in a local
 * metric projection), not the drawn polygons.
 * @example zoneLocator(incidentZones([115.8, 36.1], { type: 'fire' }))(115.8, 36.1005) // → 0 (55.6 m ≤ 100 m)
 */
export function zoneLocator(zones: FeatureCollection<Polygon, ZoneProps> | readonly Feature<Polygon, ZoneProps>[]): (lon: number, lat: number) => number {
  const list = ('features' in zones ? zones.features : zones).map((f) => f.properties).sort((a, b) => a.rank - b.rank);
  if (list.length === 0) return () => -1;
  const [lon0, lat0] = list[0]!.center;
  const projection = localMetricProjection(lon0, lat0);
  return (lon, lat) => {
    const [x, y] = projection.toXY(lon, lat);
    const d = Math.hypot(x, y);
    const bearing = ((Math.atan2(x, y) * 180) / Math.PI + 360) % 360;
    for (const z of list) {
      if (d <= z.roundRadiusM) return z.rank;
      if (z.shape === 'plume' && d <= z.radiusM && (d === 0 || angleBetween(bearing, z.bearingDeg!) <= z.halfAngleDeg!)) return z.rank;
    }
    return -1;
  };
}

function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}
