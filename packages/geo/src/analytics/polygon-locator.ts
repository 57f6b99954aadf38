import * as turf from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * Finds which of many polygons contains a [lon, lat] point, with a bucket grid over their bounding
 * boxes so that each lookup tests only the few polygons near the point; −1 when none does.
 * @example polygonLocator(townships.features)(115.8, 36.1) // → index of the township, or −1
 */
export function polygonLocator(polygons: readonly Feature<Polygon | MultiPolygon>[], bucketsPerSide = 32): (lon: number, lat: number) => number {
  const boxes: BBox[] = polygons.map((p) => turf.bbox(p));
  const all: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    all[0] = Math.min(all[0], b[0]); all[1] = Math.min(all[1], b[1]); all[2] = Math.max(all[2], b[2]); all[3] = Math.max(all[3], b[3]);
  }
  const w = (all[2] - all[0]) / bucketsPerSide || 1;
  const h = (all[3] - all[1]) / bucketsPerSide || 1;
  const clamp = (v: number) => Math.min(bucketsPerSide - 1, Math.max(0, v));
  const buckets: number[][] = Array.from({ length: bucketsPerSide * bucketsPerSide }, () => []);
  boxes.forEach((b, i) => {
    for (let r = clamp(Math.floor((b[1] - all[1]) / h)); r <= clamp(Math.floor((b[3] - all[1]) / h)); r++) {
      for (let c = clamp(Math.floor((b[0] - all[0]) / w)); c <= clamp(Math.floor((b[2] - all[0]) / w)); c++) buckets[r * bucketsPerSide + c]!.push(i);
    }
  });
  return (lon, lat) => {
    if (!(lon >= all[0] && lon <= all[2] && lat >= all[1] && lat <= all[3])) return -1;
    const bucket = buckets[clamp(Math.floor((lat - all[1]) / h)) * bucketsPerSide + clamp(Math.floor((lon - all[0]) / w))]!;
    for (const i of bucket) {
      const b = boxes[i]!;
      if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3] && turf.booleanPointInPolygon([lon, lat], polygons[i]!)) return i;
    }
    return -1;
  };
}
