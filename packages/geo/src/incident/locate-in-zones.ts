import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { haversineM } from '../analytics/haversine-m.js';
import { riskPointLonLat } from '../analytics/risk-point-lon-lat.js';
import { featureKey } from './feature-key.js';
import type { FeatureKey, ZoneProps } from './types.js';
import { zoneLocator } from './zone-locator.js';

export interface ZoneHit<P> {
  id: FeatureKey;
  properties: P;
  /** Innermost zone holding the feature, or null outside every zone (rank −1). */
  zone: string | null;
  rank: number;
  /** Geodesic metres from the source, whole metres. */
  distanceM: number;
  lonLat: [number, number];
}

/**
 * Every feature (points; other geometries by the middle of their bounding box) with the innermost
 * impact zone it lies in (null / −1 outside) and its distance from the source, nearest first.
 * Features without geometry are left out.
 * @example locateInZones(zones, shelters).filter((h) => h.rank >= 0) // → the shelters inside a zone
 */
export function locateInZones<P>(zones: FeatureCollection<Polygon, ZoneProps>, features: FeatureCollection<Geometry | null, P> | readonly Feature<Geometry | null, P>[]): ZoneHit<P>[] {
  const list = 'features' in features ? features.features : features;
  const locate = zoneLocator(zones);
  const byRank = new Map(zones.features.map((z) => [z.properties.rank, z.properties.key]));
  const [lon0, lat0] = zones.features[0]?.properties.center ?? [0, 0];
  const hits: ZoneHit<P>[] = [];
  for (const f of list) {
    const at = riskPointLonLat(f as Feature<Geometry | null>);
    if (!at) continue;
    const rank = locate(at[0], at[1]);
    hits.push({ id: featureKey(f), properties: f.properties, zone: rank < 0 ? null : byRank.get(rank)!, rank, distanceM: Math.round(haversineM(lon0, lat0, at[0], at[1])), lonLat: at });
  }
  return hits.sort((a, b) => a.distanceM - b.distanceM);
}
